#!/usr/bin/env bash
# `bazel coverage`, end to end: the combined LCOV report has one
# record per source file, and each line's hit count is the sum over the tests'
# own coverage.dat files (what //tools/coverage/lcovmerge must compute), so a
# lib covered by its own test and by an app's test is merged, not repeated.
source "$(dirname "$0")/lib.sh"
cd "$root"

SECONDS=0
tools/bazel coverage --noshow_progress --ui_event_filters=-info //libs/... //apps/... >"$tmp/out" 2>&1 ||
  {
    tail -30 "$tmp/out" >&2
    fail "bazel coverage //libs/... //apps/... failed"
  }
report=bazel-out/_coverage/_coverage_report.dat
list=bazel-out/_coverage/lcov_files.tmp # the per-test reports Bazel handed the merger
[[ -s $report && -s $list ]] || fail "no combined report at $report"
ok "bazel coverage //libs/... //apps/...: $(grep -o 'Executed .*' "$tmp/out") (${SECONDS}s)"

dups=$(grep '^SF:' "$report" | sort | uniq -d)
[[ -z $dups ]] || fail "source files repeated in $report: $dups"
files=$(grep -c '^SF:' "$report")
[[ $files -ge 3 ]] || fail "only $files source files in $report"
ok "$files source files, one record each: $(grep '^SF:' "$report" | cut -c4- | tr '\n' ' ')"

# Per file and line, the sum over the per-test reports; then the same from the
# combined report. They must be equal, and some file must come from >1 test.
sum_da() { awk -F'[:,]' '/^SF:/ {sf=$2} /^DA:/ {hits[sf":"$2]+=$3} END {for (k in hits) print k, hits[k]}' "$@" | sort; }
mapfile -t reports < <(xargs -a "$list" -d '\n' -I{} find {} -size +0) # non-empty ones
sum_da "${reports[@]}" >"$tmp/want"
sum_da "$report" >"$tmp/got"
diff "$tmp/want" "$tmp/got" >&2 || fail "combined hits differ from the sum of the ${#reports[@]} per-test reports"
shared=$(cat "${reports[@]}" | grep '^SF:' | sort | uniq -d | wc -l)
[[ $shared -ge 1 ]] || fail "no source file is covered by two tests: the merge was not exercised"
lf=$(awk -F: '/^LF:/ {n+=$2} END {print n}' "$report")
lh=$(awk -F: '/^LH:/ {n+=$2} END {print n}' "$report")
ok "per-line hits equal the sum of the ${#reports[@]} non-empty per-test reports ($shared files covered by several tests); lines covered: $lh of $lf"
echo "coverage.sh: $passed passed, 0 failed"
