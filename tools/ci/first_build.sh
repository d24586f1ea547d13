#!/usr/bin/env bash
# The README's first command as a new user runs it: a brand-new output base and
# empty Go module and build caches (downloads from the proxy included; Bazel
# itself installed). `bazel run //apps/hello_world` greets, and fetches only
# what that build needs.
# Above all not Gazelle's repository tools (about 30 s of `go install` before
# the first action), which any go_repository on the path, or any package on it
# that loads @bazel_gazelle//:def.bzl, would build: nogo's modules come with
# BUILD files generated ahead of time (tools/goproxy/buildfiles). The time is
# reported, not asserted (tools/bench/README.md has the measurements).
source "$(dirname "$0")/lib.sh"
unset BAZEL_REMOTE_CACHE # a first build, as on a new machine
fresh_copy first
cd "$copy"

# -modcacherw: a module cache that rm -rf can delete (lib.sh's cleanup).
export GOMODCACHE=$tmp/gomodcache GOCACHE=$tmp/gocache GOFLAGS=-modcacherw
SECONDS=0
out=$(tools/bazel run --noshow_progress --ui_event_filters=-info,-stdout //apps/hello_world 2>"$tmp/err") ||
  fail "bazel run //apps/hello_world failed: $(<"$tmp/err")"
[[ $out == "Hello, world!" ]] || fail "bazel run //apps/hello_world printed '$out'"
ok "Hello, world! in a new output base with empty Go caches in ${SECONDS}s ($(du -sm "$GOMODCACHE" | cut -f1) MB downloaded)"

for repo in bazel_gazelle_go_repository_tools bazel_gazelle_go_repository_config; do
  [[ ! -e $ob/external/$repo ]] || fail "the first build fetched @$repo, so it waited for Gazelle's repository tools:" \
    "something on hello_world's path is a go_repository (see tools/goproxy/buildfiles/roots.bzl) or loads @bazel_gazelle//:def.bzl"
done
ok "no Gazelle repository tools built: $(find "$ob/external" -maxdepth 1 -name '*.marker' | wc -l) repositories fetched"
# The SDK's files are the module cache's own, hard-linked (go_proxy_module's
# link_module_cache), and its executables copies: their exec bits are not the cache's.
sdk=$(echo "$ob"/external/go_sdk_linux_*/) cache=$(echo "$GOMODCACHE"/golang.org/toolchain@*/)
[[ -d $sdk && -d $cache ]] || fail "no SDK repository ($sdk) or no SDK in the module cache ($cache)"
[[ $sdk/src/fmt/print.go -ef $cache/src/fmt/print.go ]] ||
  fail "the SDK was extracted again, not linked from the module cache: $sdk"
[[ -x $sdk/bin/go && ! $sdk/bin/go -ef $cache/bin/go && ! -x $cache/bin/go ]] ||
  fail "the SDK's bin/go: want an executable copy and the module cache's file as go left it (not executable)"
ok "the SDK linked from the module cache, its executables copied"
echo "first_build.sh: passed ($passed checks)"
