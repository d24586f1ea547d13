#!/usr/bin/env bash
# greeter_server's image, run for real: runc runs the image
# Bazel built, on the host's 127.0.0.1, configured by GREETER_SERVER_*
# variables as the Kubernetes manifest does. Two clients call it: grpcurl
# (github.com/fullstorydev/grpcurl, which no one here wrote; it asks the
# health service as a Kubernetes gRPC probe does, lists services and calls
# SayHello through server reflection) and apps/greeter_cli. Then SIGTERM: a
# graceful stop, exit 0.
source "$(dirname "$0")/lib.sh"
cd "$root"
need_runc

# grpcurl stays out of go.mod: 628 packages (Envoy's control plane, CEL, cloud auth).
grpcurl=$(go_tool grpcurl)
tools/bazel build --noshow_progress --ui_event_filters=-info //apps/greeter_server:image //apps/greeter_cli >"$tmp/build" 2>&1 ||
  {
    cat "$tmp/build" >&2
    fail "bazel build of the image and greeter_cli failed"
  }
bin=$(tools/bazel info bazel-bin 2>/dev/null)
cli=$bin/apps/greeter_cli/greeter_cli_/greeter_cli # rules_go writes go_binary NAME to NAME_/NAME
unpack_image "$bin/apps/greeter_server/image" "$tmp/bundle"

port=$(free_port)
addr=127.0.0.1:$port
python3 tools/ci/bundle.py "$tmp/bundle/config.orig.json" "$tmp/bundle/config.json" --host-network \
  --env "GREETER_SERVER_ADDR=$addr" --env GREETER_SERVER_SHUTDOWN_TIMEOUT=10s --
id=greeter-server-$$
on_exit "runc delete -f $id >/dev/null 2>&1"
runc run --bundle "$tmp/bundle" "$id" >"$tmp/log" 2>"$tmp/err" &
runc_pid=$!
# health [SERVICE]: grpcurl asks grpc.health.v1.Health/Check, as a Kubernetes gRPC probe does.
health() { "$grpcurl" -plaintext -d "{\"service\": \"${1:-}\"}" "$addr" grpc.health.v1.Health/Check 2>&1; }
for _ in $(seq 100); do
  health >/dev/null && break
  kill -0 $runc_pid 2>/dev/null || fail "the container exited: $(cat "$tmp/log" "$tmp/err")"
  sleep 0.1
done
out=$(health) || fail "health check of $addr: $out; server: $(cat "$tmp/log" "$tmp/err")"
[[ $out == *'"SERVING"'* ]] || fail "the health check said '$out', want SERVING"
ok "runc runs the image on $addr (env GREETER_SERVER_ADDR); grpcurl's health check: $(tr -d ' \n' <<<"$out")"
out=$(health greeter.v1.Greeter) || fail "health check of greeter.v1.Greeter: $out"
[[ $out == *'"SERVING"'* ]] || fail "the health check of greeter.v1.Greeter said '$out', want SERVING"
ok "health check of greeter.v1.Greeter: $(tr -d ' \n' <<<"$out")"
out=$("$grpcurl" -plaintext "$addr" list 2>&1) || fail "grpcurl list: $out"
[[ $out == *greeter.v1.Greeter* && $out == *grpc.health.v1.Health* ]] || fail "reflection lists: $out"
ok "server reflection lists: $(tr '\n' ' ' <<<"$out")"
out=$("$grpcurl" -plaintext -d '{"name": "Ada"}' "$addr" greeter.v1.Greeter/SayHello 2>&1) || fail "grpcurl SayHello: $out"
[[ $out == *'"message": "Hello, Ada!"'* ]] || fail "grpcurl SayHello answered: $out"
ok "grpcurl calls greeter.v1.Greeter/SayHello through reflection: $(tr -d '\n' <<<"$out" | tr -s ' ')"

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
