#!/usr/bin/env bash
# Proves nogo (go vet's analyzers, //tools/lint:nogo) guards our code and only
# ours. Adds a throw-away package libs/zz_nogo_probe to a scratch
# copy (tools/ci/lib.sh): a vet finding in it, or in its test, fails the build with
# the analyzer's message; code that does not compile fails with the compiler's
# message alone, as `go build` prints it (patches/messages/rules_go/nogo-compile-errors.patch);
# then aquery shows that no external repository's package is validated (their
# nogo runs only to compute facts).
source "$(dirname "$0")/lib.sh"
scratch_copy

probe=libs/zz_nogo_probe
mkdir -p "$probe"
cat >"$probe/BUILD.bazel" <<'BUILD'
load("@io_bazel_rules_go//go:def.bzl", "go_library", "go_test")

go_library(
    name = "zz_nogo_probe",
    srcs = ["probe.go"],
    importpath = "example.com/monorepo/libs/zz_nogo_probe",
)

go_test(
    name = "zz_nogo_probe_test",
    srcs = ["probe_test.go"],
    embed = [":zz_nogo_probe"],
)
BUILD

# probe GO_EXPR TEST_BODY: the library returns GO_EXPR, the test runs TEST_BODY.
probe() {
  printf 'package probe\n\nimport "fmt"\n\nfunc S() string { return %s }\n' "$1" >"$probe/probe.go"
  printf 'package probe\n\nimport "testing"\n\nfunc TestS(t *testing.T) {\n\t%s\n}\n' "$2" >"$probe/probe_test.go"
  tools/bazel build --noshow_progress "//$probe/..." >"$tmp/out" 2>&1
}

probe 'fmt.Sprint(1)' 'S()' || {
  cat "$tmp/out" >&2
  fail "a clean probe did not build"
}
ok "a clean package builds with nogo on"

if probe 'fmt.Sprintf("%d", "x")' 'S()'; then fail "a printf mismatch built"; fi
msg=$(grep -m1 'probe.go:.*(printf)$' "$tmp/out" || true)
[[ -n $msg ]] || {
  cat "$tmp/out" >&2
  fail "no printf finding for the library"
}
ok "a vet finding in a library fails the build: $msg"

if probe 'fmt.Sprint(1)' 'go func() { t.Fatal(S()) }()'; then fail "t.Fatal in a goroutine built"; fi
msg=$(grep -m1 'probe_test.go:.*(testinggoroutine)$' "$tmp/out" || true)
[[ -n $msg ]] || {
  cat "$tmp/out" >&2
  fail "no testinggoroutine finding for the test"
}
ok "a vet finding in a test fails the build: $msg"

# compile_error GO_EXPR WANT: the library does not compile; the build fails with the
# compiler's WANT and says nothing of nogo.
compile_error() {
  if probe "$1" 'S()'; then fail "a package with $1 built"; fi
  msg=$(grep -m1 "probe.go:.*$2" "$tmp/out" || true)
  [[ -n $msg ]] || {
    cat "$tmp/out" >&2
    fail "no compiler message '$2' for $1"
  }
  ! grep -qE 'Running nogo|Validating nogo|nogo: ' "$tmp/out" || {
    cat "$tmp/out" >&2
    fail "a compile error ($1) is reported by nogo too"
  }
  ok "a compile error fails with the compiler's message alone: $msg"
}
compile_error 'fmt.Sprint(1' 'syntax error'
compile_error '1' 'cannot use 1'

# Validation (the failing part of nogo) per target: ours only, never @repo//.
tools/bazel aquery --noshow_progress 'mnemonic("ValidateNogo", deps(//apps/... + //libs/... + //tools/...))' \
  >"$tmp/aquery" 2>"$tmp/err" || {
  cat "$tmp/err" >&2
  fail "aquery failed"
}
ours=$(grep -c '^  Target: //' "$tmp/aquery" || true)
external=$(grep -c '^  Target: @' "$tmp/aquery" || true)
[[ $ours -gt 0 ]] || fail "no nogo validation actions at all: is //tools/lint:nogo registered in WORKSPACE?"
[[ $external -eq 0 ]] || {
  grep '^  Target: @' "$tmp/aquery" | sort -u | head >&2
  fail "nogo validates $external external targets"
}
ok "nogo validates $ours actions of our targets and 0 of external repositories"
echo "nogo.sh: $passed passed, 0 failed"
