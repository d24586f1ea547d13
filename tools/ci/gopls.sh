#!/usr/bin/env bash
# Editor support, end to end: gopls (pinned in tools/ci/go_tools.txt, installed
# into a temp dir) type-checks our code on a fresh clone, both from go.mod (the
# default) and through Bazel with GOPACKAGESDRIVER=tools/editor/gopackagesdriver.sh.
# A throw-away package libs/zz_gopls_probe with a type error, in a scratch copy
# (tools/ci/lib.sh), shows each mode really reports problems.
source "$(dirname "$0")/lib.sh"
scratch_copy

SECONDS=0
gopls=$(go_tool gopls)
ok "$("$gopls" version | head -1) installed (${SECONDS}s)"

probe=libs/zz_gopls_probe
mkdir -p "$probe"
printf 'package probe\n\n// X has a type that does not exist.\nvar X undefinedType\n' >"$probe/probe.go"
cat >"$probe/BUILD.bazel" <<'BUILD'
load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "zz_gopls_probe",
    srcs = ["probe.go"],
    importpath = "example.com/monorepo/libs/zz_gopls_probe",
)
BUILD

# The driver, with a log of its calls: go/packages swallows its stderr.
cat >"$tmp/driver" <<DRIVER
#!/usr/bin/env bash
echo "\$*" >>"$tmp/driver.log"
exec "$copy/tools/editor/gopackagesdriver.sh" "\$@"
DRIVER
chmod +x "$tmp/driver"

clean=(apps/hello_world/main.go libs/greeting/greeting.go tools/oci/ocitool/main.go)
for mode in go.mod GOPACKAGESDRIVER; do
  env=()
  [[ $mode == GOPACKAGESDRIVER ]] && env=(GOPACKAGESDRIVER="$tmp/driver")
  SECONDS=0
  env "${env[@]}" "$gopls" check "${clean[@]}" >"$tmp/out" 2>"$tmp/err" || {
    cat "$tmp/err" >&2
    fail "gopls check ($mode) failed"
  }
  [[ ! -s $tmp/out ]] || {
    cat "$tmp/out" >&2
    fail "gopls ($mode) reports problems in clean files"
  }
  if [[ $mode == GOPACKAGESDRIVER ]]; then
    [[ -s $tmp/driver.log ]] || {
      cat "$tmp/err" >&2
      fail "gopls did not call the driver"
    }
  fi
  env "${env[@]}" "$gopls" check "$probe/probe.go" >"$tmp/out" 2>"$tmp/err" || {
    cat "$tmp/err" >&2
    fail "gopls check ($mode) of the probe failed"
  }
  msg=$(grep -m1 'probe.go:4:.*undefined: undefinedType' "$tmp/out" || true)
  [[ -n $msg ]] || {
    cat "$tmp/out" "$tmp/err" >&2
    fail "gopls ($mode) missed the probe's type error"
  }
  ok "gopls ($mode): ${#clean[@]} clean files, no diagnostics; the probe: ${msg#"$copy/"} (${SECONDS}s)"
done
echo "gopls.sh: $passed passed, 0 failed"
