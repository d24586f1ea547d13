#!/usr/bin/env bash
# Proves the graph enforces the layering: code under libs/ may
# depend on libs, never on apps (the package default_visibility our Gazelle
# gives every package under apps/; tools/ci/fresh_clone.sh checks none is public).
# Adds a throw-away package libs/zz_layering_probe to a scratch copy
# (tools/ci/lib.sh) and analyses it with --nobuild: seconds, nothing built.
source "$(dirname "$0")/lib.sh"
scratch_copy

probe=libs/zz_layering_probe
mkdir -p "$probe"
printf 'package probe\n' >"$probe/probe.go"

# analyse DEP_ATTR: the probe, with the given dependency attribute.
analyse() {
  cat >"$probe/BUILD.bazel" <<BUILD
load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "zz_layering_probe",
    srcs = ["probe.go"],
    importpath = "example.com/monorepo/$probe",
    $1
)
BUILD
  tools/bazel build --nobuild --noshow_progress "//$probe" >"$tmp/out" 2>&1
}

analyse 'deps = ["//libs/greeting"],' || {
  cat "$tmp/out" >&2
  fail "a lib depending on a lib did not analyse"
}
ok "a lib may depend on a lib (//libs/greeting)"

for dep in '//apps/hello_world:hello_world_lib' '//apps/hello_world'; do
  attr="deps = [\"$dep\"],"
  [[ $dep == //apps/hello_world ]] && attr="data = [\"$dep\"],"
  if analyse "$attr"; then fail "a lib depending on $dep analysed fine"; fi
  msg=$(grep -m1 "is not visible from target" "$tmp/out" || true)
  [[ -n $msg ]] || {
    cat "$tmp/out" >&2
    fail "no visibility error for $dep"
  }
  ok "a lib depending on $dep fails analysis: ${msg#ERROR: }"
done

echo "layering.sh: $passed passed, 0 failed"
