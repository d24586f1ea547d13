"""What the image rules say about bad input: each function returns the error for fail(), or None.

Plain functions, so //tools/oci:bad_input tests them without analysing a bad
target (an analysis test would build the target's Go graph again, with nogo, in
a configuration of its own: two standard libraries and ~120 packages more on a
cold `bazel test //...`).
"""

load("//tools/oci:config.bzl", "PLATFORMS")

def image_error(label, binary, base, platform):
    """oci_image's error for a missing binary or base or an unknown platform.

    Args:
      label: the oci_image's label, for the message.
      binary: its binary attribute (None when missing).
      base: its base attribute (None when missing).
      platform: its platform, e.g. "linux/amd64".

    Returns:
      The message for fail(), or None when the input is good.
    """
    if not binary:
        return "oci_image %s: no binary. Set binary = \"//apps/NAME\" (a go_binary), or use go_image() from //tools/oci:go_image.bzl." % label
    if not base:
        return "oci_image %s: no base. Set base = \"//tools/oci:base\" (non-root user, CA roots, time zones), or use go_image() from //tools/oci:go_image.bzl." % label
    if platform not in PLATFORMS:
        return "oci_image %s: platform %r is not one of %s (tools/oci/config.bzl lists them)." % (label, platform, ", ".join(sorted(PLATFORMS.keys())))
    return None

def index_error(label, images):
    """oci_image_index's error for an empty images list.

    Args:
      label: the oci_image_index's label, for the message.
      images: its images attribute.

    Returns:
      The message for fail(), or None when the input is good.
    """
    if not images:
        return "oci_image_index %s: images is empty. List one oci_image per platform." % label
    return None

def load_error(label, repo_tags):
    """oci_load's error unless repo_tags holds exactly one repository:tag.

    Args:
      label: the oci_load's label, for the message.
      repo_tags: its repo_tags attribute.

    Returns:
      The message for fail(), or None when the input is good.
    """
    if len(repo_tags) != 1:
        return "oci_load %s: repo_tags must hold exactly one repository:tag, got %s" % (label, repo_tags)
    return None

def push_error(label, repository):
    """oci_push's error for a repository that is not HOST[:PORT]/PATH.

    Args:
      label: the oci_push's label, for the message.
      repository: its repository attribute.

    Returns:
      The message for fail(), or None when the input is good.
    """
    if "/" not in repository or repository.startswith("/"):
        return "oci_push %s: repository %r should be HOST[:PORT]/PATH, e.g. \"localhost:5000/hello_world\" (tools/oci/config.bzl REGISTRY)." % (label, repository)
    return None
