#!/usr/bin/env bash
# A pull request's tests (.ci/run pr): `bazel test` on the targets the change
# can affect and the source gates, which read the tree outside the build graph
# (tools/affected --gates). When the tool answers everything it lists every
# target; when it fails, this tests //... . Its log line says which and why.
# With AFFECTED_SAVED naming the directory main's CI saved (--save), the base
# is its commit and only this tree is analysed, by the tool main built and
# saved there: no Bazel build before the tests.
#   tools/affected/test_affected.sh [BASE_REV]   (default: the merge base with main)
set -euo pipefail
cd "$(dirname "$0")/../.."
q=(--noshow_progress --ui_event_filters=-info)
tool=(tools/bazel run "${q[@]}" //tools/affected --)
args=(--gates --shutdown)
[[ -z ${1:-} ]] || args+=(--base "$1")
saved=${AFFECTED_SAVED:-}
if [[ -n $saved && -s $saved/hashes.json ]]; then
  args=(--gates --base-hashes "$saved/hashes.json")
  # The binary that wrote the hashes reads them: same format, same hash. It
  # reads this checkout, as under bazel run (not one an outer bazel run set).
  [[ ! -x $saved/affected ]] || tool=(env BUILD_WORKSPACE_DIRECTORY="$PWD" "$saved/affected")
fi
by="bazel run //tools/affected"
[[ ${tool[0]} == tools/bazel ]] || by=${tool[2]}
if ! answer=$("${tool[@]}" "${args[@]}"); then
  echo "test_affected.sh: tools/affected failed (above): testing //..."
  exec tools/bazel test //...
fi
targets=()
[[ -z $answer ]] || mapfile -t targets <<<"$answer"
if ((${#targets[@]} == 0)); then
  echo "test_affected.sh: nothing to test (${by})"
  exit 0
fi
echo "test_affected.sh: testing ${#targets[@]} targets, the affected ones and the source gates (${by})"
exec tools/bazel test "${targets[@]}"
