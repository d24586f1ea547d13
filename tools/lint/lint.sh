#!/usr/bin/env bash
# Runs a formatter or linter over the source tree, for the root
# targets //:buildifier, //:gofmt, //:shfmt (fix) and //:buildifier_test,
# //:gofmt_test, //:shfmt_test, //:gazelle_test (check; //:gazelle is Gazelle's
# own fix target), //:paths_test (check only), //:generate_test (check:
# BINARY is //tools/generate, ARGS its flags), //:gates_test (all of them: "all
# check", then "-- TOOL BINARY ARGS..." for each), and for
# tools/ci/shellcheck.sh (Debian's shellcheck, check).
#   lint.sh buildifier|gofmt|shfmt|gazelle|shellcheck|paths|generate fix|check BINARY [ARGS...]
#   lint.sh all check -- TOOL BINARY [ARGS...] [-- TOOL BINARY [ARGS...]]...
# `bazel run` gives the tree as BUILD_WORKSPACE_DIRECTORY; a test finds it
# through the WORKSPACE file in its runfiles, a symlink into the tree (the test
# runs unsandboxed for that, as Gazelle's gazelle_test does).
#
# A check that passed records the tree's digest (pass_digest) in the output
# base, and passes at once on the same digest: Bazel never caches these tests
# (they read the tree, which no action declares), and at 1,000 packages running
# them all is seconds of every no-op `bazel test //...` (tools/bench/README.md).
# LINT_PASS_DIR names another record directory; LINT_NO_CACHE=1 always checks.
set -euo pipefail
tool=$1 mode=$2
here=$PWD self=$(realpath "$0")
if [[ $tool == all ]]; then
  bin=
  shift 2
  # The tools' paths name their configuration; the digest sees those.
  ids=()
  for a in "$@"; do [[ ! -e $a ]] || ids+=("$(realpath "$a")"); done
  set -- "${ids[@]}" "$@"
else
  bin=$(realpath "$3")
  shift 3
fi
srcs=()
if [[ -n ${BUILD_WORKSPACE_DIRECTORY:-} ]]; then
  cd "$BUILD_WORKSPACE_DIRECTORY"
else
  cd "$(dirname "$(readlink -f WORKSPACE)")"
fi

# files PATTERN...: the files git knows or would add (so no bazel-* trees), or
# all of them when not in git; never tools/shims (stand-ins for what Bazel
# 4.2.3 has built in, written to look like it).
files() {
  git ls-files --cached --others --exclude-standard -- "$@" ':!tools/shims' 2>/dev/null && return
  local names=() p
  for p in "$@"; do names+=(-o -name "${p##*/}"); done
  find . \( -path './bazel-*' -o -path ./tools/shims \) -prune -o \( "${names[@]:1}" \) -type f -print
}

# shell_files: the shell scripts among files: *.sh, and the others by their
# shebang (.ci/run, tools/bazel, the pre-commit hook).
shell_files() {
  local all=()
  mapfile -t all < <(files '*')
  printf '%s\n' "${all[@]}" | grep '\.sh$' || true
  awk 'FNR == 1 { if (FILENAME !~ /\.sh$/ && /^#!.*[\/ ](ba)?sh( |$)/) print FILENAME; nextfile }' "${all[@]}"
}

fail() {
  echo >&2
  echo "FAIL: $1. Fix with: bazel run //:$tool" >&2
  exit 1
}

# pass_digest: one digest of all a check's answer depends on: the check, its
# tool (the path names the configuration), and the whole tree as git sees it,
# since the tools are built from it too: the index, uncommitted changes and
# untracked files. Fails but at the root of a git checkout.
pass_digest() {
  local top
  top=$(git rev-parse --show-toplevel 2>/dev/null) && [[ $top -ef . ]] || return 1
  {
    printf '%s\n' "$tool" "$bin" "$@"
    git ls-files -s
    git diff-files -p --binary --no-ext-diff --no-textconv
    git ls-files -z -o --exclude-standard | xargs -0 -r sha256sum --
  } | sha256sum | cut -d' ' -f1
}

