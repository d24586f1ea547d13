#!/usr/bin/env bash
# A pull request's tests (.ci/run pr): `bazel test` on the targets the change
# can affect (bazel run //tools/affected) and the source gates, which read the
# tree outside the build graph. When the tool answers everything it lists
# every target; when it fails, this tests //... . Its log line says which and why.
# With AFFECTED_BASE_HASHES naming a file that main's CI saved (--save), the
# base is that file's commit and only this tree is analysed.
#   tools/affected/test_affected.sh [BASE_REV]   (default: the merge base with main)
set -euo pipefail
cd "$(dirname "$0")/../.."
q=(--noshow_progress --ui_event_filters=-info)
args=(--shutdown)
[[ -z ${1:-} ]] || args+=(--base "$1")
if [[ -s ${AFFECTED_BASE_HASHES:-} ]]; then
  args=(--base-hashes "$AFFECTED_BASE_HASHES")
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT

if ! tools/bazel run "${q[@]}" //tools/affected -- "${args[@]}" >"$out"; then
  echo "test_affected.sh: tools/affected failed (above): testing //..."
  exec tools/bazel test //...
fi
mapfile -t targets <"$out"
# Not the manual ones: //:gates_test runs each gate (tools/lint/README.md).
mapfile -t gates < <(tools/bazel query "${q[@]}" 'attr(tags, "\blint\b", tests(//...)) except attr(tags, "\bmanual\b", //...)' 2>/dev/null)
echo "test_affected.sh: testing ${#targets[@]} affected targets and ${#gates[@]} source gates"
exec tools/bazel test "${targets[@]}" "${gates[@]}"
