"""@rules_shell//shell:sh_test.bzl, as Bazel 4.2.3's native rule."""

def sh_test(**kwargs):
    native.sh_test(**kwargs)
