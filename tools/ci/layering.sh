#!/usr/bin/env bash
# Proves the graph enforces the layering (hand-written): code under libs/ may
# depend on libs, never on apps (apps/BUILD.bazel's default_visibility). Adds a
# throw-away package libs/zz_layering_probe to this tree (removed on exit) and
# analyses it with --nobuild in this output base: seconds, nothing built.
source "$(dirname "$0")/lib.sh"
cd "$root"

probe=libs/zz_layering_probe
probe_pkg "$probe"
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

analyse 'deps = ["//libs/greeting"],' || { cat "$tmp/out" >&2; fail "a lib depending on a lib did not analyse"; }
ok "a lib may depend on a lib (//libs/greeting)"

for dep in '//apps/hello_world:hello_world_lib' '//apps/hello_world'; do
  attr="deps = [\"$dep\"],"
  [[ $dep == //apps/hello_world ]] && attr="data = [\"$dep\"],"
  if analyse "$attr"; then fail "a lib depending on $dep analysed fine"; fi
  msg=$(grep -m1 "is not visible from target" "$tmp/out" || true)
  [[ -n $msg ]] || { cat "$tmp/out" >&2; fail "no visibility error for $dep"; }
  ok "a lib depending on $dep fails analysis: ${msg#ERROR: }"
done

# Visibility is the mechanism, so nothing under apps/ may be public. Gazelle
# writes visibility = public into a BUILD file it creates, before it applies
# apps/BUILD.bazel's default_visibility (bazel-gazelle #1666, open upstream).
public_apps() { tools/bazel query --noshow_progress 'attr(visibility, "//visibility:public", //apps/...)' 2>"$tmp/qerr"; }
app_probe=apps/zz_layering_probe
probe_pkg "$app_probe"
printf 'package probe\n' >"$app_probe/probe.go"
printf 'load("@io_bazel_rules_go//go:def.bzl", "go_library")\n\ngo_library(\n    name = "probe",\n    srcs = ["probe.go"],\n    importpath = "example.com/monorepo/%s",\n    visibility = ["//visibility:public"],\n)\n' "$app_probe" >"$app_probe/BUILD.bazel"
found=$(public_apps) || { cat "$tmp/qerr" >&2; fail "bazel query failed"; }
[[ $found == "//$app_probe:probe" ]] || fail "the query did not find the public probe: '$found'"
rm -rf "${root:?}/$app_probe"
found=$(public_apps) || { cat "$tmp/qerr" >&2; fail "bazel query failed"; }
[[ -z $found ]] || fail "public targets under apps/, so libs could depend on them: $found. Delete their visibility = [\"//visibility:public\"] lines (Gazelle writes them into new BUILD files; bazel run //tools/new -- app NAME does not)"
ok "no target under apps/ is public (a public probe under apps/ is found by the same query)"
echo "layering.sh: $passed passed, 0 failed"
