#!/usr/bin/env bash
# Tests tools/bazel's decisions on a machine without Debian (an sh_test): PATH holds only the tools the wrapper needs, no dpkg-query and no
# apt-get unless a case adds a fake one; Bazel is the stand-in bazeltest.
#   wrapper_test.sh TOOLS_BAZEL BAZELVERSION FAKE_BAZEL
set -euo pipefail
fail() {
  echo "FAIL: $*"
  exit 1
}
repo=$TEST_TMPDIR/repo bin=$TEST_TMPDIR/bin
mkdir -p "$repo/tools" "$bin"
cp "$1" "$repo/tools/bazel"
cp "$2" "$repo/.bazelversion"
fake=$(realpath "$3")
read -r want <"$repo/.bazelversion"
for t in bash df id; do ln -s "$(command -v "$t")" "$bin/$t"; done
export FAKE_BAZEL_VERSION=$want

# run ARGS...: the wrapper with PATH=$bin only; output in $out, exit code in $code.
out=$TEST_TMPDIR/out
run() {
  code=0
  env -i HOME="$TEST_TMPDIR" PATH="$bin" FAKE_BAZEL_VERSION="$FAKE_BAZEL_VERSION" ${BAZEL_REAL:+BAZEL_REAL="$BAZEL_REAL"} ${CI:+CI="$CI"} \
    "$bin/bash" "$repo/tools/bazel" "$@" >"$out" 2>&1 || code=$?
}

BAZEL_REAL=$fake run build //x
[[ $code == 0 && $(<"$out") == "fake-bazel build //x" ]] || fail "BAZEL_REAL=$want: want 'fake-bazel build //x', got exit $code: $(<"$out")"
echo "ok   no dpkg, BAZEL_REAL at $want: runs it with the arguments"

BAZEL_REAL=$fake CI=true run test //x
grep -qx "fake-bazel test --config=ci //x" "$out" || fail "CI=true: want --config=ci after the command, got: $(<"$out")"
echo "ok   CI=true adds --config=ci right after the command"

ln -s "$fake" "$bin/bazel-$want"
run version
grep -qx "fake-bazel version" "$out" || fail "bazel-$want on PATH was not used: $(<"$out")"
rm "$bin/bazel-$want"
echo "ok   no BAZEL_REAL: bazel-$want on PATH"

printf '#!/bin/sh\ntouch "%s/apt-ran"\n' "$TEST_TMPDIR" >"$bin/apt-get"
chmod +x "$bin/apt-get"
FAKE_BAZEL_VERSION=9.9.9 BAZEL_REAL=$fake run version
[[ $code == 1 ]] || fail "a Bazel of the wrong version: want exit 1, got $code: $(<"$out")"
grep -q "install bazelisk" "$out" || fail "no advice to install bazelisk: $(<"$out")"
[[ ! -e $TEST_TMPDIR/apt-ran ]] || fail "apt-get ran on a machine without dpkg"
! grep -q "apt-get install" "$out" || fail "advised apt-get without dpkg: $(<"$out")"
echo "ok   no pinned Bazel, no dpkg (apt-get present, as root: $(id -u)): exit 1, '$(head -1 "$out")', apt never ran"
