"""lint_fix and lint_test: the `bazel run` fixer and the `bazel test` gate of one formatter, both run by tools/lint/lint.sh."""

def lint_fix(name, binary, tool = None, visibility = None):
    """Declares NAME: `bazel run` of it rewrites the source tree with the tool.

    Args:
      name: target name.
      binary: label of the tool's executable.
      tool: the tool in tools/lint/lint.sh ("buildifier", "gofmt"); default: name.
      visibility: who may run it (the root's alias).
    """
    native.sh_binary(
        name = name,
        srcs = ["//tools/lint:lint.sh"],
        args = [tool or name, "fix", "$(rootpath %s)" % binary],
        data = [binary],
        visibility = visibility,
    )

def lint_test(name, tool, binary, args = [], data = [], visibility = None):
    """Declares NAME, a test that fails when the tool would change the source tree.

    The test reads the source tree itself, not a sandboxed copy, so it is
    tagged no-sandbox and external (Bazel never caches it, as Gazelle's
    gazelle_test); lint.sh keeps a record of the trees it passed on instead.

    Args:
      name: target name, e.g. "gofmt_test".
      tool: the tool in tools/lint/lint.sh: "buildifier", "gofmt", "gazelle", ...
      binary: label of its executable (for gazelle, a gazelle() target).
      args: more arguments for the tool (lint.sh passes them on).
      data: what those arguments name.
      visibility: who may refer to it (the root's test_suite).
    """
    native.sh_test(
        name = name,
        size = "small",
        srcs = ["//tools/lint:lint.sh"],
        args = [tool, "check", "$(rootpath %s)" % binary] + args,
        data = ["//:WORKSPACE", binary] + data,
        # "lint": --config=race skips the gates; they check files, and would run
        # race-instrumented builds of Gazelle and buildifier (not our code).
        tags = ["external", "lint", "no-sandbox"],
        visibility = visibility,
    )
