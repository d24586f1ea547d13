#!/usr/bin/env bash
# Checks what the standard library build reads from the SDK (an sh_test):
# SDK_SRCS is `bazel query 'deps(@go_sdk//:srcs)'` (a genquery), the
# files of rules_go's `srcs` glob. It must hold the standard library and nothing
# under src/cmd, which go_proxy_module's `subpackages` cuts off
# (tools/goproxy/repositories.bzl).
set -euo pipefail
srcs=$1
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

for f in src/fmt/print.go src/runtime/proc.go src/vendor/modules.txt; do
  grep -qxF "@go_sdk//:$f" "$srcs" || fail "$srcs: no @go_sdk//:$f: the query no longer lists the SDK's sources"
done
echo "ok   the standard library's sources are listed ($(wc -l <"$srcs") labels)"

cmd=$(grep -c '^@go_sdk//:src/cmd/' "$srcs" || true)
((cmd == 0)) || fail "$cmd files under src/cmd are inputs of the standard library build (e.g. $(grep -m1 '^@go_sdk//:src/cmd/' "$srcs")): is src/cmd still in the SDK's subpackages?"
echo "ok   nothing under src/cmd"
