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
    ${BAZEL_REMOTE_CACHE:+BAZEL_REMOTE_CACHE="$BAZEL_REMOTE_CACHE"} ${BAZEL_REMOTE_READ_ONLY:+BAZEL_REMOTE_READ_ONLY="$BAZEL_REMOTE_READ_ONLY"} \
    ${FAKE_CURL_STATUS:+FAKE_CURL_STATUS="$FAKE_CURL_STATUS"} ${FAKE_BAZEL_RUN:+FAKE_BAZEL_RUN="$FAKE_BAZEL_RUN"} "$bin/bash" "$repo/tools/bazel" "$@" >"$out" 2>&1 || code=$?
}

BAZEL_REAL=$fake run build //x
[[ $code == 0 && $(<"$out") == "fake-bazel build //x" ]] || fail "BAZEL_REAL=$want: want 'fake-bazel build //x', got exit $code: $(<"$out")"
echo "ok   no dpkg, BAZEL_REAL at $want: runs it with the arguments"

BAZEL_REAL=$fake CI=true run test //x
grep -qx "fake-bazel test --config=ci //x" "$out" || fail "CI=true: want --config=ci after the command, got: $(<"$out")"
echo "ok   CI=true adds --config=ci right after the command"

# bazelisk on PATH runs this file again on the command line it made: once.
BAZEL_REAL=$fake CI=true run test --config=ci //x
grep -qx "fake-bazel test --config=ci //x" "$out" || fail "a second pass: want --config=ci once, got: $(<"$out")"
# A tool that `bazel run` runs, and that runs Bazel itself, gets them too.
BAZEL_REAL=$fake CI=true FAKE_BAZEL_RUN="$bin/bash $repo/tools/bazel cquery //y" run run //tools/affected
[[ $(<"$out") == "fake-bazel run --config=ci //tools/affected"$'\n'"fake-bazel cquery --config=ci //y" ]] ||
  fail "the Bazel that a tool under bazel run starts: want --config=ci on both, got: $(<"$out")"
echo "ok   the flags go in once on bazelisk's second pass, and again in a tool that bazel run runs"

ln -s "$fake" "$bin/bazel-$want"
run version
grep -qx "fake-bazel version" "$out" || fail "bazel-$want on PATH was not used: $(<"$out")"
rm "$bin/bazel-$want"
echo "ok   no BAZEL_REAL: bazel-$want on PATH"

# A cache that refuses writes: one line, and no uploads after every other flag.
# shellcheck disable=SC2016 # $* and $FAKE_CURL_STATUS belong to the fake curl
printf '#!/bin/sh\necho "$*" >>"%s/curl-ran"\nprintf %%s "$FAKE_CURL_STATUS"\n' "$TEST_TMPDIR" >"$bin/curl"
chmod +x "$bin/curl"
cache=http://ci:s3cret@cache.example/cache
BAZEL_REAL=$fake CI=true BAZEL_REMOTE_CACHE=$cache FAKE_CURL_STATUS=401 run test //x -- arg
grep -qx "fake-bazel test --config=remote-cache --remote_cache=$cache --config=ci //x --noremote_upload_local_results -- arg" "$out" ||
  fail "a refused write: want --noremote_upload_local_results after every flag, before --, got: $(<"$out")"
[[ $(grep -c 'refused a write (HTTP 401)' "$out") == 1 ]] || fail "a refused write: want one line saying so, got: $(<"$out")"
! grep '^tools/bazel:' "$out" | grep -q s3cret || fail "the message shows the URL's password: $(<"$out")"
grep -q -- "-X PUT .*$cache/cas/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" "$TEST_TMPDIR/curl-ran" ||
  fail "the write check is not a PUT of the empty blob: $(<"$TEST_TMPDIR/curl-ran")"
echo "ok   CI=true, the cache answers 401 to a write: '$(grep -o 'the remote cache .*(HTTP 401)' "$out")', uploads off last"
BAZEL_REAL=$fake CI=true BAZEL_REMOTE_CACHE=$cache FAKE_CURL_STATUS=201 run test //x
grep -qx "fake-bazel test --config=remote-cache --remote_cache=$cache --config=ci //x" "$out" || fail "a write taken: want no extra flag, got: $(<"$out")"
rm "$TEST_TMPDIR/curl-ran"
BAZEL_REAL=$fake CI=true BAZEL_REMOTE_READ_ONLY=true BAZEL_REMOTE_CACHE=$cache FAKE_CURL_STATUS=401 run test //x
[[ ! -e $TEST_TMPDIR/curl-ran ]] || fail "read-only and no forced upload: the cache was asked"
BAZEL_REAL=$fake CI=true BAZEL_REMOTE_READ_ONLY=true BAZEL_REMOTE_CACHE=$cache FAKE_CURL_STATUS=401 run test --remote_upload_local_results //x
grep -q -- "--remote_upload_local_results //x --noremote_upload_local_results$" "$out" || fail "a forced upload, refused: want uploads off after it, got: $(<"$out")"
echo "ok   a write taken: no flag; read-only: no question; read-only but --remote_upload_local_results: asked, refused, off"

printf '#!/bin/sh\ntouch "%s/apt-ran"\n' "$TEST_TMPDIR" >"$bin/apt-get"
chmod +x "$bin/apt-get"
FAKE_BAZEL_VERSION=9.9.9 BAZEL_REAL=$fake run version
[[ $code == 1 ]] || fail "a Bazel of the wrong version: want exit 1, got $code: $(<"$out")"
grep -q "install bazelisk" "$out" || fail "no advice to install bazelisk: $(<"$out")"
[[ ! -e $TEST_TMPDIR/apt-ran ]] || fail "apt-get ran on a machine without dpkg"
! grep -q "apt-get install" "$out" || fail "advised apt-get without dpkg: $(<"$out")"
echo "ok   no pinned Bazel, no dpkg (apt-get present, as root: $(id -u)): exit 1, '$(head -1 "$out")', apt never ran"
