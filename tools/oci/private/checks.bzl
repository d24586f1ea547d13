"""What the image rules say about bad input that attributes cannot express: each function returns the error for fail(), or None.

A missing binary, base or image, or an unknown platform, Bazel refuses itself
(mandatory attributes, `values`). These are plain functions, so
:checks_test tests them without analysing a bad target (an analysis test would
build the target's Go graph again, with nogo, in a configuration of its own).
"""

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

def push_error(label, repository, rule = "oci_push"):
    """oci_push's (or oci_verify's) error for a repository that is not HOST[:PORT]/PATH.

    Args:
      label: the target's label, for the message.
      repository: its repository attribute.
      rule: the rule's name, for the message.

    Returns:
      The message for fail(), or None when the input is good.
    """
    if "/" not in repository or repository.startswith("/"):
        return "%s %s: repository %r should be HOST[:PORT]/PATH, e.g. \"localhost:5000/hello_world\" (tools/oci/config.bzl REGISTRY)." % (rule, label, repository)
    return None
