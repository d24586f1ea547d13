# Helpers for the CI scripts (hand-written; sourced, not run).
#
# fresh_copy: copies the tracked files of this work tree (with uncommitted
# edits) to $copy, under a new temp dir $tmp, for a build in its own output
# base $tmp/ob. Each extra output base gets its own copy: one in the same
# workspace would walk into the other's bazel-* symlinks under //... .
# On exit, the copy's Bazel server is shut down and $tmp removed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

fresh_copy() { # fresh_copy [SUBDIR]: sets tmp, copy
  tmp=$(mktemp -d)
  copy=$tmp/${1:-repo}
  trap _fresh_copy_cleanup EXIT
  mkdir -p "$copy"
  (cd "$root" && git ls-files -z | tar --null -T - -c) | tar -x -C "$copy"
}

_fresh_copy_cleanup() {
  (cd "$copy" 2>/dev/null && "$root/tools/bazel" --output_base="$tmp/ob" shutdown >/dev/null 2>&1) || true
  rm -rf "$tmp"
}
