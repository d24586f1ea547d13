#!/usr/bin/env bash
# What a change costs a first build: a cold `tools/bazel test //...` at two or
# more git revisions, taking turns. Each run extracts its revision (git archive)
# into a new directory with a new output base, as a new clone on a machine whose
# Go module cache is warm (after the README's first command); both are removed
# after the run. Prints each run's wall and CPU seconds (the whole machine's
# busy time from /proc/stat: run nothing beside it) and processes, then each
# revision's medians and their ratio to the first. A failing build or test stops it.
#   tools/bench/cold_ab.sh A B [C...]     # e.g. tools/bench/cold_ab.sh main HEAD
# ROUNDS (default 3) sets the rounds; TARGETS what to test (default //...).
source "$(dirname "$0")/../ci/lib.sh"
[[ $# -ge 2 ]] || {
  sed -n '2,10p' "$0" >&2
  exit 2
}
rounds=${ROUNDS:-3}
read -ra targets <<<"${TARGETS:-//...}"
hz=$(getconf CLK_TCK)
names=("$@") revs=() wall=() cpu=()
for n in "${names[@]}"; do
  revs+=("$(git -C "$root" rev-parse --verify -q "$n^{commit}")") || fail "no revision $n in $root"
done

busy() { awk -v hz="$hz" '/^cpu / { printf "%.1f\n", ($2 + $3 + $4 + $7 + $8) / hz }' /proc/stat; }

# cold I ROUND: one cold build and test of revision I; adds its wall and CPU
# seconds to wall[I] and cpu[I].
cold() {
  local dir=$tmp/$1-$2 ob=$tmp/ob-$1-$2 log=$tmp/$1-$2.log t0 t1 c0 c1 w c procs
  mkdir -p "$dir"
  git -C "$root" archive "${revs[$1]}" | tar -x -C "$dir"
  echo "startup --output_base=$ob" >"$dir/user.bazelrc"
  on_exit "(cd '$dir' 2>/dev/null && tools/bazel shutdown >/dev/null 2>&1)"
  c0=$(busy) t0=$(date +%s.%N)
  (cd "$dir" && tools/bazel test -- "${targets[@]}") >"$log" 2>&1 || {
    grep -E 'ERROR|FAIL' "$log" >&2
    fail "${names[$1]}: tools/bazel test ${targets[*]} failed"
  }
  t1=$(date +%s.%N) c1=$(busy)
  (cd "$dir" && tools/bazel shutdown)
  rm -rf "$dir" "$ob"
  w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  c=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.1f", b - a }')
  procs=$(grep -Eo '[0-9]+ processes' "$log" | tail -1)
  wall[$1]+="$w " cpu[$1]+="$c "
  echo "round $2 ${names[$1]}: $w s wall, $c s CPU, $procs"
}

echo "cold tools/bazel test ${targets[*]}, $rounds rounds, $(date -u +%F):"
for i in "${!names[@]}"; do echo "  ${names[i]} = ${revs[i]:0:7}"; done
for r in $(seq "$rounds"); do
  for i in "${!names[@]}"; do cold "$i" "$r"; done
done
# shellcheck disable=SC2086 # word-split the recorded times
w0=$(median ${wall[0]}) c0=$(median ${cpu[0]})
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  w=$(median ${wall[i]}) c=$(median ${cpu[i]})
  awk -v n="${names[i]}" -v w="$w" -v c="$c" -v w0="$w0" -v c0="$c0" -v r="$rounds" \
    'BEGIN { printf "%s: %.1f s wall (%.3fx), %.1f s CPU (%.3fx), medians of %d\n", n, w, w / w0, c, c / c0, r }'
done
