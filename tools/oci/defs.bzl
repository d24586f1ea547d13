"""oci_image: a reproducible OCI image layout from one static binary, with rules_oci's rule name and outputs."""

load("//tools/oci:config.bzl", "NONROOT_GID", "NONROOT_UID", "PLATFORMS", "TZDATA")

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
    if not ctx.attr.binary:
        fail("oci_image %s: no binary. Set binary = \"//apps/NAME\" (a go_binary), or use go_image() from //tools/oci:go_image.bzl." % ctx.label)
    if ctx.attr.platform not in PLATFORMS:
        fail("oci_image %s: platform %r is not one of %s (tools/oci/config.bzl lists them)." % (
            ctx.label,
            ctx.attr.platform,
            ", ".join(sorted(PLATFORMS.keys())),
        ))
    binary = ctx.executable.binary
    layout = ctx.actions.declare_directory(ctx.label.name)
    digest = ctx.actions.declare_file(ctx.label.name + ".digest")
    args = ctx.actions.args()
    args.add("image")
    args.add("--binary", binary)
    args.add("--name", ctx.attr.entrypoint_name or binary.basename)
    args.add("--platform", ctx.attr.platform)
    args.add("--uid", NONROOT_UID)
    args.add("--gid", NONROOT_GID)
    args.add("--created", 0)
    args.add("--file", "%s=%s" % (TZDATA.path, ctx.file._tzdata.path))
    args.add("--env", "ZONEINFO=" + TZDATA.path)
    for k, v in sorted(ctx.attr.labels.items()):
        args.add("--label", "%s=%s" % (k, v))
    for k, v in sorted(ctx.attr.env.items()):
        args.add("--env", "%s=%s" % (k, v))
    args.add("--out", layout.path)
    args.add("--digest_file", digest)
    ctx.actions.run(
        executable = ctx.executable._ocitool,
        arguments = [args],
        inputs = [binary, ctx.file._tzdata],
        outputs = [layout, digest],
        mnemonic = "OciImage",
        progress_message = "Building OCI image %s" % ctx.label,
    )
    return _layout_providers(ctx, layout, digest)

_oci_image = rule(
    implementation = _oci_image_impl,
    doc = """An OCI image layout directory `NAME/`; output group `digest` holds its digest.

Two layers: a base (users from tools/oci/config.bzl, /tmp, time zones) and
/app/BINARY. Runs as the non-root user, has no shell, and every timestamp is
the Unix epoch, so equal inputs give equal digests on every machine.""",
    attrs = {
        "binary": attr.label(executable = True, cfg = "target", doc = "The static executable (a go_binary with pure = \"on\")."),
        "entrypoint_name": attr.string(doc = "Name under /app; default: the binary's file name."),
        "platform": attr.string(default = "linux/amd64", doc = "OCI platform; one of tools/oci/config.bzl PLATFORMS."),
        "labels": attr.string_dict(doc = "OCI config labels."),
        "env": attr.string_dict(doc = "Environment variables."),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
        "_tzdata": attr.label(default = TZDATA.label, allow_single_file = True),
    },
)

def oci_image(name, **kwargs):
    """An OCI image layout `NAME/` and `NAME.digest`, as rules_oci names them.

    Args:
      name: target name; the layout directory is bazel-bin/<package>/NAME.
      **kwargs: binary, platform, labels, env, entrypoint_name, visibility, tags
        (see _oci_image's attributes).
    """
    _oci_image(name = name, **kwargs)
    _digest_target(name, **kwargs)

def _oci_image_index_impl(ctx):
    if not ctx.attr.images:
        fail("oci_image_index %s: images is empty. List one oci_image per platform." % ctx.label)
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

_LOAD_SCRIPT = """#!/usr/bin/env bash
# Loads {tag} into the local container engine (written by oci_load).
set -euo pipefail
tarball="{tarball}"
for engine in ${{OCI_ENGINE:-}} docker podman; do
  if command -v "$engine" >/dev/null; then
    exec "$engine" load --input "$tarball"
  fi
done
echo "oci_load: no docker or podman on PATH (set OCI_ENGINE); the tarball is $PWD/$tarball" >&2
exit 1
"""

def _oci_load_impl(ctx):
    if len(ctx.attr.repo_tags) != 1:
        fail("oci_load %s: repo_tags must hold exactly one repository:tag, got %s" % (ctx.label, ctx.attr.repo_tags))
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
    ctx.actions.write(script, _LOAD_SCRIPT.format(tag = ctx.attr.repo_tags[0], tarball = tarball.short_path), is_executable = True)
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
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)
