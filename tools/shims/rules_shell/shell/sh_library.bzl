"""@rules_shell//shell:sh_library.bzl, as Bazel 4.2.3's native rule."""

def sh_library(**kwargs):
    native.sh_library(**kwargs)
