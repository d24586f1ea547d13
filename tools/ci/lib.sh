# Helpers for the CI scripts (hand-written; sourced, not run).
#
# fresh_copy: copies the tracked files of this work tree (with uncommitted
# edits) to $copy, under a new temp dir $tmp, for a build in its own output
# base $tmp/ob. Each extra output base gets its own copy: one in the same
# workspace would walk into the other's bazel-* symlinks under //... .
# On exit, the copy's Bazel server is shut down and $tmp removed.
#
# need CMD PKG: installs Debian's PKG when CMD is missing, as CI has to on a
# fresh machine (root only; otherwise it says what to install).
# free_port: prints a TCP port on 127.0.0.1 that nothing listens on.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

fresh_copy() { # fresh_copy [SUBDIR]: sets tmp, copy
  tmp=$(mktemp -d)
  copy=$tmp/${1:-repo}
  trap _fresh_copy_cleanup EXIT
  mkdir -p "$copy"
  (cd "$root" && git ls-files -z | tar --null -T - -c) | tar -x -C "$copy"
}

_fresh_copy_cleanup() {
  (cd "$copy" 2>/dev/null && "$root/tools/bazel" --output_base="$tmp/ob" shutdown >/dev/null 2>&1) || true
  rm -rf "$tmp"
}

need() {
  command -v "$1" >/dev/null && return
  [[ $(id -u) -eq 0 ]] || { echo "$1 is missing: sudo apt-get install -y $2" >&2; exit 1; }
  if [[ -z ${_apt_updated:-} ]]; then apt-get update -qq; _apt_updated=1; fi
  echo "installing Debian's $2 for $1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/tmp/apt-"$2".log 2>&1 ||
    { cat /tmp/apt-"$2".log >&2; echo "apt-get install $2 failed" >&2; exit 1; }
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
