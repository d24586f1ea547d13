#!/usr/bin/env bash
# The pre-commit check, run by the hook as
#   bazel run //tools/githooks:check -- FILE...
# with the staged files. Formats the Go files (gofmt), Starlark files
# (buildifier) and shell scripts (shfmt, by .sh or shebang) among them in place, then asks Gazelle whether any BUILD file is
# stale. Exit 1, with what to do, when a file was reformatted (review it and
# `git add` it) or BUILD files are stale; 0 when the commit can go ahead.
#   check.sh GOFMT BUILDIFIER GAZELLE SHFMT FILE...   (binaries; run in the repository root)
set -euo pipefail
gofmt=$(realpath "$1") buildifier=$(realpath "$2") gazelle=$(realpath "$3") shfmt=$(realpath "$4")
shift 4
cd "${BUILD_WORKSPACE_DIRECTORY:-.}"

go=() star=() sh=()
for f in "$@"; do
  [[ -f $f ]] || continue
  case $f in
    tools/shims/*) ;; # stand-ins for Bazel's own, written to look like them
    *.go) go+=("$f") ;;
    *.bzl | */BUILD | BUILD | *.bazel | WORKSPACE) star+=("$f") ;;
    *.sh) sh+=("$f") ;;
    *) if head -n1 "$f" | grep -qE '^#!.*[/ ](ba)?sh( |$)'; then sh+=("$f"); fi ;;
  esac
done

changed=()
if ((${#go[@]})); then
  mapfile -t bad < <("$gofmt" -l "${go[@]}")
  if ((${#bad[@]})); then
    "$gofmt" -w "${bad[@]}"
    changed+=("${bad[@]}")
  fi
fi
if ((${#star[@]})); then
  for f in "${star[@]}"; do
    if ! "$buildifier" -mode=check "$f" >/dev/null 2>&1; then
      "$buildifier" -mode=fix "$f"
      changed+=("$f")
    fi
  done
fi
if ((${#sh[@]})); then
  mapfile -t bad < <("$shfmt" -l "${sh[@]}")
  if ((${#bad[@]})); then
    "$shfmt" -w "${bad[@]}"
    changed+=("${bad[@]}")
  fi
fi
status=0
if ((${#changed[@]})); then
  echo "pre-commit: formatted ${changed[*]}; review (git diff) and git add them, then commit again" >&2
  status=1
fi
if ! out=$("$gazelle" -mode=diff 2>&1); then
  echo "$out" | grep -v '^[-+@ ]' >&2 || true # Gazelle's own errors, not the diff
  echo "pre-commit: BUILD files are stale or Gazelle failed: run bazel run //:gazelle, git add them, then commit again" >&2
  status=1
fi
exit $status
