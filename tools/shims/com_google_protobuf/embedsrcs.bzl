"""go_embedsrcs: the files a go_library embeds (a shim helper).

protocompile's wellknownimports package embeds the well-known types' .proto
files; its BUILD file (Gazelle's, in @com_github_bufbuild_protocompile) keeps
them private to that package, so they are taken from the library instead.
"""

load("@io_bazel_rules_go//go:def.bzl", "GoInfo")

def _go_embedsrcs_impl(ctx):
    return [DefaultInfo(files = depset(ctx.attr.library[GoInfo].embedsrcs))]

go_embedsrcs = rule(
    implementation = _go_embedsrcs_impl,
    attrs = {"library": attr.label(mandatory = True, providers = [GoInfo])},
    doc = "The embedsrcs of a go_library.",
)
