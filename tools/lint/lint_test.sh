#!/usr/bin/env bash
# Proves the format gates can fail: on a scratch tree with bad
# input, `lint.sh TOOL check` exits 1 and names the fix; `fix` repairs it;
# `check` then passes. For buildifier (misformatted BUILD file, unused load),
# gofmt (misformatted Go file), shfmt (misformatted scripts, with and without .sh,
# in the repo's .editorconfig style) and gazelle (a Go package without BUILD file);
# paths (no fix) fails on a README that links to a missing file.
#   lint_test.sh LINT_SH BUILDIFIER GOFMT SHFMT EDITORCONFIG GAZELLE PATHS
set -euo pipefail
lint=$(realpath "$1")
declare -A bin=([buildifier]=$(realpath "$2") [gofmt]=$(realpath "$3") [shfmt]=$(realpath "$4") [gazelle]=$(realpath "$6") [paths]=$(realpath "$7"))
ws=$TEST_TMPDIR/ws
mkdir -p "$ws/pkg"
touch "$ws/WORKSPACE"
cp "$5" "$ws/.editorconfig"
export BUILD_WORKSPACE_DIRECTORY=$ws # what `bazel run` sets
fail() {
  echo "FAIL: $*"
  exit 1
}

# gate TOOL FILE BAD GOOD WANT_MESSAGE
gate() {
  local tool=$1 file=$ws/$2 bad=$3 good=$4 want=$5 out=$TEST_TMPDIR/out
  printf '%s' "$bad" >"$file"
  if "$lint" "$tool" check "${bin[$tool]}" >"$out" 2>&1; then fail "$tool check passed on bad input"; fi
  grep -qF "$want" "$out" || {
    cat "$out"
    fail "$tool check did not say '$want'"
  }
  grep -qF "Fix with: bazel run //:$tool" "$out" || {
    cat "$out"
    fail "$tool check did not name the fix"
  }
  "$lint" "$tool" fix "${bin[$tool]}" >/dev/null
  [[ $(<"$file") == "$good" ]] || {
    cat "$file"
    fail "$tool fix did not produce the expected file"
  }
  "$lint" "$tool" check "${bin[$tool]}" >/dev/null || fail "$tool check fails after fix"
  rm "$file"
  echo "ok: $tool: check fails on bad input ('$want'), fix repairs it, check passes"
}

gate buildifier pkg/BUILD.bazel \
  $'load("//x:y.bzl", "unused")\nfilegroup(name="a",srcs=["b.txt",],)\n' \
  $'filegroup(\n    name = "a",\n    srcs = ["b.txt"],\n)' \
  'pkg/BUILD.bazel:1: load: Loaded symbol "unused" is unused'
gate gofmt pkg/a.go \
  $'package a\nfunc  A( )int{return 1}\n' \
  $'package a\n\nfunc A() int { return 1 }' \
  'pkg/a.go'
gate shfmt pkg/a.sh \
  $'#!/bin/sh\ncase $1 in\na) if true;then echo a;fi;;\nesac\n' \
  $'#!/bin/sh\ncase $1 in\n  a) if true; then echo a; fi ;;\nesac' \
  'pkg/a.sh'
gate shfmt pkg/run \
  $'#!/usr/bin/env bash\nf() {\n\techo  "$@"\n}\n' \
  $'#!/usr/bin/env bash\nf() {\n  echo "$@"\n}' \
  'pkg/run'

# Gazelle: a new Go package and no BUILD file for it.
printf '# gazelle:prefix example.com/scratch\n' >"$ws/BUILD.bazel"
printf 'package a\n' >"$ws/pkg/a.go"
out=$TEST_TMPDIR/out
if "$lint" gazelle check "${bin[gazelle]}" >"$out" 2>&1; then fail "gazelle check passed with a package that has no BUILD file"; fi
grep -qF "Fix with: bazel run //:gazelle" "$out" || {
  cat "$out"
  fail "gazelle check did not name the fix"
}
grep -qF 'go_library(' "$out" || {
  cat "$out"
  fail "gazelle check did not show the missing go_library"
}
"$lint" gazelle fix "${bin[gazelle]}" >/dev/null
grep -q 'importpath = "example.com/scratch/pkg"' "$ws/pkg/BUILD.bazel" || fail "gazelle fix did not write pkg/BUILD.bazel"
"$lint" gazelle check "${bin[gazelle]}" >/dev/null || fail "gazelle check fails after fix"
echo "ok: gazelle: check fails on a package without BUILD file (shows the go_library), fix writes it, check passes"

