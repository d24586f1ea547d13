#!/usr/bin/env bash
# Tests //tools/affected against Bazel's own action graph (the ground truth,
# //tools/affected/actiondiff): a scripted history in a scratch copy, one
# commit per kind of change, and for each the tool's answer against the
# targets whose actions changed (a new action key, or an input whose contents
# changed), transitively. Zero missed targets is the bar; the extra ones (the
# tool's over-approximation) are counted and printed. The answer from the
# hashes the previous commit saved (--save, --base-hashes) must be the same,
# read from the saved graph alone (quick) where only source files changed,
# and from an analysis of the tree where anything else did.
source "$(dirname "$0")/lib.sh"
# A copy of its own, not the shared scratch one: the ground truth and the
# tool's two sides should start from new Bazel servers. In .ci/run's shared
# scratch (after the checks before it) the worktree answer once marked every
# target while the saved hashes, read in the same server, agreed with the truth.
fresh_copy affected
cd "$copy"
commit_tree "$copy"

q=(--noshow_progress --ui_event_filters=-info)
tools/bazel build "${q[@]}" //tools/affected //tools/affected/actiondiff 2>"$tmp/build.log" || {
  cat "$tmp/build.log" >&2
  fail "building //tools/affected failed"
}
mkdir -p "$tmp/bin"
cp bazel-bin/tools/affected/affected_/affected bazel-bin/tools/affected/actiondiff/actiondiff_/actiondiff "$tmp/bin/"
ob=$(tools/bazel info "${q[@]}" output_base 2>/dev/null)

# snap N: the configured graph, action graph and source hashes of HEAD in
# $tmp/snap/N. cquery first: Bazel 4.2.3's aquery lists ~10 % more actions
# after a cquery of the same graph than in a fresh server, so each step runs
# them in the same order.
snap() {
  local d=$tmp/snap/$1
  mkdir -p "$d"
  tools/bazel cquery "${q[@]}" 'deps(//...)' --output=jsonproto --proto:definition_stack >"$d/cquery.json" 2>"$tmp/cquery.log" || {
    cat "$tmp/cquery.log" >&2
    fail "cquery at step $1 failed"
  }
  tools/bazel aquery "${q[@]}" 'deps(//...)' --output=jsonproto >"$d/aquery.json" 2>"$tmp/aquery.log" || {
    cat "$tmp/aquery.log" >&2
    fail "aquery at step $1 failed"
  }
  "$tmp/bin/actiondiff" snapshot "$d" "$PWD" "$ob"
  "$tmp/bin/affected" --save "$d" 2>"$tmp/save.log" || {
    cat "$tmp/save.log" >&2
    fail "affected --save at step $1 failed"
  }
}

step=0
snap 0
on_exit "(cd '$tmp/work/base' 2>/dev/null && tools/bazel --output_base='$tmp/work/output_base' shutdown) >/dev/null 2>&1"

# change WHAT quick|analyse: commit the edits made since the last step, then
# compare the tool's answer for HEAD~1..HEAD with the action graph's; the
# saved hashes' answer must come the way the second word says.
change() {
  local prev=$step out
  step=$((step + 1))
  git add -A
  git commit -qm "$1" --allow-empty
  snap "$step"
  SECONDS=0
  "$tmp/bin/affected" --base HEAD~1 --json --work "$tmp/work" ${AFFECTED_EXPLAIN:+--explain "$AFFECTED_EXPLAIN"} >"$tmp/snap/$step/affected.json" 2>"$tmp/affected.log" || {
    cat "$tmp/affected.log" >&2
    fail "$1: affected failed"
  }
  local took=$SECONDS
  local said
  said=$(tail -1 "$tmp/affected.log")
  # The same answer from the hashes the previous commit saved (main's CI, for a pull request).
  "$tmp/bin/affected" --base-hashes "$tmp/snap/$prev/hashes.json" >"$tmp/saved.txt" 2>"$tmp/affected.log" || {
    cat "$tmp/affected.log" >&2
    fail "$1: affected --base-hashes failed"
  }
  { grep -o '"label": "[^"]*"' "$tmp/snap/$step/affected.json" || true; } | cut -d'"' -f4 >"$tmp/worktree.txt"
  diff "$tmp/worktree.txt" "$tmp/saved.txt" >&2 || {
    echo "the worktree's answer: $said" >&2
    echo "the saved hashes': $(tail -1 "$tmp/affected.log")" >&2
    first=$(diff "$tmp/worktree.txt" "$tmp/saved.txt" | sed -n 's/^[<>] //p' | head -1)
    "$tmp/bin/affected" --base HEAD~1 --work "$tmp/work" --explain "$first" 2>&1 >/dev/null | sed -n '/why/,$p' >&2
    fail "$1: --base-hashes answered otherwise than the base's worktree (above)"
  }
  local how=analyse
  grep -q 'nothing analysed' "$tmp/affected.log" && how=quick
  [[ $how == "$2" ]] || {
    cat "$tmp/affected.log" >&2
    fail "$1: --base-hashes should $2, and did $how (above)"
  }
  out=$("$tmp/bin/actiondiff" compare "$tmp/snap/$prev" "$tmp/snap/$step" "$tmp/snap/$step/affected.json" 2>&1) || {
    echo "$out" >&2
    fail "$1: the tool missed targets whose actions changed"
  }
  ok "$1: ${out%%$'\n'*} (tool ${took}s; saved hashes: $how)"
  [[ -z ${AFFECTED_VERBOSE:-} ]] || {
    echo "$out"
    cat "$tmp/affected.log"
  }
}

