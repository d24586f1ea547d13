#!/usr/bin/env bash
# Watch mode: bazel-watcher's ibazel, pinned in go.mod and built
# by Bazel, driving this repository's tools/bazel.
#   bazel run //tools/watch -- run //apps/hello_server -- -addr 127.0.0.1:8081
#   bazel run //tools/watch -- test //libs/...
# On every save of a source file in the targets' graph it rebuilds, and re-runs
# the tests or restarts the server (SIGTERM first, so it shuts down gracefully).
# Ctrl-C stops it and whatever it started.
set -euo pipefail
ibazel=$(realpath "$1")
shift
cd "${BUILD_WORKSPACE_DIRECTORY:?run it with bazel run //tools/watch -- run|test|build TARGET}"
# -run_output=false: ibazel would otherwise offer to run commands it finds in Bazel's output.
# bazel.sh: tools/bazel without Bazel's INFO lines, and with what ibazel asks of Bazel 6.
exec "$ibazel" -bazel_path="$PWD/tools/watch/bazel.sh" -run_output=false "$@"
