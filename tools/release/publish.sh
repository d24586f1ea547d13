#!/usr/bin/env bash
# What a push to main ships (`.ci/run main` runs it): every app's
# image index built under --config=release (stamped with RELEASE_VERSION, or
# `git describe`), pushed to $IMAGE_REGISTRY/APP and printed as REPO@DIGEST,
# the reference a deploy pins. Registry credentials come from the docker config
# ($DOCKER_CONFIG, e.g. written by the CI job's login step), never from the repo.
# With IMAGE_SIGNING_KEY (a CI secret: a cosign key, its password in
# COSIGN_PASSWORD) each push is signed and its SBOM attested; a deploy checks
# with image_verify (tools/oci/README.md). Without IMAGE_REGISTRY it builds the
# release images and says that nothing was pushed. tools/ci/image_push.sh runs
# it against a real registry.
#   IMAGE_REGISTRY=HOST[:PORT][/PATH] tools/release/publish.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
q=(--noshow_progress --ui_event_filters=-info)

mapfile -t pushes < <(tools/bazel query "${q[@]}" 'kind("oci_push", //apps/...)' 2>/dev/null)
((${#pushes[@]})) || {
  echo "publish.sh: no image_push target under //apps" >&2
  exit 1
}
tools/bazel build "${q[@]}" --config=release "${pushes[@]}"
if [[ -z ${IMAGE_REGISTRY:-} ]]; then
  echo "publish.sh: IMAGE_REGISTRY is not set: built ${#pushes[@]} release images (${pushes[*]}), pushed nothing"
  exit 0
fi
for t in "${pushes[@]}"; do
  app=${t#//apps/}
  app=${app%%:*}
  tools/bazel run "${q[@]}" --config=release "$t" -- --repository "${IMAGE_REGISTRY%/}/$app" ||
    {
      echo "publish.sh: pushing $t to ${IMAGE_REGISTRY%/}/$app failed (see above)" >&2
      exit 1
    }
done
