#!/usr/bin/env bash
# Loads {{TAG}} into the local container engine (oci_load's launcher, from
# tools/oci/private/load.sh.tpl).
set -euo pipefail
tarball="{{TARBALL}}"
[[ -e "$tarball" ]] || cd "$0.runfiles/{{WORKSPACE}}" # run directly, not by `bazel run`
for engine in ${OCI_ENGINE:-} docker podman; do
  if command -v "$engine" >/dev/null; then
    exec "$engine" load --input "$tarball"
  fi
done
echo "oci_load: no docker or podman on PATH (set OCI_ENGINE); the tarball is $PWD/$tarball" >&2
exit 1
