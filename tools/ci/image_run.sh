#!/usr/bin/env bash
# Runs hello_world's image with a real OCI runtime: skopeo copies
# the layout Bazel built, Debian's umoci unpacks it into a bundle, Debian's runc
# runs it. Checks the greeting, exit codes, and that the kernel ran the process
# as uid/gid 65532. runc, not crun: Debian's crun refuses these machines'
# cgroups ("cgroups in hybrid mode not supported"); no cgroup namespace or
# /sys/fs/cgroup mount either, for the same reason.
source "$(dirname "$0")/lib.sh"
cd "$root"

need_runc

tools/bazel build --noshow_progress --ui_event_filters=-info //apps/hello_world:image
layout=$(tools/bazel info bazel-bin 2>/dev/null)/apps/hello_world/image

ids=()
# shellcheck disable=SC2016 # on_exit evaluates it at exit, when ids is full
on_exit 'for id in "${ids[@]}"; do runc delete -f "$id" >/dev/null 2>&1; done'
unpack_image "$layout" "$tmp/bundle"

# bundle_args ARGS...: the container runs the image's entrypoint with ARGS
# (or, with ENTRYPOINT=PATH set, PATH with ARGS).
bundle_args() {
  python3 "$root/tools/ci/bundle.py" "$tmp/bundle/config.orig.json" "$tmp/bundle/config.json" \
    ${ENTRYPOINT:+--entrypoint "$ENTRYPOINT"} -- "$@"
}

# run_image CODE STDOUT STDERR_SUBSTRING ARGS...
run_image() {
  local want_code=$1 want_out=$2 want_err=$3 code=0 out err id=hello-$$-$passed
  shift 3
  bundle_args "$@"
  ids+=("$id")
  out=$(runc run --bundle "$tmp/bundle" "$id" 2>"$tmp/err") || code=$?
  err=$(<"$tmp/err")
  [[ $code -eq $want_code ]] || fail "image [$*]: exit $code, want $want_code; stderr: $err"
  [[ $out == "$want_out" ]] || fail "image [$*]: stdout '$out', want '$want_out'"
  [[ $err == *"$want_err"* ]] || fail "image [$*]: stderr lacks '$want_err': $err"
  ok "runc run image $* -> exit $code, '${out:-$want_err}'"
}

run_image 0 "Hello, world!" ""
run_image 0 "Hello, runc!" "" --name runc
run_image 1 "" 'name is empty' --name ""

# No shell to exec into: the runtime itself cannot find one.
for sh in /bin/sh /bin/bash /busybox; do
  ENTRYPOINT=$sh bundle_args -c id
  ids+=("sh-$$")
  if runc run --bundle "$tmp/bundle" "sh-$$" >"$tmp/out" 2>&1; then
    fail "the image ran $sh: $(<"$tmp/out")"
  fi
  grep -q "no such file or directory" "$tmp/out" || fail "running $sh failed for another reason: $(<"$tmp/out")"
  runc delete -f "sh-$$" >/dev/null 2>&1 || true
done
ok "runc finds no /bin/sh, /bin/bash or /busybox to run in the image"

# The user, as the kernel sees it: `runc create` stops the container's process
# after it has switched to the image's user and before it execs the entrypoint.
bundle_args
id=uid-$$
ids+=("$id")
runc create --bundle "$tmp/bundle" --pid-file "$tmp/pid" "$id" >"$tmp/out" 2>&1
status=$(cat "/proc/$(cat "$tmp/pid")/status")
grep -qP '^Uid:\t65532\t65532\t65532\t65532$' <<<"$status" || fail "container process is not uid 65532: $(grep ^Uid <<<"$status")"
grep -qP '^Gid:\t65532\t65532\t65532\t65532$' <<<"$status" || fail "container process is not gid 65532: $(grep ^Gid <<<"$status")"
runc start "$id"
for _ in $(seq 50); do
  runc state "$id" | grep -q '"status": "stopped"' && break
  sleep 0.1
done
[[ $(<"$tmp/out") == "Hello, world!" ]] || fail "created container printed '$(<"$tmp/out")'"
ok "the container's process ran as $(grep ^Uid <<<"$status" | tr -s '\t' ' ') / $(grep ^Gid <<<"$status" | tr -s '\t' ' ') (/proc/PID/status) and greeted"
echo "image_run.sh: $passed passed, 0 failed"