# The record: beside the execroot (a test's TEST_TMPDIR is inside it), so one
# per output base, outside the tree, gone with `bazel clean --expunge`.
pass_dir=${LINT_PASS_DIR:-}
if [[ -z $pass_dir && ${TEST_TMPDIR:-} == */execroot/* ]]; then
  pass_dir=${TEST_TMPDIR%%/execroot/*}/lint-pass
fi
digest=
if [[ $mode == check && -n $pass_dir && ${LINT_NO_CACHE:-} != 1 ]]; then
  digest=$(pass_digest "$@") || digest=
  if [[ -n $digest && -f $pass_dir/$tool && $(<"$pass_dir/$tool") == "$digest" ]]; then
    echo "$tool: ok (passed before on this same tree, digest ${digest:0:12}; LINT_NO_CACHE=1 checks again)"
    exit 0
  fi
fi

case $tool/$mode in
  buildifier/*)
    mapfile -t srcs < <(files WORKSPACE '*.bzl' '*.bazel' BUILD '*/BUILD')
    # Which warnings: .buildifier.json at the root, which buildifier reads itself.
    if [[ $mode == fix ]]; then
      "$bin" -mode=fix -lint=fix "${srcs[@]}"
    else
      "$bin" -mode=check -lint=warn "${srcs[@]}" ||
        fail "the Starlark files above need formatting or have lint warnings (https://github.com/bazelbuild/buildtools/blob/main/WARNINGS.md)"
    fi
    ;;
  gofmt/*)
    mapfile -t srcs < <(files '*.go')
    if [[ $mode == fix ]]; then
      "$bin" -w "${srcs[@]}"
    else
      bad=$("$bin" -l "${srcs[@]}")
      [[ -z $bad ]] || {
        echo "$bad" >&2
        fail "the Go files above are not gofmt'ed"
      }
    fi
    ;;
  shfmt/*)
    # Which style: .editorconfig at the root, which shfmt reads itself.
    mapfile -t srcs < <(shell_files)
    if [[ $mode == fix ]]; then
      "$bin" -w "${srcs[@]}"
    else
      "$bin" -d "${srcs[@]}" >&2 || fail "the shell scripts above are not shfmt'ed (the diff shows the change)"
    fi
    ;;
  shellcheck/check)
    # Which checks: .shellcheckrc at the root; exceptions carry a reason inline.
    mapfile -t srcs < <(shell_files)
    "$bin" "${srcs[@]}" >&2 || {
      echo >&2
      echo "FAIL: shellcheck findings above: fix them, or add '# shellcheck disable=SCnnnn # reason' on the line before" >&2
      exit 1
    }
    ;;
  gazelle/*)
    # BINARY is a gazelle() runner; it finds the tree through this variable.
    export BUILD_WORKSPACE_DIRECTORY=$PWD
    mapfile -t srcs < <(files '*.bazel' BUILD '*/BUILD')
    if [[ $mode == fix ]]; then
      "$bin"
    else
      "$bin" -mode=diff >&2 || fail "BUILD files are stale (Gazelle would make the changes above) or Gazelle failed"
    fi
    ;;
  paths/check)
    # BINARY is //tools/lint/paths: links and tools/ paths named in any file must exist.
    mapfile -t srcs < <(files '*')
    "$bin" "${srcs[@]}" >&2 || {
      echo >&2
      echo "FAIL: the files above name paths that do not exist: fix the reference, or the move that broke it" >&2
      exit 1
    }
    ;;
  all/check)
    # Each gate in turn, from the test's directory, without its own record:
    # this one records all of them at once. Every failure is reported.
    gates=("${@:${#ids[@]}+1}") failed=()
    while ((${#gates[@]})); do
      [[ ${gates[0]} == -- && ${#gates[@]} -ge 3 ]] || {
        echo "lint.sh all: want -- TOOL BINARY [ARGS...], got '${gates[*]}'" >&2
        exit 2
      }
      args=()
      for ((i = 1; i < ${#gates[@]}; i++)); do
        [[ ${gates[i]} != -- ]] || break
        args+=("${gates[i]}")
      done
      gates=("${gates[@]:i}")
      (cd "$here" && LINT_NO_CACHE=1 "$self" "${args[0]}" check "${args[@]:1}") || failed+=("${args[0]}")
    done
    ((${#failed[@]} == 0)) || {
      echo "FAIL: source gates that failed: ${failed[*]} (each names its fix above)" >&2
      exit 1
    }
    ;;
  generate/check)
    # BINARY is //tools/generate; it names every file that would change.
    "$bin" -check "$@" >&2 || fail "generated code is stale, or a generator failed (above)"
    ;;
  *)
    echo "usage: lint.sh buildifier|gofmt|shfmt|gazelle fix|check BINARY, or lint.sh shellcheck|paths|generate check BINARY [ARGS...], or lint.sh all check -- TOOL BINARY [ARGS...]..." >&2
    exit 2
    ;;
esac
# Recorded only if the tree did not change while it was checked.
if [[ -n $digest ]] && now=$(pass_digest "$@") && [[ $now == "$digest" ]]; then
  mkdir -p "$pass_dir"
  printf '%s\n' "$digest" >"$pass_dir/$tool.$$"
  mv "$pass_dir/$tool.$$" "$pass_dir/$tool"
fi
if [[ $tool == all ]]; then
  echo "source gates: ok"
elif ((${#srcs[@]} == 0)); then
  echo "$tool: ok"
else
  echo "$tool: ${#srcs[@]} files $([[ $mode == fix ]] && echo "formatted; review with git diff" || echo ok)"
fi
