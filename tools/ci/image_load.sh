#!/usr/bin/env bash
# Checks oci_load's tarball with real readers: Debian's skopeo
# reads it as a docker-archive, and the config inside is the OCI image's own
# (same config digest, so `docker load` gives the same image ID); Debian's
# podman loads it (`bazel run //apps/hello_world:image_load`, OCI_ENGINE=podman)
# with that image ID and runs it.
source "$(dirname "$0")/lib.sh"
cd "$root"

need skopeo skopeo
need podman podman
need runc runc # podman brings crun, which refuses these machines' cgroups

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

# podman with throw-away storage; vfs and cgroupfs work in these machines'
# containers, and the ulimits stay under the machine's hard limits.
cat >"$tmp/podman" <<SH
#!/bin/sh
exec podman --root "$tmp/podman-root" --runroot "$tmp/podman-run" --storage-driver vfs --cgroup-manager cgroupfs "\$@"
SH
chmod +x "$tmp/podman"
podman() { "$tmp/podman" "$@"; }
OCI_ENGINE=$tmp/podman tools/bazel run --noshow_progress --ui_event_filters=-info //apps/hello_world:image_load >"$tmp/load.out" 2>&1 ||
  {
    cat "$tmp/load.out" >&2
    fail "bazel run //apps/hello_world:image_load with podman failed"
  }
grep -q "Loaded image: localhost/hello_world:dev" "$tmp/load.out" || {
  cat "$tmp/load.out" >&2
  fail "podman did not load hello_world:dev"
}
id=sha256:$(podman image inspect --format '{{.Id}}' localhost/hello_world:dev)
[[ $id == "$want" ]] || fail "podman's image ID $id != OCI config digest $want"
echo "ok   bazel run //apps/hello_world:image_load: podman loaded localhost/hello_world:dev, image ID $id"
out=$(podman run --rm --runtime runc --network none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 \
  localhost/hello_world:dev --name podman 2>&1) || fail "podman run failed: $out"
[[ $out == "Hello, podman!" ]] || fail "podman run printed '$out'"
user=$(podman image inspect --format '{{.Config.User}}' localhost/hello_world:dev)
[[ $user == 65532:65532 ]] || fail "podman sees user '$user'"
echo "ok   podman run (runc) prints '$out'; user $user"
head -c 4096 "$tarball" >"$tmp/truncated.tar"
if skopeo inspect "docker-archive:$tmp/truncated.tar" >/dev/null 2>&1; then
  fail "skopeo accepted a truncated tarball: this check cannot fail"
fi
echo "ok   a truncated tarball is refused"
echo "image_load.sh: 4 passed, 0 failed"
