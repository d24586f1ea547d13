#!/usr/bin/env bash
# The vulnerability gate: `bazel run //:vulncheck` passes on the
# repository; a throw-away app in a scratch copy (tools/ci/lib.sh) that calls
# github.com/golang-jwt/jwt/v4 v4.5.1's Parser.ParseUnverified fails it,
# naming GO-2025-3553, the module, the fixed version and the call path; the update
# command keeps the pin, refuses a version the proxy does not serve, and a
# tampered database hash stops the fetch.
source "$(dirname "$0")/lib.sh"

# check [ARGS]: runs the gate from the current directory; output in $tmp/out.
check() { tools/bazel run --noshow_progress --ui_event_filters=-info --show_result=0 //:vulncheck -- "$@" >"$tmp/out" 2>&1; }
show() { grep -v -e '^INFO:' -e '^Starting local Bazel server' "$tmp/out" | sed 's/^/       /' | head -"${1:-30}"; }

(cd "$root" && check) || {
  show 60 >&2
  fail "bazel run //:vulncheck fails on the repository"
}
ok "the repository passes: $(grep '^vulncheck:' "$tmp/out")"

scratch_copy
probe=apps/zz_vulnprobe
mkdir -p "$probe"
cat >"$probe/main.go" <<'GO'
// Command zz_vulnprobe calls a function with a known vulnerability (GO-2025-3553).
package main

import (
	"fmt"
	"os"

	"github.com/golang-jwt/jwt/v4"
)

func main() {
	_, _, err := new(jwt.Parser).ParseUnverified(os.Args[1], jwt.MapClaims{})
	fmt.Println(err)
}
GO
GOFLAGS=-mod=mod go get github.com/golang-jwt/jwt/v4@v4.5.1 >"$tmp/get" 2>&1 || {
  cat "$tmp/get" >&2
  fail "go get github.com/golang-jwt/jwt/v4@v4.5.1"
}
code=0
check "./$probe" || code=$?
[[ $code -eq 1 ]] || {
  show 60 >&2
  fail "the probe calling jwt/v4 v4.5.1 passed the gate (exit $code)"
}
for want in "GO-2025-3553  github.com/golang-jwt/jwt/v4@v4.5.1, fixed in v4.5.2" \
  "zz_vulnprobe.main (apps/zz_vulnprobe/main.go:" "jwt.Parser.ParseUnverified"; do
  grep -qF -- "$want" "$tmp/out" || {
    show 60 >&2
    fail "the gate's report lacks: $want"
  }
done
ok "a probe calling github.com/golang-jwt/jwt/v4@v4.5.1 fails the gate (exit $code):"
show 12

# The whole repository with the probe in it fails too (what .ci/run would see).
code=0
check || code=$?
if [[ $code -ne 1 ]] || ! grep -qF "GO-2025-3553" "$tmp/out"; then
  show 60 >&2
  fail "./... with the probe in it passed the gate (exit $code)"
fi
ok "./... with the probe fails it as well (exit $code)"
git reset -q --hard base
git clean -fdq

# The update command: the pinned version stays byte for byte; an unknown one is refused.
tools/bazel run --noshow_progress --ui_event_filters=-info //tools/vulncheck:update_db >"$tmp/out" 2>&1 || {
  show >&2
  fail "update_db failed"
}
git diff --quiet || fail "update_db to the newest version changed: $(git diff --stat)"
ok "$(grep '^update_db:' "$tmp/out")"
code=0
tools/bazel run --noshow_progress --ui_event_filters=-info //tools/vulncheck:update_db -- v0.0.0-20990101000000-000000000000 >"$tmp/out" 2>&1 || code=$?
if [[ $code -eq 0 ]] || ! grep -qF "the pin is unchanged" "$tmp/out" || ! git diff --quiet; then
  show >&2
  fail "update_db to a version the proxy does not serve: exit $code"
fi
ok "update_db to an unserved version: exit $code, pin unchanged"

# A tampered database hash stops the fetch before anything is extracted.
sed -i '/"go_vulndb": struct(/,/)/s|sum = "h1:[^"]*"|sum = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="|' tools/goproxy/pins.bzl
code=0
tools/bazel build --noshow_progress //tools/vulncheck:db >"$tmp/out" 2>&1 || code=$?
if [[ $code -eq 0 ]] || ! grep -qF "checksum mismatch for golang.org/x/vulndb@" "$tmp/out"; then
  show >&2
  fail "a tampered go_vulndb hash did not stop the build (exit $code)"
fi
ok "tampered go_vulndb hash: exit $code, $(grep -o 'checksum mismatch for golang.org/x/vulndb@[^ ]*' "$tmp/out" | head -1)"
git checkout -q tools/goproxy/pins.bzl
echo "vulncheck.sh: $passed passed, 0 failed"
