# shellcheck shell=bash
# Helpers for the CI scripts (sourced, not run).
#
# No script writes into this checkout: what adds or edits packages works in a
# copy of the tracked files (with uncommitted edits), so a killed run leaves
# `git status` clean here.
# fresh_copy SUBDIR: copies the tree to $copy ($tmp/SUBDIR) for a build in its
# own output base $ob, which the copy's user.bazelrc names, so that every Bazel
# command in the copy (a git hook's, ibazel's) uses it. Each extra output base
# gets its own copy: one in the same workspace would walk into the other's
# bazel-* symlinks under //... . On exit the servers stop and $tmp is removed.
# scratch_copy: cd into a git repository copied from the tree (one commit,
# "base") for throw-away packages. Under .ci/run ($CI_SCRATCH set) the scripts
# share one, with one output base that stays warm, reset to "base" on exit;
# run alone, a script gets a fresh_copy of its own.
#
# on_exit CMD: runs CMD (a string, eval'ed) when the script exits, before the
# copies are removed.
# commit_tree DIR: DIR a git repository on main, its files one commit "base".
# need CMD PKG: installs Debian's PKG when CMD is missing, as CI has to on a
# fresh machine (root only; otherwise it says what to install).
# free_port: prints a TCP port on 127.0.0.1 that nothing listens on.
# median N...: prints the median of the numbers (the mean of the middle two for
# an even count), for the benchmarks in tools/bench.
# need_runc: installs what unpack_image and runc need (skopeo, umoci, runc).
# unpack_image LAYOUT DIR: makes DIR an OCI runtime bundle of the image in the
# OCI layout LAYOUT (skopeo copy, umoci unpack); DIR/config.orig.json is the
# untouched config for tools/ci/bundle.py to rewrite into DIR/config.json.
# start_registry NAME [AUTH_YAML]: runs Debian's docker-registry on a free port
# of 127.0.0.1 (data in $tmp/NAME), stopped on exit; sets $port.
# go_tool NAME: builds a Go command the checks need but the repository does not
# (too heavy for go.mod), pinned in tools/ci/go_tools.txt, after checking its
# module's zip against the pinned go.sum hash (its own go.sum pins its
# dependencies); prints the binary's path. The Go build cache makes a second
# build take seconds.
# fail MSG: prints "SCRIPT: FAIL: MSG" and exits 1; ok MSG: prints a passed
# check and counts it in $passed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
_exit_cmds=()
_copies=()
trap _cleanup EXIT

on_exit() { _exit_cmds+=("$1"); }

passed=0
fail() {
  echo "$(basename "$0"): FAIL: $*" >&2
  exit 1
}
ok() {
  echo "ok   $*"
  passed=$((passed + 1))
}

# _copy_tree DIR OB: the tree's git files (with uncommitted edits) into DIR,
# whose user.bazelrc names the output base OB.
_copy_tree() {
  mkdir -p "$1"
  (cd "$root" && git ls-files -z | tar --null -T - -c) | tar -x -C "$1"
  echo "startup --output_base=$2" >"$1/user.bazelrc"
}

