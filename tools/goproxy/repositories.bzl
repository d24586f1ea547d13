"""Declares the build's own repositories: rule sets and Go SDK through the Go proxy, plus the Bazel 4.2.3 shims."""

load("//tools/goproxy:go_proxy_module.bzl", "go_proxy_module")
load("//tools/goproxy:pins.bzl", "MODULES")
load("//tools/goproxy/patches:patches.bzl", "PATCHES")

def _debian_rules_impl(ctx):
    src = ctx.path(ctx.attr.path)
    if not src.exists and ctx.attr.urls and not ctx.which("dpkg-query"):
        # Not Debian (macOS, other Linux): the same release from upstream, hash-checked.
        ctx.download_and_extract(ctx.attr.urls, sha256 = ctx.attr.sha256)
        return
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
    doc = "A rule set that Debian ships under /usr/share/bazel for its bazel-bootstrap; on other systems its upstream release.",
    attrs = {
        "path": attr.string(mandatory = True),
        "package": attr.string(mandatory = True),
        "urls": attr.string_list(doc = "Where the same release is, for systems without dpkg."),
        "sha256": attr.string(doc = "Its archive's sha256."),
    },
)

# The SDK's src/cmd: what rules_go's GoBootstrap builds cmd/pack from (the SDK ships
# pack as source only since Go 1.25; tools/goproxy/patches/perf/rules_go/go_bootstrap.patch). The
# directories are `go list -deps cmd/pack` outside the standard library; a
# missing one fails that action with "cannot find package".
_SDK_CMD_BUILD = """# Written by tools/goproxy/repositories.bzl.
filegroup(
    name = "pack_srcs",
    srcs = glob(
        [d + "/*.go" for d in [
            "pack",
            "internal/archive",
            "internal/bio",
            "internal/goobj",
            "internal/telemetry/counter",
            "vendor/golang.org/x/telemetry/counter",
            "vendor/golang.org/x/telemetry/internal/counter",
            "vendor/golang.org/x/telemetry/internal/mmap",
            "vendor/golang.org/x/telemetry/internal/telemetry",
        ]],
        exclude = ["**/*_test.go"],
    ),
    visibility = ["//visibility:public"],
)
"""

def _module(name, pin = None, **kwargs):
    m = MODULES[pin or name]
    go_proxy_module(name = name, module = m.module, version = m.version, sum = m.sum, **kwargs)

def build_repositories():  # buildifier: disable=unnamed-macro (a WORKSPACE macro declares many repositories)
    """Declares rules_go, Gazelle, the Go SDK files and the shims; call first in WORKSPACE."""
    for shim in ["platforms", "rules_cc", "rules_java", "rules_shell", "remote_coverage_tools", "com_google_protobuf", "rules_proto"]:
        native.local_repository(name = shim, path = "tools/shims/" + shim)

    # Debian's bazel-skylib 1.0.3; without dpkg (macOS), the same 1.0.3 from its
    # GitHub release (the one place this repo downloads from, only there).
    _debian_rules(
        name = "bazel_skylib",
        path = "/usr/share/bazel/tools/skylib",
        package = "bazel-skylib",
        urls = [
            "https://mirror.bazel.build/github.com/bazelbuild/bazel-skylib/releases/download/1.0.3/bazel-skylib-1.0.3.tar.gz",
            "https://github.com/bazelbuild/bazel-skylib/releases/download/1.0.3/bazel-skylib-1.0.3.tar.gz",
        ],
        sha256 = "1c531376ac7e5a180e0237938a2536de0c54d93f5c278634818e0efc952dd56c",
    )

    # skylib's analysistest/unittest need these (what its bazel_skylib_workspace() does).
    native.register_toolchains(
        "@bazel_skylib//toolchains/unittest:cmd_toolchain",
        "@bazel_skylib//toolchains/unittest:bash_toolchain",
    )

    _module(name = "io_bazel_rules_go", patches = PATCHES["io_bazel_rules_go"])

    # Gazelle builds its repository tools from vendor/ (GOPATH mode).
    _module(name = "bazel_gazelle", patches = PATCHES["bazel_gazelle"], go_mod_vendor = True)

    # The same modules unpatched, as zips: //tools/goproxy/patches:patches_test applies the series to them.
    for name in PATCHES:
        _module(name = name + "__zip", pin = name, zip_only = True)

    # One SDK per host; declaring them fetches nothing: go_wrap_sdk reads the host's.
    for name in [n for n in MODULES if n.startswith("go_sdk_")]:
        _module(
            name = name,
            executable_dirs = ["bin", "pkg/tool"],
            link_module_cache = True,
            # The toolchain's own sources (cmd/compile, cmd/go, ...; prebuilt in pkg/tool): not inputs of
            # the standard library build, but rules_go's SDK globs walk them, and Bazel stats every file
            # it has seen before each command (tools/bench/README.md, item 9).
            subpackages = {"src/cmd": _SDK_CMD_BUILD},
            build_file_content = 'exports_files(["VERSION"], visibility = ["//visibility:public"])\n',
        )

    # The Go vulnerability database's OSV entries (fetched only for //:vulncheck).
    _module(
        name = "go_vulndb",
        build_file_content = 'filegroup(name = "osv", srcs = glob(["data/osv/*.json"]), visibility = ["//visibility:public"])\n',
    )
