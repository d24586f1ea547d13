#!/usr/bin/env bash
# The README's commands, run from the README text, so an edit
# that breaks one fails CI. Every command line in its indented code blocks runs
# in a scratch copy (tools/ci/lib.sh), in order, with `bazel` meaning the copy's
# tools/bazel; a `# ... Hello, X!` comment is output the command must print.
# Afterwards the copy holds only the packages the README creates: the other
# commands (Gazelle, buildifier, go mod tidy) change nothing in a clean tree.
# Lines that cannot run here are listed in `skip` with the check that covers
# them; a skip entry the README no longer has fails too. Last, the same run on
# a README with one broken target must fail.
source "$(dirname "$0")/lib.sh"
scratch_copy
unset BAZEL_REMOTE_CACHE
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexec "%s/tools/bazel" "$@"\n' "$copy" >"$tmp/bin/bazel"
chmod +x "$tmp/bin/bazel"
export PATH=$tmp/bin:$PATH

declare -A skip=(
  ["tools/bazel test //..."]="run by .ci/run before this script"
  ["bazel run //apps/hello_server"]="a server that runs until stopped: tools/ci/hello_server.sh, fresh_clone.sh"
  ["bazel run //apps/hello_server -- -addr 127.0.0.1:8080"]="a server that runs until stopped: tools/ci/hello_server.sh"
  ["bazel run //tools/watch -- run //apps/hello_server"]="runs until stopped: tools/ci/fresh_clone.sh drives it"
  ["bazel run //tools/new -- app NAME"]="NAME is a placeholder; the everyday tasks run it with names"
  ["bazel test --config=race //..."]="tools/ci/race.sh"
  ["bash .ci/run pr"]="the first steps of every tier, this one's included"
  ["bash .ci/run main"]="tools/ci/release_plan.sh runs its publish step against a real registry"
  ["bash .ci/run"]="this script is part of it"
  ["go get github.com/some/module@v1.2.3"]="a placeholder module"
  ["bazel run //apps/hello_world:image_load"]="needs docker or podman: tools/ci/image_load.sh"
  ["bazel run //apps/hello_world:image_push -- --repository ghcr.io/ORG/hello_world --tag v1.2.3"]="no ghcr.io here: tools/ci/image_push.sh pushes to a local registry"
  ["RELEASE_VERSION=v1.2.3 bazel run --config=release //apps/hello_server:image_push -- --repository ghcr.io/ORG/hello_server"]="no ghcr.io here: tools/ci/image_push.sh"
  ["bazel run //apps/hello_world:image_verify -- --repository ghcr.io/ORG/hello_world --key cosign.pub"]="no ghcr.io or key here: tools/ci/image_sign.sh verifies against a local registry"
  ["bazel run //tools/new -- module github.com/acme/mono"]="it would rename the copy the later commands run in: //tools/new:new_test (TestRenameModule) covers it"
)

# commands README: "COMMAND<TAB>COMMENT" for every command line of its indented code blocks.
commands() {
  sed -n 's/^    \(\(tools\/bazel\|bazel\|go\|bash\|[A-Z_]*=[^ ]*\) .*\)$/\1/p' "$1" |
    sed 's/^\(.*[^ ]\) *# \(.*\)$/\1\t\2/'
}

# run_readme README: runs its commands; 0 if all pass.
run_readme() {
  local cmd comment want n=0 skipped=0 seen=()
  while IFS=$'\t' read -r cmd comment; do
    if [[ -n ${skip[$cmd]+set} ]]; then
      seen+=("$cmd")
      skipped=$((skipped + 1))
      continue
    fi
    want=$(grep -o 'Hello, [A-Za-z]*!' <<<"$comment" || true)
    echo "README: $cmd" >>"$tmp/log"
    bash -c "$cmd" >"$tmp/out" 2>&1 </dev/null || {
      cat "$tmp/out" >&2
      echo "README command failed: $cmd" >&2
      return 1
    }
    if [[ -n $want ]] && ! grep -qF "$want" "$tmp/out"; then
      cat "$tmp/out" >&2
      echo "README command did not print '$want': $cmd" >&2
      return 1
    fi
    n=$((n + 1))
  done < <(commands "$1")
  for cmd in "${!skip[@]}"; do
    [[ " ${seen[*]} " == *" $cmd "* ]] || {
      echo "skip entry no longer in the README: $cmd" >&2
      return 1
    }
  done
  echo "$n commands ran, $skipped skipped"
}

SECONDS=0
summary=$(run_readme README.md) || fail "a README command failed (above)"
changed=$(git status --porcelain | grep -v '^?? \(apps/pay_api\|libs/money\)/$' || true)
[[ -z $changed ]] || {
  git diff >&2
  fail "the README's commands changed tracked files: $changed"
}
ok "README.md: $summary (${SECONDS}s); the copy gained only apps/pay_api and libs/money"

_reset_scratch
sed 's|^    tools/bazel run //apps/hello_world |    tools/bazel run //apps/hello_wrld |' README.md >"$tmp/README.bad"
! cmp -s README.md "$tmp/README.bad" || fail "could not break the quick start's first command"
if run_readme "$tmp/README.bad" >/dev/null 2>"$tmp/bad.err"; then fail "a README with //apps/hello_wrld passed"; fi
grep -q 'README command failed: tools/bazel run //apps/hello_wrld' "$tmp/bad.err" || {
  cat "$tmp/bad.err" >&2
  fail "the broken README did not fail on its broken command"
}
ok "a README whose quick start runs //apps/hello_wrld fails, naming that command"
echo "readme.sh: $passed passed, 0 failed"
