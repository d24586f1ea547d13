#!/usr/bin/env bash
# The back-port scripts need nothing GNU (hand-written): the pinned rules_go and
# Gazelle module zips, unpacked fresh, patched by tools/goproxy/backports/*.sh
# with PATH holding only bash, perl, dirname, cat, cp and go (what macOS has; no
# GNU sed, grep or coreutils), must apply every required edit. The same run
# with the edits' tools hidden (no perl) must fail, naming the edit.
source "$(dirname "$0")/lib.sh"
need python3 python3
modules=$root/tools/goproxy/modules.bzl
mkdir -p "$tmp/bin"
for t in bash perl dirname cat cp go; do ln -s "$(command -v "$t")" "$tmp/bin/$t"; done

# pin NAME FIELD: a field of one entry of MODULES.
pin() { awk -v n="\"$1\": struct(" -v f="$2" 'index($0, n) {on = 1} on && $1 == f {gsub(/[",]/, "", $3); print $3; exit}' "$modules"; }

# unpack NAME DIR: the module zip of pin NAME, extracted into DIR.
unpack() {
  local zip
  zip=$(cd "$tmp" && GOFLAGS=-mod=mod go mod download -json "$(pin "$1" module)@$(pin "$1" version)" | sed -n 's/^\t"Zip": "\(.*\)",$/\1/p')
  [[ -f $zip ]] || fail "no module zip for $1"
  python3 - "$zip" "$2" "$(pin "$1" module)@$(pin "$1" version)/" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for info in z.infolist():
    info.filename = info.filename[len(sys.argv[3]):]  # drop "module@version/"
    if info.filename:
        z.extract(info, sys.argv[2])
PY
}

for pair in io_bazel_rules_go:rules_go bazel_gazelle:gazelle; do
  name=${pair%%:*} script=$root/tools/goproxy/backports/${pair#*:}.sh
  unpack "$name" "$tmp/$name"
  (cd "$tmp/$name" && env -i HOME="$tmp" PATH="$tmp/bin" GO="$tmp/bin/go" GOTOOLCHAIN=local GOFLAGS=-modcacherw GOMODCACHE="$(go env GOMODCACHE)" bash "$script") >"$tmp/$name.log" 2>&1 || {
    cat "$tmp/$name.log" >&2
    fail "${pair#*:}.sh failed with only bash, perl, dirname, cat, cp and go on PATH"
  }
  ok "${pair#*:}.sh patched $(pin "$name" module)@$(pin "$name" version) with PATH = bash, perl, dirname, cat, cp, go"
done

unpack io_bazel_rules_go "$tmp/noperl"
rm "$tmp/bin/perl"
if (cd "$tmp/noperl" && env -i PATH="$tmp/bin" bash "$root/tools/goproxy/backports/rules_go.sh") >"$tmp/noperl.log" 2>&1; then
  fail "rules_go.sh passed without perl"
fi
grep -q "back-port '.*': perl failed" "$tmp/noperl.log" || {
  cat "$tmp/noperl.log" >&2
  fail "rules_go.sh without perl did not name the edit"
}
ok "without perl it stops: $(grep -m1 "back-port '" "$tmp/noperl.log")"
echo "backports_bsd.sh: $passed passed, 0 failed"