# fresh_copy DIR: the tree copied to $copy ($tmp/DIR), with its own output base
# $ob; both removed, the server stopped, on exit.
fresh_copy() {
  copy=$tmp/$1 ob=$tmp/ob-${#_copies[@]}
  _copies+=("$copy" "$ob")
  _copy_tree "$copy" "$ob"
}

scratch_copy() {
  if [[ -z ${CI_SCRATCH:-} ]]; then
    fresh_copy repo
  else
    copy=$CI_SCRATCH/repo ob=$CI_SCRATCH/ob
    [[ -d $copy ]] || _copy_tree "$copy" "$ob"
  fi
  if [[ ! -d $copy/.git ]]; then
    commit_tree "$copy"
    git -C "$copy" tag base
  fi
  on_exit _reset_scratch
  cd "$copy"
}

# commit_tree DIR: makes DIR a git repository on branch main whose one commit,
# "base", holds its files (not the ignored ones: user.bazelrc), committed as
# "ci" so that no global git identity is needed, now or for later commits.
# Its date is fixed: copies of one tree get the same commit, as a pull
# request's checkout holds main's commit.
commit_tree() {
  git -C "$1" init -q -b main
  git -C "$1" config user.name ci
  git -C "$1" config user.email ci@localhost
  git -C "$1" add -A
  GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' git -C "$1" commit -qm base
}

# Back to the "base" commit: tracked files, commits, untracked packages, hooks.
_reset_scratch() {
  git -C "$copy" reset -q --hard base
  git -C "$copy" clean -fdq
  rm -f "$copy/.git/hooks/pre-commit"
}

_cleanup() {
  local c i
  for c in "${_exit_cmds[@]}"; do eval "$c" || true; done
  for ((i = 0; i < ${#_copies[@]}; i += 2)); do
    (cd "${_copies[i]}" 2>/dev/null && "$root/tools/bazel" --output_base="${_copies[i + 1]}" shutdown >/dev/null 2>&1) || true
  done
  rm -rf "$tmp"
}

need() {
  command -v "$1" >/dev/null && return
  [[ $(id -u) -eq 0 ]] || {
    echo "$1 is missing: sudo apt-get install -y $2" >&2
    exit 1
  }
  if [[ -z ${_apt_updated:-} ]]; then
    apt-get update -qq
    _apt_updated=1
  fi
  echo "installing Debian's $2 for $1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >"$tmp/apt-$2.log" 2>&1 ||
    {
      cat "$tmp/apt-$2.log" >&2
      echo "apt-get install $2 failed" >&2
      exit 1
    }
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

go_tool() {
  local name module version sum pkg got
  read -r name module version sum pkg < <(grep -E "^$1 " "$root/tools/ci/go_tools.txt") ||
    fail "no go tool $1 in tools/ci/go_tools.txt"
  got=$(cd "$tmp" && GOFLAGS=-mod=mod go mod download -json "$module@$version" | sed -n 's/^\t"Sum": "\(.*\)",$/\1/p')
  [[ $got == "$sum" ]] || fail "$module@$version: the proxy serves ${got:-nothing}, tools/ci/go_tools.txt pins $sum"
  (cd "$tmp" && GOBIN=$tmp/bin GOFLAGS=-mod=mod go install "$pkg@$version") >"$tmp/go_tool.log" 2>&1 || {
    cat "$tmp/go_tool.log" >&2
    fail "go install $pkg@$version failed"
  }
  echo "$tmp/bin/${pkg##*/}"
}

start_registry() {
  need docker-registry docker-registry
  port=$(free_port)
  mkdir -p "$tmp/$1"
  cat >"$tmp/$1/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $tmp/$1/data}}
http: {addr: 127.0.0.1:$port}
${2:-}
YAML
  docker-registry serve "$tmp/$1/config.yml" >"$tmp/$1/log" 2>&1 &
  on_exit "kill $! 2>/dev/null"
  for _ in $(seq 50); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/v2/" && return
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/") == 401 ]] && return
    sleep 0.1
  done
  cat "$tmp/$1/log" >&2
  fail "registry $1 did not start on 127.0.0.1:$port"
}

need_runc() {
  [[ $(id -u) -eq 0 ]] || fail "runc needs root here (rootless runc needs cgroup delegation these machines lack)"
  need skopeo skopeo
  need umoci umoci
  need runc runc
  need python3 python3
}

unpack_image() {
  local name
  name=$(basename "$2")
  mkdir -p "$tmp/layouts"
  skopeo copy -q "oci:$1" "oci:$tmp/layouts/$name:latest"
  umoci unpack --image "$tmp/layouts/$name:latest" "$2" >/dev/null
  cp "$2/config.json" "$2/config.orig.json"
}
