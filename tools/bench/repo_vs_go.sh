#!/usr/bin/env bash
# This repository against plain go, as monobench measures a generated one
# a copy of the tree (tools/ci/lib.sh's fresh_copy: tracked
# files with uncommitted edits, its own output base), fetched and built once
# untimed, then ROUNDS rounds of
#   cold  go: an empty GOCACHE; Bazel: `bazel clean` and a new server (fetched
#         repositories kept), then `tools/bazel test //...`
#   leaf  a one-line edit of libs/names (a new unexported function: the object
#         code changes, the API does not), then the same again
# go runs `go build ./... && go test ./...` first in each step, so both share
# the machine's noise. Prints each round and the medians with their ratio.
#   tools/bench/repo_vs_go.sh        # ROUNDS=3
source "$(dirname "$0")/../ci/lib.sh"
rounds=${ROUNDS:-3}
fresh_copy repo
cd "$copy"
export GOFLAGS=-mod=readonly GOCACHE=$tmp/gocache

timed() { # timed CMD...: prints the seconds CMD took; on failure its log
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$tmp/last.log" 2>&1 || {
    tail -20 "$tmp/last.log" >&2
    fail "$*"
  }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
}
gotest() { go build ./... && go test ./...; }

echo "$(git -C "$root" rev-parse --short HEAD), $rounds rounds, $(date -u +%F)"
timed tools/bazel test //... >/dev/null # fetch and build once, untimed
declare -A t
for r in $(seq "$rounds"); do
  rm -rf "$GOCACHE"
  g=$(timed gotest)
  tools/bazel clean >/dev/null 2>&1
  tools/bazel shutdown
  b=$(timed tools/bazel test //...)
  t[cold_go]+="$g " t[cold_bazel]+="$b "
  echo "round $r cold: go $g s, bazel $b s"
  printf '\n// benchEdit%d is a one-line edit for the benchmark.\nfunc benchEdit%d() int { return %d }\n' "$r" "$r" "$r" >>libs/names/names.go
  g=$(timed gotest)
  b=$(timed tools/bazel test //...)
  t[leaf_go]+="$g " t[leaf_bazel]+="$b "
  echo "round $r leaf: go $g s, bazel $b s"
done
for step in cold leaf; do
  # shellcheck disable=SC2086 # word-split the recorded times
  g=$(median ${t[${step}_go]}) b=$(median ${t[${step}_bazel]})
  echo "$step: go $g s, bazel $b s, $(awk -v b="$b" -v g="$g" 'BEGIN { printf "%.2f", b / g }')x (medians of $rounds)"
done
