"""platform_binary: a binary built for another platform, for the images of other architectures."""

def _platform_transition_impl(_settings, attr):
    return {
        "//command_line_option:platforms": str(attr.platform),
        # No second nogo: it vets these same packages in the host configuration,
        # and a nogo for this one (built for the exec platform from here) would
        # cost one more standard library and ~60 tool packages on a cold build.
        "@io_bazel_rules_go//go/private:bootstrap_nogo": True,
    }

_platform_transition = transition(
    implementation = _platform_transition_impl,
    inputs = [],
    outputs = [
        "//command_line_option:platforms",
        "@io_bazel_rules_go//go/private:bootstrap_nogo",
    ],
)

def _platform_binary_impl(ctx):
    src = ctx.attr.binary[0][DefaultInfo].files_to_run.executable
    out = ctx.actions.declare_file("%s/%s" % (ctx.label.name, src.basename))
    ctx.actions.symlink(output = out, target_file = src, is_executable = True)
    return [DefaultInfo(executable = out, files = depset([out]))]

platform_binary = rule(
    implementation = _platform_binary_impl,
    executable = True,
    doc = """The executable of `binary` built for `platform` (rules_go's go_cross_binary, without nogo).

go_image uses it for the images of the platforms other than the host's.""",
    attrs = {
        "binary": attr.label(mandatory = True, executable = True, cfg = _platform_transition, doc = "A go_binary."),
        "platform": attr.label(mandatory = True, doc = "A platform, e.g. @io_bazel_rules_go//go/toolchain:linux_arm64."),
        "_allowlist_function_transition": attr.label(default = "@bazel_tools//tools/allowlists/function_transition_allowlist"),
    },
)
