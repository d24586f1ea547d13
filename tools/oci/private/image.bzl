"""oci_image and oci_image_index: OCI image layout directories and their digests, as rules_oci names them."""

load("//tools/oci:config.bzl", "PLATFORMS")
load(":providers.bzl", "OciBaseInfo")

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
        "binary": attr.label(mandatory = True, executable = True, cfg = "target", doc = "The static executable (a go_binary with pure = \"on\"), e.g. \"//apps/NAME\"; go_image() sets it."),
        "base": attr.label(mandatory = True, providers = [OciBaseInfo], doc = "The base layer: an oci_base, e.g. //tools/oci:base (non-root user, CA roots, time zones)."),
        "entrypoint_name": attr.string(doc = "Name under /app; default: the binary's file name."),
        "platform": attr.string(default = "linux/amd64", values = sorted(PLATFORMS.keys()), doc = "OCI platform; one of tools/oci/config.bzl PLATFORMS."),
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
        "images": attr.label_list(mandatory = True, allow_empty = False, doc = "oci_image targets, one per platform."),
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
