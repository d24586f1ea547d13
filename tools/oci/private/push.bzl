"""oci_push: `bazel run` pushes an image or index, and its SBOM, to a registry."""

load(":checks.bzl", "push_error")
load(":providers.bzl", "OciPushInfo")

def _oci_push_impl(ctx):
    err = push_error(ctx.label, ctx.attr.repository)
    if err:
        fail(err)
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    files = [ctx.file.image, ctx.executable._ocitool]
    flags = ["--default_tag '%s'" % t for t in ctx.attr.remote_tags]
    if ctx.file.sbom:
        files.append(ctx.file.sbom)
        flags.append('--sbom "%s"' % ctx.file.sbom.short_path)
    if ctx.attr.stamp:
        # The stable status as a runfile, for ocitool to expand {KEY}s in the tags.
        status = ctx.actions.declare_file(ctx.label.name + ".stable-status.txt")
        ctx.actions.run_shell(
            inputs = [ctx.info_file],
            outputs = [status],
            command = 'cp "$1" "$2"',
            arguments = [ctx.info_file.path, status.path],
            mnemonic = "OciPushStamp",
        )
        files.append(status)
        flags.append('--stamp_file "%s"' % status.short_path)
    ctx.actions.expand_template(
        template = ctx.file._launcher,
        output = script,
        substitutions = {
            "{{IMAGE}}": str(ctx.attr.image.label),
            "{{OCITOOL}}": ctx.executable._ocitool.short_path,
            "{{LAYOUT}}": ctx.file.image.short_path,
            "{{REPOSITORY}}": ctx.attr.repository,
            "{{WORKSPACE}}": ctx.workspace_name,
            "{{FLAGS}}": " ".join(flags),
        },
        is_executable = True,
    )
    runfiles = ctx.runfiles(files = files)
    return [
        DefaultInfo(executable = script, runfiles = runfiles),
        OciPushInfo(
            repository = ctx.attr.repository,
            digest = ctx.attr.image[OutputGroupInfo].digest.to_list()[0],
        ),
    ]

oci_push = rule(
    implementation = _oci_push_impl,
    executable = True,
    doc = """`bazel run` pushes an oci_image or oci_image_index to `repository`, tagged `remote_tags`.

Prints REPOSITORY@DIGEST. Credentials come from the docker config
($DOCKER_CONFIG/config.json or ~/.docker/config.json, `docker login`) and its
credential helpers, never from the repo.""",
    attrs = {
        "image": attr.label(mandatory = True, allow_single_file = True, doc = "An oci_image or oci_image_index target."),
        "repository": attr.string(mandatory = True, doc = "HOST[:PORT]/PATH; `-- --repository` overrides it."),
        "remote_tags": attr.string_list(doc = "Tags to set; `-- --tag` (repeatable) replaces them. With stamp, {KEY} is the workspace status KEY."),
        "stamp": attr.bool(doc = "Expand {KEY}s in remote_tags from stable-status.txt (go_image sets it under --config=release)."),
        "sbom": attr.label(allow_single_file = [".json"], doc = "An oci_sbom: pushed as an OCI 1.1 artifact whose subject is the image (referrers API, else the sha256-<hex> fallback tag)."),
        "_launcher": attr.label(default = "//tools/oci/private:push.sh.tpl", allow_single_file = True),
        # exec, not target: `bazel run` executes it on this machine, and ocitool is built once.
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)
