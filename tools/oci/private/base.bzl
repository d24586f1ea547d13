"""oci_base: the reproducible base layer every image starts from."""

load("//tools/oci:config.bzl", "CA_CERTS", "NONROOT_GID", "NONROOT_UID")
load(":providers.bzl", "OciBaseInfo")

def _oci_base_impl(ctx):
    layer = ctx.actions.declare_file(ctx.label.name + ".tar")
    args = ctx.actions.args()
    args.add("base")
    args.add("--uid", ctx.attr.uid)
    args.add("--gid", ctx.attr.gid)
    args.add("--ca_certs", ctx.attr.ca_certs)
    args.add("--created", 0)
    files = []
    for target, image_path in ctx.attr.files.items():
        f = target.files.to_list()
        if len(f) != 1:
            fail("oci_base %s: files: %s must be one file, got %d" % (ctx.label, target.label, len(f)))
        files.append(f[0])
        args.add("--file", "%s=%s" % (image_path, f[0].path))
    args.add("--out", layer)
    ctx.actions.run(
        executable = ctx.executable._ocitool,
        arguments = [args],
        inputs = files,
        outputs = [layer],
        mnemonic = "OciBase",
        progress_message = "Building OCI base layer %s" % ctx.label,
    )
    return [
        DefaultInfo(files = depset([layer])),
        OciBaseInfo(layer = layer, uid = ctx.attr.uid, gid = ctx.attr.gid, env = ctx.attr.env, go_packages = ctx.attr.go_packages),
    ]

oci_base = rule(
    implementation = _oci_base_impl,
    doc = """`NAME.tar`: the base layer images start from, reproducible, built in the graph.

/etc/passwd and /etc/group naming the non-root user, its home, /tmp, the CA
roots at `ca_certs` and the data `files`; the distroless "static" image, minus
what a static Go binary does not read.""",
    attrs = {
        "uid": attr.int(default = NONROOT_UID, doc = "The non-root user's id."),
        "gid": attr.int(default = NONROOT_GID, doc = "Its group id."),
        "ca_certs": attr.string(default = CA_CERTS, doc = "Image path of the CA roots PEM bundle."),
        "files": attr.label_keyed_string_dict(allow_files = True, doc = "File -> absolute path in the image."),
        "env": attr.string_dict(doc = "Environment the files need, e.g. ZONEINFO; images inherit it."),
        "go_packages": attr.string_list(doc = "Go packages whose files the layer holds (the CA roots' bundle, `time` for the SDK's zoneinfo.zip): the SBOM lists their modules as contained in the image."),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)
