#!/usr/bin/env bash
# Checks the pins in pins.bzl (an sh_test): every sum is a go.sum
# h1: hash; the Go SDK that Bazel builds with is the `toolchain` of go.mod, so
# `go build` and `bazel build` use the same Go; and Gazelle is the same module
# for both (our languages in tools/gazelle compile against go.mod's with `go`).
set -euo pipefail
modules=$1 gomod=$2 gosum=$3
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

bad=$(grep -E '^\s*sum = ' "$modules" | grep -vE 'sum = "h1:[A-Za-z0-9+/]{43}="' || true)
[[ -z "$bad" ]] || fail "$modules: not a go.sum h1: hash: $bad"

toolchain=$(sed -n 's/^toolchain \(go[0-9.]*\)$/\1/p' "$gomod")
[[ -n "$toolchain" ]] || fail "$gomod: no 'toolchain goX.Y.Z' line"
for host in linux-amd64 linux-arm64 darwin-amd64 darwin-arm64; do
  sdk=$(sed -n "s/.*version = \"v0\.0\.1-\(go[0-9.]*\)\.$host\".*/\1/p" "$modules")
  [[ -n "$sdk" ]] || fail "$modules: no golang.org/toolchain SDK pin for $host"
  [[ "$sdk" == "$toolchain" ]] ||
    fail "Bazel's Go SDK for $host ($sdk, $modules) differs from go.mod's toolchain ($toolchain): pin the same Go in both"
done

# pin NAME FIELD: a field of one entry of MODULES.
pin() { awk -v n="\"$1\": struct(" -v f="$2" 'index($0, n) {on = 1} on && $1 == f {gsub(/[",]/, "", $3); print $3; exit}' "$modules"; }
gz_version=$(pin bazel_gazelle version) gz_sum=$(pin bazel_gazelle sum)
[[ -n "$gz_version" && -n "$gz_sum" ]] || fail "$modules: no bazel_gazelle pin found"
mod_version=$(awk '$1 == "github.com/bazelbuild/bazel-gazelle" {print $2}' "$gomod")
[[ "$gz_version" == "$mod_version" ]] ||
  fail "Gazelle is $gz_version in $modules but ${mod_version:-missing} in $gomod: our Gazelle languages must build against the Gazelle that runs them; pin the same version in both"
grep -qxF "github.com/bazelbuild/bazel-gazelle $gz_version $gz_sum" "$gosum" ||
  fail "$modules pins Gazelle $gz_version as $gz_sum, which is not its hash in $gosum"
echo "ok: SDK $sdk for 4 hosts == go.mod toolchain $toolchain; Gazelle $gz_version == go.mod's, same h1:; $(grep -c 'sum = "h1:' "$modules") h1: pins"