# paths: a README whose link and tools/ path name files that do not exist.
mkdir -p "$ws/tools/x"
printf 'See [the guide](guide.md) and tools/x/gone.sh.\n' >"$ws/tools/x/README.md"
if "$lint" paths check "${bin[paths]}" >"$out" 2>&1; then fail "paths check passed with a broken link"; fi
for want in 'tools/x/README.md:1: tools/x/guide.md does not exist' 'tools/x/README.md:1: tools/x/gone.sh does not exist'; do
  grep -qF "$want" "$out" || {
    cat "$out"
    fail "paths check did not say '$want'"
  }
done
printf 'x\n' >"$ws/tools/x/guide.md"
printf 'x\n' >"$ws/tools/x/gone.sh"
"$lint" paths check "${bin[paths]}" >/dev/null || fail "paths check fails once the files exist"
echo "ok: paths: check fails on a link and a tools/ path to missing files, passes once they exist"

# The record of passes: in a git checkout a check that passed passes again at
# once on the same tree, and checks again after any change, tracked or not.
export BUILD_WORKSPACE_DIRECTORY=$TEST_TMPDIR/git_ws LINT_PASS_DIR=$TEST_TMPDIR/pass
git_ws=$BUILD_WORKSPACE_DIRECTORY
mkdir -p "$git_ws"
printf 'package a\n' >"$git_ws/a.go"
git -C "$git_ws" init -q
git -C "$git_ws" add a.go
# check WANT: gofmt check passes and prints WANT.
check() {
  "$lint" gofmt check "${bin[gofmt]}" >"$out" 2>&1 || {
    cat "$out"
    fail "gofmt check failed on a gofmt'ed tree"
  }
  grep -qF "$1" "$out" || {
    cat "$out"
    fail "gofmt check did not say '$1'"
  }
}
check 'gofmt: 1 files ok'
check 'gofmt: ok (passed before on this same tree'
printf 'package a\nfunc  B( ){}\n' >"$git_ws/b.go" # untracked
if "$lint" gofmt check "${bin[gofmt]}" >"$out" 2>&1; then fail "gofmt check passed from its record with a bad untracked file"; fi
rm "$git_ws/b.go"
check 'gofmt: ok (passed before on this same tree'
printf 'package a\nfunc  A( ){}\n' >"$git_ws/a.go" # tracked, not staged
if "$lint" gofmt check "${bin[gofmt]}" >"$out" 2>&1; then fail "gofmt check passed from its record with a bad edit"; fi
printf 'package a\n' >"$git_ws/a.go"
LINT_NO_CACHE=1 check 'gofmt: 1 files ok'
echo "ok: record of passes: the same tree passes at once; a bad edit or untracked file fails; LINT_NO_CACHE=1 checks"

# all: every gate in one test, each failure named, one record for all.
all=(all check -- gofmt "${bin[gofmt]}" -- paths "${bin[paths]}")
"$lint" "${all[@]}" >"$out" 2>&1 || {
  cat "$out"
  fail "all check failed on a good tree"
}
"$lint" "${all[@]}" >"$out" 2>&1
grep -qF 'all: ok (passed before on this same tree' "$out" || {
  cat "$out"
  fail "all check did not answer from its record"
}
printf 'package a\nfunc  A( ){}\n' >"$git_ws/a.go"
printf 'See [x](missing.md).\n' >"$git_ws/README.md"
if "$lint" "${all[@]}" >"$out" 2>&1; then fail "all check passed with a bad Go file and a broken link"; fi
for want in 'Fix with: bazel run //:gofmt' 'README.md:1: missing.md does not exist' 'source gates that failed: gofmt paths'; do
  grep -qF "$want" "$out" || {
    cat "$out"
    fail "all check did not say '$want'"
  }
done
echo "ok: all: one test runs every gate, names each that fails, and keeps one record"
