"""go_image: the image targets of one Go app, named by suffix from the app's name."""

load("//tools/oci:config.bzl", "NONROOT_GID", "NONROOT_UID")
load("//tools/oci:defs.bzl", "oci_image")

def go_image(name, binary, labels = {}, env = {}, **kwargs):
    """Declares NAME, an OCI image of `binary` for linux/amd64, and NAME_test.

    The image holds the very binary that `bazel run` executes (the repo builds
    every Go binary static, see .bazelrc), so what runs in dev ships to prod.

    Args:
      name: image target name, e.g. "image".
      binary: the app's go_binary label, e.g. ":hello_world".
      labels: extra OCI labels; org.opencontainers.image.* are filled in.
      env: environment variables for the entrypoint.
      **kwargs: passed to oci_image (visibility, tags, ...).
    """
    all_labels = {
        "org.opencontainers.image.source": "https://example.com/monorepo",
        "org.opencontainers.image.revision": "unstamped",
        "org.opencontainers.image.version": "dev",
    }
    all_labels.update(labels)
    oci_image(
        name = name,
        binary = binary,
        labels = all_labels,
        env = env,
        **kwargs
    )

    # The image runs the very bytes of `binary`, static, as the non-root user, with no shell.
    native.sh_test(
        name = name + "_test",
        size = "small",
        srcs = ["//tools/oci:exec_test.sh"],
        args = [
            "$(rootpath //tools/oci/imagecheck)",
            "$(rootpath :%s)" % name,
            "$(rootpath %s)" % binary,
            "%d:%d" % (NONROOT_UID, NONROOT_GID),
        ],
        data = [
            ":" + name,
            binary,
            "//tools/oci/imagecheck",
        ],
    )
