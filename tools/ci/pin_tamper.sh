#!/usr/bin/env bash
# Proves that a wrong pinned hash fails the fetch with a clear message (hand-written).
# Works on a temp copy of the tree, in its own output base, and leaves both
# the repo and the user's output base untouched.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
fresh_copy

modules=tools/goproxy/modules.bzl
good=$(sed -n '/"io_bazel_rules_go"/,/)/s/.*sum = "\(h1:[^"]*\)".*/\1/p' "$copy/$modules")
[[ -n "$good" ]] || fail "no io_bazel_rules_go sum found in $modules"
bad="h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
sed -i "s|$good|$bad|" "$copy/$modules"

code=0
(cd "$copy" && tools/bazel --output_base="$ob" query //libs/... >"$tmp/out" 2>&1) || code=$?
[[ $code -ne 0 ]] || fail "bazel succeeded with a tampered hash"
for want in "checksum mismatch for github.com/bazelbuild/rules_go@v0.57.0" \
  "expected (pinned): $bad" "actual (proxy):    $good" "nothing was extracted"; do
  grep -qF -- "$want" "$tmp/out" || { cat "$tmp/out" >&2; fail "message lacks: $want"; }
done
echo "ok   tampered rules_go hash: bazel exit $code with:"
grep -F -A2 "Error in fail: go_proxy_module" "$tmp/out" | head -3 | sed 's/^/       /'

# A drifted go.mod toolchain makes //tools/goproxy:pins_test fail, naming both versions.
sed -i 's/^toolchain .*/toolchain go1.0.0/' "$copy/go.mod"
code=0
"$copy/tools/goproxy/pins_test.sh" "$copy/$modules" "$copy/go.mod" >"$tmp/out" 2>&1 || code=$?
[[ $code -ne 0 ]] && grep -q "differs from go.mod's toolchain (go1.0.0)" "$tmp/out" ||
  { cat "$tmp/out" >&2; fail "pins_test passed with a drifted go.mod toolchain"; }
echo "ok   drifted go.mod toolchain: pins_test exit $code: $(cat "$tmp/out")"
echo "pin_tamper.sh: 2 passed, 0 failed"
