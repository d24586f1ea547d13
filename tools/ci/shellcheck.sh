#!/usr/bin/env bash
# Runs Debian's shellcheck over every shell script in the tree:
# zero findings, exceptions only as inline `# shellcheck disable=... # reason`
# lines. Then proves the check fails, naming the finding, on a scratch tree
# with a bad script. Not a Bazel test: shellcheck is a host binary from Debian.
source "$(dirname "$0")/lib.sh"
need shellcheck shellcheck
sc=$(command -v shellcheck)

BUILD_WORKSPACE_DIRECTORY=$root "$root/tools/lint/lint.sh" shellcheck check "$sc" >"$tmp/out" 2>&1 || {
  cat "$tmp/out" >&2
  fail "shellcheck has findings"
}
ok "shellcheck $("$sc" --version | sed -n 's/^version: //p'): $(cat "$tmp/out") (.shellcheckrc; $(grep -rhE --exclude-dir='bazel-*' --exclude-dir=.git '^ *# shellcheck disable=SC[0-9]+.* # ' "$root" | wc -l) inline exceptions, each with its reason)"

scratch=$tmp/scratch
mkdir -p "$scratch/.ci"
cp "$root/.shellcheckrc" "$scratch/"
cat >"$scratch/.ci/run" <<'SH'
#!/usr/bin/env bash
rm -rf $1/*
SH
if BUILD_WORKSPACE_DIRECTORY=$scratch "$root/tools/lint/lint.sh" shellcheck check "$sc" >"$tmp/bad" 2>&1; then
  fail "shellcheck passed an unquoted rm -rf \$1/*"
fi
grep -q 'SC2086' "$tmp/bad" || {
  cat "$tmp/bad" >&2
  fail "no SC2086 finding for the scratch script"
}
ok "a scratch .ci/run with 'rm -rf \$1/*' fails it: $(grep -o 'SC[0-9]\+' "$tmp/bad" | sort -u | tr '\n' ' ')"
echo "shellcheck.sh: $passed passed, 0 failed"
