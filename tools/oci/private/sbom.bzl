"""oci_sbom: the SPDX 2.3 SBOM of a Go binary's image, from the Bazel graph (an aspect over the binary's deps)."""

load("@io_bazel_rules_go//go:def.bzl", "GoArchive")
load(":providers.bzl", "OciBaseInfo")

_GoPackagesInfo = provider(
    doc = "The import paths of the Go packages a target links.",
    fields = {"importpaths": "depset of strings"},
)

def _go_packages_aspect_impl(target, ctx):
    direct = [target[GoArchive].data.importpath] if GoArchive in target else []
    transitive = [
        dep[_GoPackagesInfo].importpaths
        for attr in ("deps", "embed")
        for dep in getattr(ctx.rule.attr, attr, [])
        if _GoPackagesInfo in dep
    ]
    return [_GoPackagesInfo(importpaths = depset(direct, transitive = transitive))]

# Follows deps and embed, as the linker does; the standard library is not in
# the graph (the SDK's version names it).
_go_packages_aspect = aspect(
    implementation = _go_packages_aspect_impl,
    attr_aspects = ["deps", "embed"],
)

_GO_TOOLCHAIN = "@io_bazel_rules_go//go:toolchain"

def _oci_sbom_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".spdx.json")
    importpaths = ctx.actions.declare_file(ctx.label.name + ".importpaths")
    ctx.actions.write(importpaths, "\n".join(sorted(ctx.attr.binary[_GoPackagesInfo].importpaths.to_list())) + "\n")
    args = ctx.actions.args()
    args.add("-name", ctx.attr.app or ctx.attr.binary.label.name)
    args.add("-importpaths", importpaths)
    args.add("-go_mod", ctx.file.go_mod)
    args.add("-go_sum", ctx.file.go_sum)
    args.add("-go_version", ctx.toolchains[_GO_TOOLCHAIN].sdk.version)
    inputs = [importpaths, ctx.file.go_mod, ctx.file.go_sum]
    if ctx.attr.image:
        digest = ctx.attr.image[OutputGroupInfo].digest.to_list()[0]
        args.add("-image_digest", digest)
        args.add("-repository", ctx.attr.repository)
        inputs.append(digest)
        if ctx.attr.base:
            args.add_all(ctx.attr.base[OciBaseInfo].go_packages, before_each = "-contains")
    args.add("-out", out)
    ctx.actions.run(
        executable = ctx.executable._sbom,
        arguments = [args],
        inputs = inputs,
        outputs = [out],
        mnemonic = "OciSbom",
        progress_message = "Writing the SBOM %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]))]

oci_sbom = rule(
    implementation = _oci_sbom_impl,
    doc = """`NAME.spdx.json`: SPDX 2.3 JSON listing the Go modules the binary links.

Each module at its go.mod version with go.sum's hash and a pkg:golang purl,
the standard library at the SDK's version, the main module, and, with
`image`, the image (index) as the described package with its digest and a
pkg:oci purl, which also contains the modules of the base layer's files. A
required module the binary does not link is left out. The same bytes on
every build (fixed creation time).""",
    attrs = {
        "binary": attr.label(mandatory = True, aspects = [_go_packages_aspect], doc = "The go_binary."),
        "image": attr.label(doc = "The image or index the binary is shipped in (its `digest` output group)."),
        "base": attr.label(providers = [OciBaseInfo], doc = "The image's oci_base: the modules of its go_packages are listed as contained in the image."),
        "repository": attr.string(doc = "Where the image is pushed, for its purl."),
        "app": attr.string(doc = "The app's name; default: the binary's target name."),
        "go_mod": attr.label(default = "//:go.mod", allow_single_file = True),
        "go_sum": attr.label(default = "//:go.sum", allow_single_file = True),
        "_sbom": attr.label(default = "//tools/oci/sbom", executable = True, cfg = "exec"),
    },
    # The SDK's version from the Go toolchain, as the binary's compile actions get it; a
    # direct dependency on @go_sdk//:go_sdk would configure it a second time, and with it
    # the standard library build (GoBootstrap, tools/goproxy/patches/perf/rules_go/go_bootstrap.patch).
    toolchains = [_GO_TOOLCHAIN],
)
