"""OCI image rules with rules_oci's names and outputs: oci_image, oci_image_index, oci_load, oci_push, oci_base for the base layer and oci_sbom."""

load("//tools/oci:config.bzl", "CA_CERTS", "NONROOT_GID", "NONROOT_UID")
load("//tools/oci/private:checks.bzl", "image_error", "index_error", "load_error", "push_error")
load("//tools/oci/private:providers.bzl", _OciBaseInfo = "OciBaseInfo")
load("//tools/oci/private:sbom.bzl", _oci_sbom = "oci_sbom")

OciBaseInfo = _OciBaseInfo
oci_sbom = _oci_sbom

OciPushInfo = provider(
    doc = "Where an oci_push pushes and what: for deploy rules that refer to the image by digest.",
    fields = {
        "repository": "string: HOST[:PORT]/PATH",
        "digest": "File: holds the pushed image's (or index's) sha256:... digest",
    },
)

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

def _layout_providers(ctx, layout, digest):
    # The layout is the default output (and runfiles, for tests); its digest an output group.
    return [
        DefaultInfo(files = depset([layout]), runfiles = ctx.runfiles(files = [layout])),
        OutputGroupInfo(digest = depset([digest])),
    ]

def _digest_target(name, visibility = None, tags = None, **_kwargs):
    # NAME.digest, as rules_oci names it: the file holding NAME's sha256 digest.
    native.filegroup(
        name = name + ".digest",
        srcs = [":" + name],
        output_group = "digest",
        visibility = visibility,
        tags = tags,
    )

def _oci_image_impl(ctx):
    err = image_error(ctx.label, ctx.attr.binary, ctx.attr.base, ctx.attr.platform)
    if err:
        fail(err)
    base = ctx.attr.base[OciBaseInfo]
    binary = ctx.executable.binary
    layout = ctx.actions.declare_directory(ctx.label.name)
    digest = ctx.actions.declare_file(ctx.label.name + ".digest")
    args = ctx.actions.args()
    args.add("image")
    args.add("--binary", binary)
    args.add("--name", ctx.attr.entrypoint_name or binary.basename)
    args.add("--platform", ctx.attr.platform)
    args.add("--base", base.layer)
    args.add("--uid", base.uid)
    args.add("--gid", base.gid)
    args.add("--created", 0)
    for k, v in sorted(ctx.attr.labels.items()):
        args.add("--label", "%s=%s" % (k, v))
    env = dict(base.env)
    env.update(ctx.attr.env)
    for k, v in sorted(env.items()):
        args.add("--env", "%s=%s" % (k, v))
    inputs = [binary, base.layer]
    if ctx.attr.stamp:
        args.add("--stamp_file", ctx.info_file)
        inputs.append(ctx.info_file)
    args.add("--out", layout.path)
    args.add("--digest_file", digest)
    ctx.actions.run(
        executable = ctx.executable._ocitool,
        arguments = [args],
        inputs = inputs,
        outputs = [layout, digest],
        mnemonic = "OciImage",
        progress_message = "Building OCI image %s" % ctx.label,
    )
    return _layout_providers(ctx, layout, digest)

