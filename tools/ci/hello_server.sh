#!/usr/bin/env bash
# hello_server's image, run for real: runc runs the image Bazel
# built (as image_run.sh does), on the host's 127.0.0.1, configured by
# HELLO_SERVER_* variables as the Kubernetes manifest does. Hits every
# endpoint, sends bad input, then SIGTERM during a slow request: the request
# must complete, /readyz must turn 503, and the process must exit 0.
source "$(dirname "$0")/lib.sh"
cd "$root"
need_runc
need curl curl

tools/bazel build --noshow_progress --ui_event_filters=-info //apps/hello_server:image >"$tmp/build" 2>&1 ||
  {
    cat "$tmp/build" >&2
    fail "bazel build //apps/hello_server:image failed"
  }
unpack_image "$(tools/bazel info bazel-bin 2>/dev/null)/apps/hello_server/image" "$tmp/bundle"

port=$(free_port)
url=http://127.0.0.1:$port
delay=3 # seconds every /hello takes, so a request is in flight when SIGTERM comes
python3 tools/ci/bundle.py "$tmp/bundle/config.orig.json" "$tmp/bundle/config.json" --host-network \
  --env "HELLO_SERVER_ADDR=127.0.0.1:$port" --env "HELLO_SERVER_HELLO_DELAY=${delay}s" \
  --env HELLO_SERVER_SHUTDOWN_DELAY=1s --env HELLO_SERVER_SHUTDOWN_TIMEOUT=10s --
id=hello-server-$$
on_exit "runc delete -f $id >/dev/null 2>&1"
runc run --bundle "$tmp/bundle" "$id" >"$tmp/log" 2>"$tmp/err" &
runc_pid=$!
for _ in $(seq 100); do
  curl -fs "$url/readyz" >/dev/null 2>&1 && break
  kill -0 $runc_pid 2>/dev/null || fail "the container exited: $(cat "$tmp/log" "$tmp/err")"
  sleep 0.1
done
[[ $(curl -s "$url/readyz") == ready ]] || fail "not ready on $url: $(cat "$tmp/log" "$tmp/err")"
ok "runc runs the image; it listens on 127.0.0.1:$port (env HELLO_SERVER_ADDR) and /readyz says ready"

# expect PATH STATUS BODY NOTE [CURL_ARGS...]: url/PATH answers STATUS with BODY (a substring).
expect() {
  local path=$1 status=$2 body=$3 note=$4 got
  shift 4
  got=$(curl -s -o "$tmp/body" -w '%{http_code}' "$@" "$url$path") || fail "GET $path: curl failed"
  [[ $got == "$status" ]] || fail "GET $path: HTTP $got, want $status: $(<"$tmp/body")"
  [[ $(<"$tmp/body") == *"$body"* ]] || fail "GET $path: body '$(<"$tmp/body")', want '$body'"
  ok "$path$note -> $got $(head -c 80 "$tmp/body")"
}
expect /healthz 200 ok ""
expect "/hello?name=Ada" 200 "Hello, Ada!" ""
expect "/hello?name=%3Cscript%3E" 400 "not allowed" ""
expect /nope 404 "" ""
expect /hello 431 "" " with a 64 KiB header" -H "X-Big: $(head -c 65536 /dev/zero | tr '\0' a)"
expect /hello 405 "" " as POST" -X POST

# A slow client that never finishes its headers is cut off; the server lives on.
if timeout 15 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; printf 'GET /hello HTTP/1.1\r\nHost: x\r\n' >&3; cat <&3 >/dev/null"; then
  ok "a client stuck in its headers is disconnected by the server (read-header timeout)"
else
  fail "a client stuck in its headers was not disconnected within 15 s"
fi
expect /healthz 200 ok " after the bad clients"

# Graceful shutdown: SIGTERM with a /hello in flight.
curl -s -o "$tmp/slow" -w '%{http_code}' "$url/hello?name=Drain" >"$tmp/slow.code" &
curl_pid=$!
sleep 1
SECONDS=0
runc kill "$id" TERM
sleep 0.5
ready=$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz" || true)
[[ $ready == 503 ]] || fail "/readyz answered $ready during the shutdown delay, want 503"
wait $curl_pid || fail "the in-flight request failed: $(cat "$tmp/slow.code" "$tmp/slow" 2>/dev/null)"
[[ $(<"$tmp/slow.code") == 200 && $(<"$tmp/slow") == "Hello, Drain!" ]] ||
  fail "the in-flight request got HTTP $(<"$tmp/slow.code") '$(<"$tmp/slow")'"
code=0
wait $runc_pid || code=$?
[[ $code -eq 0 ]] || fail "the server exited $code after SIGTERM: $(tail -5 "$tmp/log") $(<"$tmp/err")"
ok "SIGTERM with /hello in flight: /readyz 503, the request finished (200 'Hello, Drain!'), exit 0 after ${SECONDS}s"

# The log is JSON, one object a line, and tells the story.
python3 - "$tmp/log" <<'PY' || fail "the log is not what it should be: $(cat "$tmp/log")"
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1])]
msgs = [e["msg"] for e in entries]
for want in ["starting", "serving", "request", "shutting down", "stopped"]:
    assert want in msgs, "no %r line" % want
statuses = sorted({e["status"] for e in entries if e["msg"] == "request"})
assert statuses == [200, 400, 404, 405], statuses  # 431 is answered before a handler runs
print("ok   the log: %d JSON lines (%s); request statuses %s" % (len(entries), ", ".join(dict.fromkeys(msgs)), statuses))
PY
passed=$((passed + 1))
echo "hello_server.sh: $passed passed, 0 failed"
