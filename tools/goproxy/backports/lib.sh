# shellcheck shell=bash
# Helpers for the back-port scripts (hand-written; sourced, not run).
# Each edit is one perl substitution over a whole file, so a script reads as a
# list of "this Bazel API -> what Bazel 4.2.3 has" lines.

set -euo pipefail

# required FILE PERL_SUBST WHY: the edit must apply; if its pattern is gone the
# rule set changed under us, and we stop rather than build something half-ported.
required() { _edit required "$@"; }

# optional FILE PERL_SUBST WHY: apply the edit where its pattern is present.
optional() { _edit optional "$@"; }

_edit() {
  local mode=$1 file=$2 subst=$3 why=$4 rc=0
  if [[ ! -f "$file" ]]; then
    [[ "$mode" == optional ]] && return 0
    echo "back-port '$why': $file does not exist in this version" >&2
    exit 1
  fi
  perl -0pi -e '$n += ('"$subst"'); END { exit($n ? 0 : 3) }' "$file" || rc=$?
  if [[ $rc -eq 3 && "$mode" == required ]]; then
    echo "back-port '$why': pattern no longer found in $file; update ${BASH_SOURCE[2]}" >&2
    exit 1
  elif [[ $rc -ne 0 && $rc -ne 3 ]]; then
    echo "back-port '$why': perl failed on $file (exit $rc)" >&2
    exit 1
  fi
}
