#!/usr/bin/env bash
# The Bazel that ibazel runs: tools/bazel, quieter, on Bazel 4.2.3.
# - Every command gets --ui_event_filters=-info --noshow_progress: a rebuild then
#   prints what ibazel says changed, the result, and warnings and errors only.
# - `mod dump_repo_mapping` (Bazel 6's, which ibazel asks for the main repository)
#   answers {}: in WORKSPACE mode every repository's apparent name is its canonical
#   name, so there is nothing to map. Bazel 4.2.3 has no `mod` command; without
#   this, ibazel printed two errors per query. Drop this case on Bazel 6 or newer.
set -euo pipefail
bazel=$(dirname "${BASH_SOURCE[0]}")/../bazel
startup=()
while [[ $# -gt 0 && $1 == -* ]]; do
  startup+=("$1")
  shift
done
[[ $# -gt 0 ]] || exec "$bazel" "${startup[@]}"
command=$1
shift
if [[ $command == mod && ${1:-} == dump_repo_mapping ]]; then
  echo '{}'
  exit 0
fi
exec "$bazel" "${startup[@]}" "$command" --ui_event_filters=-info --noshow_progress "$@"
