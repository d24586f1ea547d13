"""Declares the build's own repositories: rule sets and Go SDK through the Go proxy, plus the Bazel 4.2.3 shims."""

load("//tools/goproxy:go_module.bzl", "go_proxy_module")
load("//tools/goproxy:modules.bzl", "MODULES")

def _debian_rules_impl(ctx):
    src = ctx.path(ctx.attr.path)
    if not src.exists:
        fail("%s: %s is missing. Install it with `apt-get install %s` (tools/bazel does this when run as root)." % (
            ctx.name,
            ctx.attr.path,
            ctx.attr.package,
        ))
    for child in src.readdir():
        ctx.symlink(child, child.basename)

_debian_rules = repository_rule(
    implementation = _debian_rules_impl,
    doc = "A rule set that Debian ships under /usr/share/bazel for its bazel-bootstrap.",
    attrs = {
        "path": attr.string(mandatory = True),
        "package": attr.string(mandatory = True),
    },
)

def _module(name, **kwargs):
    m = MODULES[name]
    go_proxy_module(name = name, module = m.module, version = m.version, sum = m.sum, **kwargs)

def build_repositories():  # buildifier: disable=unnamed-macro (a WORKSPACE macro declares many repositories)
    """Declares rules_go, Gazelle, the Go SDK files and the shims; call first in WORKSPACE."""
    for shim in ["platforms", "rules_cc", "rules_java", "rules_shell", "remote_coverage_tools"]:
        native.local_repository(name = shim, path = "tools/shims/" + shim)

    _debian_rules(
        name = "bazel_skylib",
        path = "/usr/share/bazel/tools/skylib",
        package = "bazel-skylib",
    )

    # skylib's analysistest/unittest need these (what its bazel_skylib_workspace() does).
    native.register_toolchains(
        "@bazel_skylib//toolchains/unittest:cmd_toolchain",
        "@bazel_skylib//toolchains/unittest:bash_toolchain",
    )

    _module(
        name = "io_bazel_rules_go",
        patch_script = "//tools/goproxy/backports:rules_go.sh",
    )
    _module(
        name = "bazel_gazelle",
        patch_script = "//tools/goproxy/backports:gazelle.sh",
    )

    # One SDK per host; declaring them fetches nothing: go_wrap_sdk reads the host's.
    for name in [n for n in MODULES if n.startswith("go_sdk_")]:
        _module(
            name = name,
            executable_dirs = ["bin", "pkg/tool"],
            build_file_content = 'exports_files(["VERSION"], visibility = ["//visibility:public"])\n',
        )
