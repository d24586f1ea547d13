#!/usr/bin/env bash
# A/B of Bazel flags on one incremental edit or a no-op. In a
# workspace that monobench generated and kept (-work DIR), each round edits LIB (a
# new branch in its Value, as monobench's edits do; LIB "-" edits nothing: a
# no-op) and runs `bazel test //libs/... //apps/...` once per flag set, the sets
# taking turns so they share the machine's noise.
# Each timed run follows an untimed edit+test with the same flags, so a set never
# pays for the previous one's flags (Bazel drops its analysis cache when build
# options change). Prints, per set: median seconds, processes run (not internal,
# not cached) and the ratio to the first set.
#   tools/bench/flags_ab.sh WORKSPACE LIB NAME=FLAGS...
#   tools/bench/flags_ab.sh /tmp/mb/n25 l0024 base= shm=--sandbox_base=/dev/shm
#   tools/bench/flags_ab.sh /tmp/mb/n25 - base= watchfs=--watchfs
#   TARGETS="//libs/... //apps/... //:gofmt_test" tools/bench/flags_ab.sh /tmp/mb/n1000 - \
#     record= norecord=--test_env=LINT_NO_CACHE=1
# ROUNDS (default 5) sets the rounds; OUTPUT_BASE that of WORKSPACE (default
# WORKSPACE.ob, where monobench puts it); TARGETS what to test (default
# //libs/... //apps/...; add the source gates, //:gofmt_test ..., to time them).
set -euo pipefail
[[ $# -ge 3 ]] || {
  sed -n '2,19p' "$0" >&2
  exit 2
}
ws=$(cd "$1" && pwd) lib=$2
shift 2
src=$ws/libs/$lib/$lib.go
[[ $lib == - || -f $src ]] || {
  echo "flags_ab.sh: no $src (LIB is a generated lib such as l0000)" >&2
  exit 2
}
ROUNDS=${ROUNDS:-5} OUTPUT_BASE=${OUTPUT_BASE:-$ws.ob} TARGETS=${TARGETS:-//libs/... //apps/...}
names=() flags=()
for set in "$@"; do
  [[ $set == *=* ]] || {
    echo "flags_ab.sh: $set: want NAME=FLAGS (FLAGS may be empty)" >&2
    exit 2
  }
  names+=("${set%%=*}") flags+=("${set#*=}")
done

edits=0
edit() { # a branch that changes the code, not the result, like monobench's Edit
  [[ $lib != - ]] || return 0
  edits=$((edits + 1))
  awk -v n=$((100000 + edits)) '!done && $0 == "\treturn v" { printf "\tif x == -%d {\n\t\tv++\n\t}\n", n; done = 1 } { print }' "$src" >"$log.src"
  cat "$log.src" >"$src"
}
log=$(mktemp)
trap 'rm -f "$log" "$log.src"' EXIT
run() { # run FLAGS: edit, bazel test; prints "seconds processes"
  edit
  local t0 t1
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086 # FLAGS and TARGETS are word lists
  (cd "$ws" && tools/bazel --output_base="$OUTPUT_BASE" test $1 $TARGETS) >"$log" 2>&1 ||
    {
      tail -30 "$log" >&2
      echo "flags_ab.sh: bazel test $1 failed" >&2
      exit 1
    }
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc) $(sed -nE 's/^INFO: [0-9]+ processes?: (.*)\./\1/p' "$log" | tail -1 |
    tr ',' '\n' | awk '$2 != "internal" && $2 != "remote" {n += $1} END {print n + 0}')"
}

declare -A secs procs
for ((round = 1; round <= ROUNDS; round++)); do
  for i in "${!names[@]}"; do
    run "${flags[$i]}" >/dev/null
    read -r s p < <(run "${flags[$i]}")
    secs[$i]+="$s " procs[$i]=$p
    echo "round $round ${names[$i]}: ${s}s, $p processes" >&2
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

what="edit of $lib"
[[ $lib != - ]] || what=no-op
printf '\n| flags (%s, median of %s) | seconds | processes | vs %s |\n|---|---|---|---|\n' "$what" "$ROUNDS" "${names[0]}"
base=$(median "${secs[0]}")
for i in "${!names[@]}"; do
  m=$(median "${secs[$i]}")
  # shellcheck disable=SC2016 # the backquotes are Markdown
  printf '| %s `%s` | %.2f | %s | %.2f |\n' "${names[$i]}" "${flags[$i]}" "$m" "${procs[$i]}" "$(echo "$m / $base" | bc -l)"
done