_oci_image = rule(
    implementation = _oci_image_impl,
    doc = """An OCI image layout directory `NAME/`; output group `digest` holds its digest.

Two layers: `base` (an oci_base) and /app/BINARY. Runs as the base's non-root
user, has no shell, and every timestamp is the Unix epoch, so equal inputs give
equal digests on every machine.""",
    attrs = {
        "binary": attr.label(executable = True, cfg = "target", doc = "The static executable (a go_binary with pure = \"on\")."),
        "base": attr.label(providers = [OciBaseInfo], doc = "The base layer: an oci_base, e.g. //tools/oci:base."),
        "entrypoint_name": attr.string(doc = "Name under /app; default: the binary's file name."),
        "platform": attr.string(default = "linux/amd64", doc = "OCI platform; one of tools/oci/config.bzl PLATFORMS."),
        "labels": attr.string_dict(doc = "OCI config labels; with stamp, {KEY} in a value is the workspace status KEY."),
        "env": attr.string_dict(doc = "Environment variables."),
        "stamp": attr.bool(doc = "Expand {KEY}s in labels from stable-status.txt (go_image sets it under --config=release)."),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)

def oci_image(name, **kwargs):
    """An OCI image layout `NAME/` and `NAME.digest`, as rules_oci names them.

    Args:
      name: target name; the layout directory is bazel-bin/<package>/NAME.
      **kwargs: binary, base, platform, labels, env, entrypoint_name, visibility,
        tags (see _oci_image's attributes).
    """
    _oci_image(name = name, **kwargs)
    _digest_target(name, **kwargs)

def _oci_image_index_impl(ctx):
    err = index_error(ctx.label, ctx.attr.images)
    if err:
        fail(err)
    layout = ctx.actions.declare_directory(ctx.label.name)
    digest = ctx.actions.declare_file(ctx.label.name + ".digest")
    args = ctx.actions.args()
    args.add("index")
    args.add_all(ctx.files.images, before_each = "--image", expand_directories = False)
    args.add("--out", layout.path)
    args.add("--digest_file", digest)
    ctx.actions.run(
        executable = ctx.executable._ocitool,
        arguments = [args],
        inputs = ctx.files.images,
        outputs = [layout, digest],
        mnemonic = "OciImageIndex",
        progress_message = "Building OCI image index %s" % ctx.label,
    )
    return _layout_providers(ctx, layout, digest)

_oci_image_index = rule(
    implementation = _oci_image_index_impl,
    doc = "An OCI image index layout `NAME/` over one oci_image per platform; output group `digest`.",
    attrs = {
        "images": attr.label_list(doc = "oci_image targets, one per platform."),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)

def oci_image_index(name, images, **kwargs):
    """A multi-platform image index `NAME/` and `NAME.digest`, as rules_oci names them.

    Args:
      name: target name.
      images: oci_image targets, one per platform (their configs give the platforms).
      **kwargs: visibility, tags.
    """
    _oci_image_index(name = name, images = images, **kwargs)
    _digest_target(name, **kwargs)

def _oci_load_impl(ctx):
    err = load_error(ctx.label, ctx.attr.repo_tags)
    if err:
        fail(err)
    tarball = ctx.actions.declare_file(ctx.label.name + ".tar")
    ctx.actions.run(
        executable = ctx.executable._ocitool,
        arguments = ["load", "--image", ctx.file.image.path, "--tag", ctx.attr.repo_tags[0], "--out", tarball.path],
        inputs = [ctx.file.image],
        outputs = [tarball],
        mnemonic = "OciLoad",
        progress_message = "Writing docker load tarball %s" % ctx.label,
    )
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.expand_template(
        template = ctx.file._launcher,
        output = script,
        substitutions = {
            "{{TAG}}": ctx.attr.repo_tags[0],
            "{{TARBALL}}": tarball.short_path,
            "{{WORKSPACE}}": ctx.workspace_name,
        },
        is_executable = True,
    )
    return [DefaultInfo(
        files = depset([tarball]),
        executable = script,
        runfiles = ctx.runfiles(files = [tarball]),
    )]

oci_load = rule(
    implementation = _oci_load_impl,
    executable = True,
    doc = """`NAME.tar`: an oci_image as a `docker load` / `podman load` tarball; `bazel run` loads it.""",
    attrs = {
        "image": attr.label(mandatory = True, allow_single_file = True, doc = "An oci_image target."),
        "repo_tags": attr.string_list(mandatory = True, doc = "Exactly one repository:tag, e.g. [\"hello_world:dev\"]."),
        "_launcher": attr.label(default = "//tools/oci/private:load.sh.tpl", allow_single_file = True),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)

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
