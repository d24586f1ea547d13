"""go_bootstrap: the standard library, then rules_go's builder and cmd/pack, in one action.

Hand-written; tools/goproxy/backports/rules_go.sh copies it into rules_go as
go/private/rules/go_bootstrap.bzl and makes @go_sdk's BUILD use it in place of
go_tool_binary. The standard library it builds is the pure (CGO_ENABLED=0) one
for the SDK's own platform: go_sdk's `libs`, which GoStdLib uses when the mode
asks for nothing else (go/private/actions/stdlib.bzl).
"""

def _sdk_relative(f):
    # ../go_sdk/src/fmt/print.go -> src/fmt/print.go: what go_bootstrap.sh copies.
    return "src/" + f.short_path.split("/src/", 1)[1]

def _go_bootstrap_impl(ctx):
    pkg = ctx.actions.declare_directory(ctx.label.name + "/pkg")
    builder = ctx.actions.declare_file(ctx.label.name + "/builder")
    pack = ctx.actions.declare_file(ctx.label.name + "/pack.exe")

    head = ctx.actions.args()
    head.add(ctx.file.go)
    head.add(ctx.file.root_file.dirname)
    srcs = ctx.actions.args()
    srcs.set_param_file_format("multiline")
    srcs.use_param_file("%s", use_always = True)
    srcs.add_all(ctx.files.srcs + ctx.files.pack_srcs, map_each = _sdk_relative)
    tail = ctx.actions.args()
    tail.add(ctx.attr.platform)
    tail.add_all([pkg], expand_directories = False)
    tail.add(builder)
    tail.add(pack)
    tail.add(ctx.attr.builder_ldflags)
    tail.add_all(ctx.files.builder_srcs)

    ctx.actions.run(
        executable = ctx.executable._script,
        arguments = [head, srcs, tail],
        inputs = depset(
            [ctx.file.go, ctx.file.root_file] + ctx.files.builder_srcs,
            transitive = [depset(ctx.files.srcs + ctx.files.pack_srcs + ctx.files.headers + ctx.files.tools)],
        ),
        outputs = [pkg, builder, pack],
        mnemonic = "GoBootstrap",
        progress_message = "Building the Go standard library, rules_go's builder and pack",
    )
    return [
        DefaultInfo(files = depset([pkg])),
        OutputGroupInfo(builder = depset([builder]), pack = depset([pack])),
    ]

go_bootstrap = rule(
    implementation = _go_bootstrap_impl,
    doc = "Builds the SDK platform's pure standard library, then the builder and pack with it (go_bootstrap.sh).",
    attrs = {
        "go": attr.label(mandatory = True, allow_single_file = True, doc = "The SDK's bin/go."),
        "root_file": attr.label(mandatory = True, allow_single_file = True, doc = "A file in the SDK's root."),
        "platform": attr.string(mandatory = True, doc = "The SDK's GOOS_GOARCH, e.g. linux_amd64."),
        "srcs": attr.label_list(allow_files = True, doc = "The standard library's sources (src/...)."),
        "pack_srcs": attr.label_list(allow_files = True, doc = "cmd/pack's sources and those of the packages it imports."),
        "headers": attr.label_list(allow_files = True, doc = "pkg/include."),
        "tools": attr.label_list(allow_files = True, doc = "pkg/tool."),
        "builder_srcs": attr.label_list(allow_files = True, doc = "rules_go's builder, package main."),
        "builder_ldflags": attr.string(doc = "Linker flags of the builder, e.g. -X main.rulesGoStdlibPrefix=..."),
        "_script": attr.label(
            default = "//go/private/rules:go_bootstrap.sh",
            executable = True,
            cfg = "exec",
            allow_single_file = True,
        ),
    },
)

def _go_bootstrap_tool_impl(ctx):
    src = getattr(ctx.attr.bootstrap[OutputGroupInfo], ctx.attr.output_group).to_list()[0]
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = out, target_file = src, is_executable = True)
    return [DefaultInfo(files = depset([out]), executable = out)]

go_bootstrap_tool = rule(
    implementation = _go_bootstrap_tool_impl,
    doc = "One of go_bootstrap's tools as an executable target (builder or pack).",
    executable = True,
    attrs = {
        "bootstrap": attr.label(mandatory = True, providers = [OutputGroupInfo]),
        "output_group": attr.string(mandatory = True, values = ["builder", "pack"]),
    },
)