echo "// affected probe" >>libs/greeting/greeting.go
change "a lib's source" quick

echo "// affected probe" >>libs/greeting/greeting_test.go
change "a test-only file" quick

echo "# affected probe" >>tools/new/testdata/golden/libs/money/BUILD.out
change "a testdata file" quick

sed -i 's/size = "small"/size = "medium"/' apps/hello_world/BUILD.bazel
change "a BUILD attribute (a test's size)" analyse

sed -i 's/^TAGS = \["dev"\]/TAGS = ["dev", "edge"]/' tools/oci/config.bzl
grep -q '"edge"' tools/oci/config.bzl || fail "tools/oci/config.bzl has no TAGS line to edit"
change "a .bzl macro's data (go_image's push tags)" analyse

echo "# affected probe" >>tools/oci/private/push.bzl
change "a rule's .bzl definition (a comment: no action changes)" analyse

sed -i '/"cc_mvdan_editorconfig"/,/)/{s/h1:D1D2wLYEYGpawWT5SpM5pRivgEgXjtEXwC9MWhEY0gQ=/h1:XL+7ys6ls\/RKrkUNFQvEwIvNHh+JKx8Mj1pUV5wQxQE=/;s/v0.3.0/v0.2.0/}' tools/goproxy/go_deps.bzl
grep -q 'v0.2.0' tools/goproxy/go_deps.bzl || fail "no mvdan.cc/editorconfig pin to move in go_deps.bzl"
go mod edit -require=mvdan.cc/editorconfig@v0.2.0
change "a pin in go.mod and go_deps.bzl (mvdan.cc/editorconfig v0.3.0 -> v0.2.0)" analyse

echo "// affected probe" >>libs/greeterpb/greeter.proto
change "a .proto (generated descriptors)" quick

mkdir -p libs/zz_affected_probe
printf 'package probe\n\n// Two is 2.\nfunc Two() int { return 2 }\n' >libs/zz_affected_probe/probe.go
cat >libs/zz_affected_probe/BUILD.bazel <<'BUILD'
load("@io_bazel_rules_go//go:def.bzl", "go_library", "go_test")

go_library(
    name = "zz_affected_probe",
    srcs = ["probe.go"],
    importpath = "example.com/monorepo/libs/zz_affected_probe",
)

go_test(
    name = "zz_affected_probe_test",
    size = "small",
    embed = [":zz_affected_probe"],
)
BUILD
change "a new package" analyse

git rm -rq libs/zz_affected_probe
change "a deleted package" analyse

echo "affected probe" >>README.md
change "a change that touches no target" quick

echo "build --action_env=AFFECTED_PROBE=1 # affected probe" >>.bazelrc
change ".bazelrc (a flag: the tool answers everything)" analyse
grep -q '"everything": true' "$tmp/snap/$step/affected.json" || fail ".bazelrc changed and the tool did not answer everything"

echo "$(basename "$0"): $passed passed"
