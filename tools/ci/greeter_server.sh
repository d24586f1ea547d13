#!/usr/bin/env bash
# greeter_server's image, run for real (hand-written): runc runs the image
# Bazel built, on the host's 127.0.0.1, configured by GREETER_SERVER_*
# variables as the Kubernetes manifest does. Two clients call it: the upstream
# grpc_health_probe (pinned in go.mod; what a Kubernetes gRPC probe asks) and
# apps/greeter_cli. Then SIGTERM: a graceful stop, exit 0.
source "$(dirname "$0")/lib.sh"
cd "$root"
need_runc

probe_label=@com_github_grpc_ecosystem_grpc_health_probe//:grpc-health-probe
tools/bazel build --noshow_progress --ui_event_filters=-info //apps/greeter_server:image //apps/greeter_cli "$probe_label" >"$tmp/build" 2>&1 ||
  {
    cat "$tmp/build" >&2
    fail "bazel build of the image and the clients failed"
  }
bin=$(tools/bazel info bazel-bin 2>/dev/null)
# rules_go writes a go_binary NAME to NAME_/NAME in its package's output directory.
probe=$bin/external/com_github_grpc_ecosystem_grpc_health_probe/grpc-health-probe_/grpc-health-probe
cli=$bin/apps/greeter_cli/greeter_cli_/greeter_cli
unpack_image "$bin/apps/greeter_server/image" "$tmp/bundle"

port=$(free_port)
addr=127.0.0.1:$port
python3 tools/ci/bundle.py "$tmp/bundle/config.orig.json" "$tmp/bundle/config.json" --host-network \
  --env "GREETER_SERVER_ADDR=$addr" --env GREETER_SERVER_SHUTDOWN_TIMEOUT=10s --
id=greeter-server-$$
on_exit "runc delete -f $id >/dev/null 2>&1"
runc run --bundle "$tmp/bundle" "$id" >"$tmp/log" 2>"$tmp/err" &
runc_pid=$!
for _ in $(seq 100); do
  "$probe" -addr "$addr" >/dev/null 2>&1 && break
  kill -0 $runc_pid 2>/dev/null || fail "the container exited: $(cat "$tmp/log" "$tmp/err")"
  sleep 0.1
done
out=$("$probe" -addr "$addr" 2>&1) || fail "grpc_health_probe -addr $addr: $out; server: $(cat "$tmp/log" "$tmp/err")"
[[ $out == *SERVING* ]] || fail "grpc_health_probe said '$out', want SERVING"
ok "runc runs the image on $addr (env GREETER_SERVER_ADDR); grpc_health_probe: $out"
out=$("$probe" -addr "$addr" -service greeter.v1.Greeter 2>&1) || fail "grpc_health_probe -service greeter.v1.Greeter: $out"
ok "grpc_health_probe -service greeter.v1.Greeter: $out"

out=$("$cli" -addr "$addr" -name Ada 2>&1) || fail "greeter_cli -name Ada: $out"
[[ $out == "Hello, Ada!" ]] || fail "greeter_cli -name Ada printed '$out'"
ok "greeter_cli -name Ada -> $out"
code=0
out=$("$cli" -addr "$addr" -name '<script>' 2>&1) || code=$?
[[ $code -eq 1 && $out == *InvalidArgument* ]] || fail "greeter_cli with a bad name: exit $code, '$out'"
ok "greeter_cli with a bad name -> exit 1, ${out#*: }"

SECONDS=0
runc kill "$id" TERM
code=0
wait $runc_pid || code=$?
[[ $code -eq 0 ]] || fail "the server exited $code after SIGTERM: $(tail -5 "$tmp/log") $(<"$tmp/err")"
grep -q '"msg":"stopped"' "$tmp/log" || fail "no graceful stop in the log: $(cat "$tmp/log")"
ok "SIGTERM: graceful stop, exit 0 after ${SECONDS}s"
grep -q '"method":"/greeter.v1.Greeter/SayHello","code":"InvalidArgument"' "$tmp/log" ||
  fail "the access log lacks the failed call: $(cat "$tmp/log")"
ok "the JSON access log has each call with its status code"
echo "greeter_server.sh: $passed passed, 0 failed"
