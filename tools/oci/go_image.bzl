"""go_image: the image targets of one Go app, named by suffix from the app's name."""

load("//tools/oci:config.bzl", "LABELS", "NONROOT_GID", "NONROOT_UID", "PLATFORMS", "REGISTRY", "STAMPED_LABELS", "STAMPED_TAGS", "TAGS")
load("//tools/oci:defs.bzl", "oci_image", "oci_image_index", "oci_load", "oci_push", "oci_sbom", "oci_verify")
load("//tools/oci/private:platform_binary.bzl", "platform_binary")

# The platform of the image named NAME, which holds the very binary `bazel run`
# executes when the target platform is linux/amd64 (:target_linux_amd64); on any
# other target platform (a Mac), one built for it. Not the host's: the host may be anything.
RUN_PLATFORM = "linux/amd64"

def go_image(name, binary, base = "//tools/oci:base", platforms = ["linux/amd64", "linux/arm64"], repository = None, labels = {}, env = {}, **kwargs):
    """Declares the images of one Go binary and a test for each.

    Targets, for name = "image":
      image                the linux/amd64 image: holds the very binary `bazel run` executes
                           (from another target platform, e.g. a Mac: image_binary, built for linux/amd64)
      image_linux_arm64    one more image per extra platform, cross-compiled (platform_binary)
      image_index          the multi-platform index over all of them
      image_load           image_load.tar for `docker load`, tagged APP:dev; `bazel run` loads it
      image_push           `bazel run` pushes image_index to REGISTRY/APP:dev (see oci_push),
                           then image_sbom as an artifact referring to it; with a key in
                           IMAGE_SIGNING_KEY, signs it and attests image_sbom (cosign's format)
      image_verify         `bazel run -- --key cosign.pub` fails unless image_index's digest
                           carries a signature by that key: run it before a deploy
      image_sbom           image_sbom.spdx.json: SPDX 2.3, the Go modules the binary links and
                           the standard library's version, describing image_index by digest

    Under --config=release (--stamp) the images' version/revision labels and
    image_push's tag come from tools/release/status.sh (tools/oci/config.bzl
    STAMPED_*); without it they are constant, so digests do not depend on git.
      image_test, image_linux_arm64_test
                           the image runs the binary (byte-identical), static, for its
                           architecture, as the non-root user, with no shell
      image_push_test      image_push's launcher pushes image_index to an in-process
                           registry, prints REPOSITORY@DIGEST, and the registry serves it,
                           with image_sbom referring to it

    Args:
      name: base name of the targets, e.g. "image".
      binary: the app's go_binary label, e.g. ":hello_world". The repo builds every
        Go binary static (.bazelrc), so dev and prod run the same bytes.
      base: the oci_base layer under the binary (user, CA roots, time zones).
      platforms: OCI platforms from tools/oci/config.bzl; the first must be linux/amd64.
      repository: where image_push pushes; default REGISTRY/APP (tools/oci/config.bzl).
      labels: extra OCI labels; org.opencontainers.image.* are filled in (LABELS).
      env: environment variables for the entrypoint.
      **kwargs: passed to every image and index (visibility, tags).
    """
    err = check_platforms(name, platforms)
    if err:
        fail(err)
    all_labels = dict(LABELS)
    all_labels.update(labels)
    stamped_labels = dict(all_labels)
    stamped_labels.update(STAMPED_LABELS)
    stamped = "//tools/release:stamped"
    images = []
    for platform in platforms:
        # Each image's binary is built for its platform by a transition, never the
        # host's; for linux/amd64 on a linux/amd64 target platform (this CI's host)
        # it is the very binary `bazel run` executes. A select() dict, for the test too.
        runs = platform == RUN_PLATFORM
        image = name if runs else name + "_" + platform.replace("/", "_")
        platform_binary(
            name = image + "_binary",
            platform = PLATFORMS[platform],
            binary = binary,
            # RUN_PLATFORM's: built only when the select below picks it (not on linux/amd64).
            tags = ["manual"] if runs else [],
        )
        image_binary = {"//conditions:default": ":%s_binary" % image}
        if runs:
            image_binary["//tools/oci:target_linux_amd64"] = binary
        oci_image(
            name = image,
            binary = select(image_binary),
            base = base,
            entrypoint_name = _target_name(binary),
            platform = platform,
            labels = select({stamped: stamped_labels, "//conditions:default": all_labels}),
            stamp = select({stamped: True, "//conditions:default": False}),
            env = env,
            **kwargs
        )
        _image_test(image, image_binary)
        images.append(":" + image)

    oci_image_index(
        name = name + "_index",
        images = images,
        **kwargs
    )

    oci_load(
        name = name + "_load",
        image = ":" + name,
        repo_tags = [_target_name(binary) + ":dev"],
        **kwargs
    )

    repository = repository or "%s/%s" % (REGISTRY, _target_name(binary))
    oci_sbom(
        name = name + "_sbom",
        binary = binary,
        image = ":" + name + "_index",
        base = base,
        repository = repository,
        app = _target_name(binary),
        **kwargs
    )

    oci_push(
        name = name + "_push",
        image = ":" + name + "_index",
        repository = repository,
        sbom = ":" + name + "_sbom",
        remote_tags = select({stamped: STAMPED_TAGS, "//conditions:default": TAGS}),
        stamp = select({stamped: True, "//conditions:default": False}),
        **kwargs
    )
    oci_verify(
        name = name + "_verify",
        image = ":" + name + "_index",
        repository = repository,
        **kwargs
    )
    _push_test(name)

def check_platforms(name, platforms):
    """Returns go_image's error for a bad platforms list, or None.

    Args:
      name: the go_image's name, for the message.
      platforms: its platforms argument.

    Returns:
      The error message, or None when the list is good.
    """
    if not platforms or platforms[0] != RUN_PLATFORM:
        return "go_image %s: platforms must start with %s (the image of the binary `bazel run` executes), got %s" % (name, RUN_PLATFORM, platforms)
    for platform in platforms:
        if platform not in PLATFORMS:
            return "go_image %s: platform %r is not one of %s; add it to PLATFORMS in tools/oci/config.bzl." % (name, platform, ", ".join(sorted(PLATFORMS.keys())))
    return None

def _target_name(label):
    # Bazel 4.2.3's Label() takes only absolute labels; ":x", "//p:x" and "//p/x" all name x.
    return label.split(":")[-1] if ":" in label else label.split("/")[-1]

def _image_test(image, binary):
    # binary: the image's binary, a dict from condition to label for select().
    _check_test(
        name = image + "_test",
        checker = "//tools/oci/imagecheck",
        args = ["$(rootpath :%s)" % image] + select({c: ["$(rootpath %s)" % b] for c, b in binary.items()}) + ["%d:%d" % (NONROOT_UID, NONROOT_GID)],
        data = [":" + image] + select({c: [b] for c, b in binary.items()}),
    )

def _push_test(name):
    _check_test(
        name = name + "_push_test",
        checker = "//tools/oci/pushcheck",
        args = ["$(rootpath :%s_push)" % name, "$(rootpath :%s_index)" % name, TAGS[0], "$(rootpath :%s_sbom)" % name],
        data = [":%s_index" % name, ":%s_push" % name, ":%s_sbom" % name],
    )

def _check_test(name, checker, args, data):
    # A test that runs one of our Go checkers (imagecheck, pushcheck) on this app's
    # targets: sh_test runs its one src, here the checker's binary, with args.
    native.sh_test(
        name = name,
        size = "small",
        # --config=race skips these: race needs cgo, images need static binaries.
        tags = ["image"],
        srcs = [checker],
        args = args,
        data = data,
    )
