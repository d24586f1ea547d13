#!/usr/bin/env bash
# Proves images are reproducible: builds hello_world's images in
# this workspace and again from a copy of the tree at another path, in a brand
# new output base, and requires identical manifest and index digests, and the
# same SBOM bytes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
fresh_copy elsewhere/repo
# The second build must really build: no remote cache (the copy's user.bazelrc only names its output base).
unset BAZEL_REMOTE_CACHE

targets=(//apps/hello_world:image.digest //apps/hello_world:image_linux_arm64.digest //apps/hello_world:image_index.digest //apps/hello_world:image_sbom)
digests() { # digests WORKSPACE [STARTUP_FLAG]
  (cd "$1" && tools/bazel ${2:+"$2"} build --noshow_progress --ui_event_filters=-info "${targets[@]}" >&2 &&
    bin=$(tools/bazel ${2:+"$2"} info bazel-bin 2>/dev/null) &&
    for t in image image_linux_arm64 image_index; do echo "$t $(cat "$bin/apps/hello_world/$t.digest")"; done &&
    echo "image_sbom.spdx.json sha256:$(sha256sum <"$bin/apps/hello_world/image_sbom.spdx.json" | cut -d' ' -f1)")
}

indent() { sed 's/^/    /'; }
SECONDS=0
a=$(digests "$root")
t_a=$SECONDS
b=$(digests "$copy" --output_base="$ob")
t_b=$((SECONDS - t_a))
echo "this workspace (${t_a}s):"
indent <<<"$a"
echo "fresh output base, other path (${t_b}s):"
indent <<<"$b"
[[ "$a" == "$b" ]] || fail "digests differ between the two builds"

# Size of the amd64 image as pushed: manifest, config and compressed layers.
layout=$(cd "$root" && tools/bazel info bazel-bin 2>/dev/null)/apps/hello_world/image
size=$(find -L "$layout/blobs" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "ok   3 digests and the SBOM identical; hello_world linux/amd64 image: $size bytes (manifest + config + layers)"
echo "image_repro.sh: 1 passed, 0 failed"
