"""lint_targets: the fix (`bazel run //:NAME`) and check (`bazel test //:NAME_test`) targets of one formatter."""

def lint_targets(name, binary):
    """Declares NAME (bazel run: fixes the tree) and NAME_test (fails when NAME would change it).

    The test reads the source tree itself, not a sandboxed copy, so it is
    tagged no-sandbox and external (never cached), as Gazelle's gazelle_test.

    Args:
      name: the formatter's name in tools/lint/lint.sh: "buildifier" or "gofmt".
      binary: label of its executable.
    """
    native.sh_binary(
        name = name,
        srcs = ["//tools/lint:lint.sh"],
        args = [name, "fix", "$(rootpath %s)" % binary],
        data = [binary],
    )
    native.sh_test(
        name = name + "_test",
        size = "small",
        srcs = ["//tools/lint:lint.sh"],
        args = [name, "check", "$(rootpath %s)" % binary],
        data = ["//:WORKSPACE", binary],
        tags = ["external", "no-sandbox"],
    )
