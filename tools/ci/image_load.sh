#!/usr/bin/env bash
# Checks oci_load's tarball with a real reader (hand-written): Debian's skopeo
# reads it as a docker-archive, and the config inside is the OCI image's own
# (same config digest, so `docker load` gives the same image ID).
source "$(dirname "$0")/lib.sh"
cd "$root"
fail() { echo "image_load.sh: FAIL: $*" >&2; exit 1; }

need skopeo skopeo

tools/bazel build --noshow_progress --ui_event_filters=-info //apps/hello_world:image //apps/hello_world:image_load
bin=$(tools/bazel info bazel-bin 2>/dev/null)/apps/hello_world
tarball=$bin/image_load.tar

want=$(python3 -c '
import json, sys
d = sys.argv[1]
m = json.load(open(d + "/index.json"))["manifests"][0]["digest"].split(":")[1]
print(json.load(open(d + "/blobs/sha256/" + m))["config"]["digest"])' "$bin/image")
got=sha256:$(skopeo inspect --config --raw "docker-archive:$tarball" | sha256sum | cut -d' ' -f1)
[[ "$got" == "$want" ]] || fail "tarball config $got != OCI image config $want"
skopeo inspect "docker-archive:$tarball" | grep -q '"Architecture": "amd64"' || fail "tarball is not linux/amd64"
echo "ok   skopeo reads $(basename "$tarball") ($(stat -c %s "$tarball") bytes); config digest $got == OCI image's"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c 4096 "$tarball" >"$tmp/truncated.tar"
if skopeo inspect "docker-archive:$tmp/truncated.tar" >/dev/null 2>&1; then
  fail "skopeo accepted a truncated tarball: this check cannot fail"
fi
echo "ok   a truncated tarball is refused"
echo "image_load.sh: 2 passed, 0 failed"
