#!/usr/bin/env bash
# Tests test_affected.sh's choices (an sh_test): which tools/affected it runs
# (main's saved binary, else bazel run), with which flags, and what it then
# tests, in a scratch checkout whose tools/bazel and saved tool are stand-ins
# that log their command lines.
#   test_affected_test.sh TEST_AFFECTED_SH
set -euo pipefail
fail() {
  echo "FAIL: $*"
  exit 1
}
repo=$TEST_TMPDIR/repo saved=$TEST_TMPDIR/saved log=$TEST_TMPDIR/log out=$TEST_TMPDIR/out
mkdir -p "$repo/tools/affected" "$saved"
cp "$1" "$repo/tools/affected/test_affected.sh"
# The stand-ins print $ANSWER's lines as the tool's answer, or fail when it is "fail".
# shellcheck disable=SC2016 # $ANSWER belongs to the stand-ins
answer='[[ $ANSWER != fail ]] || exit 1; [[ -z $ANSWER ]] || printf "%s\n" $ANSWER'
cat >"$repo/tools/bazel" <<EOF
#!/usr/bin/env bash
echo "bazel \$*" >>"$log"
[[ \$1 != run ]] || { $answer; }
EOF
cat >"$TEST_TMPDIR/affected" <<EOF
#!/usr/bin/env bash
echo "saved \$* in \$BUILD_WORKSPACE_DIRECTORY" >>"$log"
$answer
EOF
chmod +x "$repo/tools/bazel" "$TEST_TMPDIR/affected"

# run ARGS...: test_affected.sh from elsewhere, as bazel run's tools see the
# environment (an outer workspace); its output in $out, the logged commands in $log.
run() {
  : >"$log"
  (cd / && BUILD_WORKSPACE_DIRECTORY=/elsewhere bash "$repo/tools/affected/test_affected.sh" "$@") >"$out" 2>&1 ||
    fail "test_affected.sh $*: exit $?: $(<"$out")"
}
want() {
  [[ $(<"$log") == "$1" ]] || fail "$2: want the commands
$1
got
$(<"$log")"
}

echo '{}' >"$saved/hashes.json"
cp "$TEST_TMPDIR/affected" "$saved/affected"
ANSWER="//libs/a:a //tools/lint:gates_test" AFFECTED_SAVED=$saved run origin/main
want "saved --gates --base-hashes $saved/hashes.json in $repo
bazel test //libs/a:a //tools/lint:gates_test" "main's saved tool and hashes"
grep -qx "test_affected.sh: testing 2 targets, the affected ones and the source gates ($saved/affected)" "$out" ||
  fail "main's saved tool: the log line is missing: $(<"$out")"
echo "ok   main's saved tool reads its hashes for this checkout; bazel test gets its answer; no Bazel before the tests"

rm "$saved/affected"
ANSWER="//libs/a:a" AFFECTED_SAVED=$saved run
want "bazel run --noshow_progress --ui_event_filters=-info //tools/affected -- --gates --base-hashes $saved/hashes.json
bazel test //libs/a:a" "saved hashes without the tool"
grep -q "(bazel run //tools/affected)" "$out" || fail "saved hashes without the tool: the log line does not say bazel run: $(<"$out")"
echo "ok   saved hashes without the tool: bazel run builds it"

ANSWER="//libs/a:a" AFFECTED_SAVED=$TEST_TMPDIR/none run origin/main
want "bazel run --noshow_progress --ui_event_filters=-info //tools/affected -- --gates --shutdown --base origin/main
bazel test //libs/a:a" "nothing saved"
echo "ok   nothing saved: the tool analyses the base (--base REV) and stops its server"

ANSWER=fail run
want "bazel run --noshow_progress --ui_event_filters=-info //tools/affected -- --gates --shutdown
bazel test //..." "the tool failing"
grep -q "tools/affected failed (above): testing //..." "$out" || fail "the tool failing: the log does not say why //...: $(<"$out")"
echo "ok   the tool failing: bazel test //..., and the log says why"

ANSWER="" run
want "bazel run --noshow_progress --ui_event_filters=-info //tools/affected -- --gates --shutdown" "an empty answer"
grep -q "nothing to test" "$out" || fail "an empty answer: $(<"$out")"
echo "ok   an empty answer: nothing tested, and it says so"
