#!/usr/bin/env bash
# --config=race, end to end: every test passes under the race
# detector, and a throw-away package with a data race (libs/zz_race_probe)
# fails with Go's "DATA RACE" report. In a scratch copy (tools/ci/lib.sh).
source "$(dirname "$0")/lib.sh"
scratch_copy
q=(--noshow_progress --ui_event_filters=-info)

SECONDS=0
tools/bazel test "${q[@]}" --config=race //... >"$tmp/all.out" 2>&1 || {
  tail -30 "$tmp/all.out" >&2
  fail "bazel test --config=race //... failed"
}
ok "bazel test --config=race //...: $(grep -o 'Executed .*' "$tmp/all.out") (${SECONDS}s)"

probe=libs/zz_race_probe
mkdir -p "$probe"
cat >"$probe/probe_test.go" <<'GO'
package probe

import "testing"

// TestRace writes one variable from two goroutines without synchronisation.
func TestRace(t *testing.T) {
	n, done := 0, make(chan bool)
	go func() { n++; done <- true }()
	n++
	<-done
	t.Log(n)
}
GO
cat >"$probe/BUILD.bazel" <<'BUILD'
load("@io_bazel_rules_go//go:def.bzl", "go_test")

go_test(
    name = "probe_test",
    srcs = ["probe_test.go"],
)
BUILD
tools/bazel test "${q[@]}" "//$probe:probe_test" >"$tmp/plain.out" 2>&1 || {
  cat "$tmp/plain.out" >&2
  fail "the racy probe fails even without --config=race"
}
if tools/bazel test "${q[@]}" --config=race "//$probe:probe_test" >"$tmp/race.out" 2>&1; then
  fail "the racy probe passed under --config=race"
fi
log=$(tools/bazel info --config=race bazel-testlogs 2>/dev/null)/$probe/probe_test/test.log
grep -q "WARNING: DATA RACE" "$log" || {
  cat "$tmp/race.out" "$log" >&2
  fail "no DATA RACE report"
}
ok "a racy test passes without the detector and fails under --config=race: $(grep -m1 -o 'WARNING: DATA RACE' "$log"); $(grep -m1 -o 'testing.go:[0-9]*: race detected.*' "$log" || true)"
echo "race.sh: $passed passed, 0 failed"
