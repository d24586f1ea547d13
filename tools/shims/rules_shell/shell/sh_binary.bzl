"""@rules_shell//shell:sh_binary.bzl, as Bazel 4.2.3's native rule."""

def sh_binary(**kwargs):
    native.sh_binary(**kwargs)
