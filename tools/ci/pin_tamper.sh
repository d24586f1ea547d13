#!/usr/bin/env bash
# Proves that a wrong pinned hash fails the fetch with a clear message: every pin, the
# proxy's hash, and which of them agree (tools/goproxy/sum_mismatch.bzl).
# Works on a temp copy of the tree, in its own output base, and leaves both
# the repo and the user's output base untouched.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
fresh_copy repo

modules=tools/goproxy/pins.bzl
good=$(sed -n '/"io_bazel_rules_go"/,/)/s/.*sum = "\(h1:[^"]*\)".*/\1/p' "$copy/$modules")
[[ -n "$good" ]] || fail "no io_bazel_rules_go sum found in $modules"
bad="h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
sed -i "s|$good|$bad|" "$copy/$modules"

code=0
(cd "$copy" && tools/bazel --output_base="$ob" query //libs/... >"$tmp/out" 2>&1) || code=$?
[[ $code -ne 0 ]] || fail "bazel succeeded with a tampered hash"
# Each pin on a line of its own, padded to line up (hashes hold no regex specials but + and /).
pins_re=${modules//./\\.}
for want in "checksum mismatch for github\.com/bazelbuild/rules_go@v0\.57\.0: nothing was extracted" \
  "$pins_re: +${bad//+/\\+}" "go\.sum: +${good//+/\\+}" "the proxy serves: +${good//+/\\+}" \
  "The proxy agrees with go\.sum: $pins_re was edited by hand"; do
  grep -qE -- "$want" "$tmp/out" || {
    cat "$tmp/out" >&2
    fail "message lacks: $want"
  }
done
ok "tampered rules_go hash: bazel exit $code with:"
grep -F -A4 "Error in fail: io_bazel_rules_go" "$tmp/out" | head -5 | sed 's/^/       /'
sed -i "s|$bad|$good|" "$copy/$modules"

# A Go module's pin (go_deps.bzl, from go.sum) is checked even when the module is already in
# this machine's module cache, which both kinds of go_deps.bzl repository share (.bazelrc's
# GO_REPOSITORY_USE_HOST_CACHE): Gazelle's go_repository (its fetch_repo checks), and a module
# with BUILD files generated ahead of time (go_proxy_module, tools/goproxy/go_repository.bzl).
deps=tools/goproxy/go_deps.bzl
tamper_dep() { # tamper_dep NAME MODULE@VERSION KIND FILES WANT: GOOD and BAD in WANT become the hashes
  local name=$1 mod=$2 kind=$3 files=$4 want f
  good=$(sed -n "/\"$name\"/,/)/s/.*sum = \"\(h1:[^\"]*\)\".*/\1/p" "$copy/$deps")
  [[ -n "$good" ]] || fail "no $name sum found in $deps"
  want=${5//GOOD/$good}
  want=${want//BAD/$bad}
  (cd "$copy" && go mod download "$mod") # in the host cache, as after any build
  for f in $files; do sed -i "s|$good|$bad|" "$copy/$f"; done
  code=0
  (cd "$copy" && tools/bazel --output_base="$ob" query "@$name//..." >"$tmp/out" 2>&1) || code=$?
  for f in $files; do sed -i "s|$bad|$good|" "$copy/$f"; done
  [[ $code -ne 0 ]] || fail "bazel succeeded with a tampered hash for $name in $files"
  grep -qF -- "$want" "$tmp/out" || {
    cat "$tmp/out" >&2
    fail "message lacks: $want"
  }
  ok "tampered $mod hash in $files ($kind), module in the host cache: bazel exit $code with: $want"
}
tamper_dep cc_mvdan_editorconfig mvdan.cc/editorconfig@v0.3.0 "Gazelle's go_repository" "$deps" \
  "The proxy agrees with go.sum: tools/goproxy/go_deps.bzl was edited by hand"
# The issue-38 path: go.sum tampered with, and copied into go_deps.bzl by gazelle-update-repos.
tamper_dep cc_mvdan_editorconfig mvdan.cc/editorconfig@v0.3.0 "Gazelle's go_repository" "go.sum $deps" \
  "Both pins agree and the proxy disagrees with them: go.sum was edited"
tamper_dep com_github_pmezard_go_difflib github.com/pmezard/go-difflib@v1.0.0 "BUILD files generated ahead of time" "$deps" \
  "tools/goproxy/go_deps.bzl: BAD"

# A drifted go.mod toolchain or Gazelle makes //tools/goproxy:pins_test fail, naming both versions.
pins() { "$copy/tools/goproxy/pins_test.sh" "$copy/$modules" "$copy/go.mod" "$copy/go.sum" >"$tmp/out" 2>&1; }
drift() { # drift SED WANT: edit go.mod, expect pins_test to fail with WANT, undo the edit
  cp "$copy/go.mod" "$tmp/go.mod"
  sed -i "$1" "$copy/go.mod"
  code=0
  pins || code=$?
  cp "$tmp/go.mod" "$copy/go.mod"
  if [[ $code -eq 0 ]] || ! grep -qF "$2" "$tmp/out"; then
    cat "$tmp/out" >&2
    fail "pins_test passed with go.mod edited by '$1'"
  fi
  ok "drifted go.mod ($1): pins_test exit $code: $(cat "$tmp/out")"
}
pins || {
  cat "$tmp/out" >&2
  fail "pins_test fails on the untouched copy"
}
drift 's/^toolchain .*/toolchain go1.0.0/' "differs from go.mod's toolchain (go1.0.0)"
drift 's|^\(\s*github.com/bazelbuild/bazel-gazelle\) v.*|\1 v0.46.0|' "Gazelle is v0.47.0 in"
echo "pin_tamper.sh: $passed passed, 0 failed"
