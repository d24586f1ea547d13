#!/usr/bin/env bash
# Loopback load test of hello_server, with Debian's wrk: GET
# /hello?name=Ada against three servers of the same handler (apps/hello_server/api),
# taking turns so they share the machine's noise:
#   hello_server        as deployed: timeouts, probes, JSON access log per request
#   hello_server quiet  -log-level=warn: the same without the access log
#   bare                apps/hello_server/bare: http.ListenAndServe, nothing else
# Prints req/s, p50/p99 latency and errors (median of the rounds) and the ratios
# to bare. Fails on any error response or socket error (the goal is 0).
#   tools/bench/http_load.sh                          # 3 rounds of 10 s, 32 connections
#   DURATION=3 ROUNDS=1 tools/bench/http_load.sh      # what CI runs
source "$(dirname "$0")/../ci/lib.sh"
cd "$root"
need wrk wrk
need curl curl
DURATION=${DURATION:-10} ROUNDS=${ROUNDS:-3} CONNECTIONS=${CONNECTIONS:-32} THREADS=${THREADS:-2}

tools/bazel build --noshow_progress --ui_event_filters=-info //apps/hello_server //apps/hello_server/bare >"$tmp/build" 2>&1 ||
  {
    cat "$tmp/build" >&2
    fail "bazel build failed"
  }
bin=$(tools/bazel info bazel-bin 2>/dev/null)/apps/hello_server

names=(hello_server "hello_server quiet" bare)
declare -A url pid
start() { # start NAME CMD...: runs CMD in the background, waits for /hello
  local name=$1 port
  shift
  port=$(free_port)
  "$@" -addr "127.0.0.1:$port" >"$tmp/$port.log" 2>&1 &
  pid[$name]=$!
  on_exit "kill ${pid[$name]} 2>/dev/null"
  url[$name]=http://127.0.0.1:$port
  for _ in $(seq 50); do
    curl -fs "${url[$name]}/hello" >/dev/null && return
    sleep 0.1
  done
  fail "$name did not start: $(cat "$tmp/$port.log")"
}
start hello_server "$bin/hello_server_/hello_server"
start "hello_server quiet" "$bin/hello_server_/hello_server" -log-level=warn
start bare "$bin/bare/bare_/bare"

# ms VALUE: wrk's latency (e.g. 812.00us, 1.20ms, 2.01s) in milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u); printf "%.3f", n * (u == "us" ? 0.001 : u == "s" ? 1000 : 1) }'; }
declare -A rps p50 p99 errors
for ((round = 1; round <= ROUNDS; round++)); do
  for name in "${names[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${url[$name]}/hello?name=Ada" >"$tmp/wrk" 2>&1 ||
      fail "wrk against $name failed: $(cat "$tmp/wrk")"
    rps[$name]+="$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk") "
    p50[$name]+="$(ms "$(awk '$1 == "50%" {print $2}' "$tmp/wrk")") "
    p99[$name]+="$(ms "$(awk '$1 == "99%" {print $2}' "$tmp/wrk")") "
    e=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$tmp/wrk")
    errors[$name]=$((${errors[$name]:-0} + e))
    echo "     round $round $name: $(grep -E '^Requests/sec:|^ +99%' "$tmp/wrk" | tr -s ' ' | tr '\n' ' ')errors $e"
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

printf '\n| server (%s rounds of %s s, %s connections, %s wrk threads) | req/s | p50 ms | p99 ms | errors | req/s vs bare | p99 vs bare |\n|---|---|---|---|---|---|---|\n' \
  "$ROUNDS" "$DURATION" "$CONNECTIONS" "$THREADS"
base_rps=$(median "${rps[bare]}") base_p99=$(median "${p99[bare]}")
for name in "${names[@]}"; do
  r=$(median "${rps[$name]}") l=$(median "${p99[$name]}")
  printf '| %s | %.0f | %s | %s | %d | %.2f | %.2f |\n' "$name" "$r" "$(median "${p50[$name]}")" "$l" "${errors[$name]}" \
    "$(awk -v a="$r" -v b="$base_rps" 'BEGIN {print a / b}')" "$(awk -v a="$l" -v b="$base_p99" 'BEGIN {print a / b}')"
done
echo

for name in "${names[@]}"; do
  [[ ${errors[$name]} -eq 0 ]] || fail "$name: ${errors[$name]} errors under load"
  kill -0 "${pid[$name]}" || fail "$name died under load"
done
[[ $(curl -s "${url[hello_server]}/healthz") == ok ]] || fail "hello_server is not healthy after the load"
ok "0 errors in $ROUNDS x ${#names[@]} runs; every server alive and hello_server healthy afterwards"
echo "http_load.sh: $passed passed, 0 failed"
