"""lint_fix, lint_test and lint_gates: the `bazel run` fixer and the `bazel test` gates of the source tree, all run by tools/lint/lint.sh."""

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

def lint_test(name, tool, binary, args = [], data = [], tags = [], visibility = None):
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
      tags: more tags (lint_gates: "manual").
      visibility: who may refer to it (the root's test_suite).
    """
    _lint_sh_test(name, [tool, "check", "$(rootpath %s)" % binary] + args, [binary] + data, tags, visibility)

def _lint_sh_test(name, args, data, tags, visibility):
    """lint.sh ARGS as an unsandboxed, never-cached test that reads the tree."""
    native.sh_test(
        name = name,
        size = "small",
        srcs = ["//tools/lint:lint.sh"],
        args = args,
        data = ["//:WORKSPACE"] + data,
        # "lint": --config=race skips the gates; they check files, and would run
        # race-instrumented builds of Gazelle and buildifier (not our code).
        tags = ["external", "lint", "no-sandbox"] + tags,
        visibility = visibility,
    )

def gate(name, tool, binary, args = [], data = []):
    """One gate of lint_gates: lint_test's arguments."""
    return struct(name = name, tool = tool, binary = binary, args = args, data = data)

def lint_gates(name, gates, visibility = None):
    """Declares each gate as a lint_test, and NAME, one test that runs them all.

    `bazel test //...` runs NAME, not the gates one by one (they are manual):
    a test costs Bazel about 0.1 s of process starts even when lint.sh's
    record answers at once, and a no-op `bazel test //...` at 1,000 packages
    has 1 s for everything (tools/bench/README.md). NAME names every gate
    that fails, each with its fix; `bazel test //:gofmt_test` runs one.

    Args:
      name: the combined test.
      gates: gate() structs.
      visibility: who may refer to the tests (the root's test_suites).
    """
    args, data = [], []
    for g in gates:
        lint_test(name = g.name, tool = g.tool, binary = g.binary, args = g.args, data = g.data, tags = ["manual"], visibility = visibility)
        args += ["--", g.tool, "$(rootpath %s)" % g.binary] + g.args
        data += [d for d in [g.binary] + g.data if d not in data]
    _lint_sh_test(name, ["all", "check"] + args, data, [], visibility)
