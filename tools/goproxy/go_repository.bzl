"""go_repository for go_deps.bzl: Gazelle's, except for modules with BUILD files generated ahead of time."""

load("@bazel_gazelle//:deps.bzl", _gazelle_go_repository = "go_repository")
load("//tools/goproxy:go_proxy_module.bzl", "go_proxy_module")
load("//tools/goproxy/buildfiles:buildfiles.bzl", "BUILD_FILES")
load("//tools/goproxy/buildfiles:roots.bzl", "ROOTS")

# A module's files, which //tools/goproxy/buildfiles runs Gazelle on.
_SOURCES = """filegroup(
    name = "files",
    srcs = glob(["**"], exclude = ["**/testdata/**", "BUILD.bazel", "WORKSPACE"]),
    visibility = ["//visibility:public"],
)

# Names the module's root directory.
exports_files(["BUILD.bazel"])
"""

# The BUILD file of a package that buildfiles.bzl does not cover.
_NOT_GENERATED = """fail("{importpath}/{dir} has no BUILD file: @{name} is fetched with BUILD files generated " +
     "ahead of time, for the packages in tools/goproxy/buildfiles/roots.bzl and their dependencies only. " +
     "Add \\"{dir}\\" to its ROOTS there, then run: bazel run //tools/goproxy/buildfiles")
"""

# Where go_repository's version and sum come from, for the message of a checksum mismatch.
_PINNED_IN = "tools/goproxy/go_deps.bzl"

def go_repository(name, importpath, version, sum, **kwargs):
    """A go.mod module's repository, as `bazel run //:gazelle-update-repos` writes it into go_deps.bzl.

    A module in roots.bzl whose version is the one buildfiles.bzl was generated
    for is fetched by go_proxy_module with those BUILD files: no Gazelle at
    fetch time, so a new output base does not build Gazelle's repository tools
    to reach nogo. Any other module, or one with extra attributes, is Gazelle's
    go_repository. A module in roots.bzl also gets NAME__src, its plain files,
    which //tools/goproxy/buildfiles reads.

    Args:
      name: the repository name.
      importpath: the module path.
      version: the module version.
      sum: its go.sum hash.
      **kwargs: more go_repository attributes (then always Gazelle's).
    """
    if name in ROOTS:
        go_proxy_module(name = name + "__src", module = importpath, version = version, sum = sum, build_file_content = _SOURCES, pinned_in = _PINNED_IN)
    generated = BUILD_FILES.get(name)
    if generated and generated["version"] == version and not kwargs:
        go_proxy_module(
            name = name,
            module = importpath,
            version = version,
            sum = sum,
            pinned_in = _PINNED_IN,
            subpackages = generated["packages"],
            other_packages = _NOT_GENERATED.replace("{importpath}", importpath).replace("{name}", name),
        )
        return
    if generated and kwargs:
        # buildifier: disable=print
        print("%s: Gazelle generates its BUILD files at fetch time (slower), because go_deps.bzl gives it attributes (%s) " % (importpath, ", ".join(sorted(kwargs))) +
              "that tools/goproxy/buildfiles/buildfiles.bzl does not apply: drop them, or the module from roots.bzl there.")
    elif generated:
        # buildifier: disable=print
        print("%s@%s: tools/goproxy/buildfiles/buildfiles.bzl is for %s, so Gazelle generates its BUILD files " % (importpath, version, generated["version"]) +
              "at fetch time (slower). Run: bazel run //tools/goproxy/buildfiles")

    # Go modules ship their generated .pb.go: build those, not proto rules (which,
    # for a service, Gazelle v0.47 would give gRPC code without its messages:
    # bazel-gazelle #2170). go_deps.bzl can still set another mode.
    kwargs.setdefault("build_file_proto_mode", "disable_global")
    _gazelle_go_repository(name = name, importpath = importpath, version = version, sum = sum, **kwargs)
