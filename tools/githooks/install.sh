#!/usr/bin/env bash
# Installs tools/githooks/pre-commit as this clone's git pre-commit hook
# bazel run //tools/githooks:install [-- --force]. It refuses
# to replace a different hook unless told to.
set -euo pipefail
hook=$(realpath "$1")
force=${2:-}
cd "${BUILD_WORKSPACE_DIRECTORY:?run it with bazel run //tools/githooks:install}"
dest=$(git rev-parse --git-path hooks)/pre-commit
if [[ -e $dest ]] && ! cmp -s "$hook" "$dest" && [[ $force != --force ]]; then
  echo "install: $dest exists and is not ours; keep it, or replace it: bazel run //tools/githooks:install -- --force" >&2
  exit 1
fi
mkdir -p "$(dirname "$dest")"
install -m 0755 "$hook" "$dest"
echo "installed $dest: commits now format staged Go/Starlark files and refuse stale BUILD files (skip once: git commit --no-verify)"
