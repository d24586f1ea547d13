#!/usr/bin/env bash
# Checks the pins in modules.bzl (hand-written sh_test): every sum is a go.sum
# h1: hash, and the Go SDK that Bazel builds with is the `toolchain` of go.mod,
# so `go build` and `bazel build` use the same Go.
set -euo pipefail
modules=$1 gomod=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

bad=$(grep -E '^\s*sum = ' "$modules" | grep -vE 'sum = "h1:[A-Za-z0-9+/]{43}="' || true)
[[ -z "$bad" ]] || fail "$modules: not a go.sum h1: hash: $bad"

sdk=$(sed -n 's/.*version = "v0\.0\.1-\(go[0-9.]*\)\.linux-amd64".*/\1/p' "$modules")
toolchain=$(sed -n 's/^toolchain \(go[0-9.]*\)$/\1/p' "$gomod")
[[ -n "$sdk" ]] || fail "$modules: no golang.org/toolchain SDK pin found"
[[ -n "$toolchain" ]] || fail "$gomod: no 'toolchain goX.Y.Z' line"
[[ "$sdk" == "$toolchain" ]] ||
  fail "Bazel's Go SDK ($sdk, $modules) differs from go.mod's toolchain ($toolchain): pin the same Go in both"
echo "ok: SDK $sdk == go.mod toolchain $toolchain; $(grep -c 'sum = "h1:' "$modules") h1: pins"
