#!/usr/bin/env bash
# Bazel's workspace status command under --config=release. Bazel
# runs it at the workspace root; its STABLE_ keys stamp binaries (x_defs) and
# images (labels, image_push's tag). Without --config=release it never runs.
#   STABLE_GIT_COMMIT  the commit, "-dirty" if tracked files changed
#   STABLE_VERSION     $RELEASE_VERSION, else `git describe --tags` (a v* tag), else
#                      0.0.0-<short commit>; it must be a valid image tag
set -euo pipefail
die() {
  echo "tools/release/status.sh: $*" >&2
  exit 1
}

commit=$(git rev-parse HEAD 2>/dev/null) || die "not a git checkout with a commit; release builds stamp the commit"
dirty=""
git diff --quiet HEAD -- 2>/dev/null || dirty="-dirty"
version=${RELEASE_VERSION:-$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null || echo "0.0.0-${commit:0:12}$dirty")}
[[ $version =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] ||
  die "version '$version' is not a valid image tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}); set RELEASE_VERSION, e.g. v1.2.3"
echo "STABLE_GIT_COMMIT $commit$dirty"
echo "STABLE_VERSION $version"
