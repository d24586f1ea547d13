#!/usr/bin/env bash
# The GitHub workflow gate (//:actionlint_test): actionlint
# (pinned in go.mod) passes on every workflow, and fails on a copy of one with
# an unknown runner label and a misspelt step id, naming both. Hermetic:
# actionlint's shellcheck and pyflakes passes are off (tools/ci/shellcheck.sh
# runs Debian's shellcheck over the scripts the workflow calls).
#   actionlint_test.sh ACTIONLINT WORKFLOW...
set -euo pipefail
actionlint=$(realpath "$1")
shift
lint() { "$actionlint" -no-color -shellcheck= -pyflakes= "$@"; }
fail() {
  echo "FAIL: $*"
  exit 1
}

lint "$@" || fail "actionlint: the workflows above have problems; fix them (actionlint's messages say how)"
echo "ok: actionlint passes on $*"

bad=$TEST_TMPDIR/bad.yaml
sed 's/runs-on: ubuntu-24.04/runs-on: ubuntu-24.4/; s/steps\.registry\.outputs/steps.registy.outputs/' "$1" >"$bad"
! cmp -s "$1" "$bad" || fail "could not break $1"
if lint "$bad" >"$TEST_TMPDIR/out" 2>&1; then fail "actionlint passed a workflow with runs-on: ubuntu-24.4"; fi
for want in 'label "ubuntu-24.4" is unknown' 'property "registy" is not defined'; do
  grep -qF "$want" "$TEST_TMPDIR/out" || {
    cat "$TEST_TMPDIR/out"
    fail "actionlint did not say '$want'"
  }
done
echo "ok: actionlint fails on a broken copy: $(grep -o '\[[a-z-]*\]$' "$TEST_TMPDIR/out" | sort -u | tr '\n' ' ')"
