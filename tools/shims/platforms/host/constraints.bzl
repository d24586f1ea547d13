"""HOST_CONSTRAINTS as in @platforms//host, taken from Bazel 4.2.3's own host detection."""

load("@local_config_platform//:constraints.bzl", _HOST_CONSTRAINTS = "HOST_CONSTRAINTS")

HOST_CONSTRAINTS = _HOST_CONSTRAINTS
