#!/usr/bin/env bash
# Tests check.sh (an sh_test) with the real gofmt, buildifier and our
# Gazelle in a throw-away repository: staged files are formatted and the
# commit refused; files that are not staged are left alone; a package without
# its BUILD file is refused; a clean tree passes.
set -euo pipefail
check=$(realpath "$1") tools=("$(realpath "$2")" "$(realpath "$3")" "$(realpath "$4")" "$(realpath "$5")")
editorconfig=$(realpath "$6")
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
repo=$TEST_TMPDIR/repo
mkdir -p "$repo/libs/a" && cd "$repo"
: >WORKSPACE
cp "$editorconfig" .editorconfig
printf '# gazelle:prefix example.com/t\n' >BUILD.bazel
printf 'package a\n' >libs/a/a.go
"${tools[2]}" >/dev/null # our Gazelle writes libs/a/BUILD.bazel
run() { BUILD_WORKSPACE_DIRECTORY=$repo "$check" "${tools[@]}" "$@" 2>"$TEST_TMPDIR/err"; }

run libs/a/a.go libs/a/BUILD.bazel || {
  cat "$TEST_TMPDIR/err"
  fail "a clean tree was refused"
}
echo "ok   a clean tree passes"

printf 'package a\nfunc  F() {}\n' >libs/a/a.go
printf 'package a\nvar  unstaged = 1\n' >libs/a/b.go
printf 'load("@io_bazel_rules_go//go:def.bzl","go_library")\n' >tools.bzl
printf '#!/usr/bin/env bash\nf() {\n\techo  hi\n}\n' >deploy
if run libs/a/a.go tools.bzl deploy; then fail "unformatted staged files passed"; fi
grep -q "formatted libs/a/a.go tools.bzl deploy" "$TEST_TMPDIR/err" || {
  cat "$TEST_TMPDIR/err"
  fail "no 'formatted' message"
}
[[ $(cat libs/a/a.go) == $'package a\n\nfunc F() {}' ]] || fail "a.go was not gofmt'ed: $(cat libs/a/a.go)"
grep -q '"@io_bazel_rules_go//go:def.bzl", "go_library"' tools.bzl || fail "tools.bzl was not formatted"
[[ $(cat deploy) == $'#!/usr/bin/env bash\nf() {\n  echo hi\n}' ]] || fail "deploy was not shfmt'ed in the repo's style: $(cat deploy)"
grep -q 'var  unstaged' libs/a/b.go || fail "a file that was not staged was changed"
rm deploy
echo "ok   staged Go, Starlark and shell files formatted, commit refused; an unstaged file untouched"

rm libs/a/b.go
mkdir libs/c && printf 'package c\n' >libs/c/c.go
if run libs/c/c.go; then fail "a package without its BUILD file passed"; fi
grep -q "BUILD files are stale" "$TEST_TMPDIR/err" || {
  cat "$TEST_TMPDIR/err"
  fail "no 'stale' message"
}
echo "ok   a package without its BUILD file is refused"
