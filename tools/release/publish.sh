#!/usr/bin/env bash
# What a push to main ships (`.ci/run main` runs it).
#
# The release plan (without RELEASE_VERSION): each app's image index is built
# as a plain `bazel build` builds it on any machine (unstamped, so its digest
# depends on the sources alone) and compared with the digest the registry
# holds under $IMAGE_REGISTRY/APP:$PUBLISH_TAG (default: main) by
# tools/release/plan, which prints a table and writes the plan as JSON to
# $RELEASE_PLAN (default: a temp file; CI keeps it, the deploy step's input).
# Only the apps whose digest differs are pushed, tagged $PUBLISH_TAG and
# printed as REPO@DIGEST, the reference a deploy pins.
#
# A versioned release (RELEASE_VERSION=v1.2.3): every app's index built under
# --config=release (stamped with the version and commit), pushed and tagged
# with the version.
#
# Registry credentials come from the docker config ($DOCKER_CONFIG, e.g.
# written by the CI job's login step), never from the repo. With
# IMAGE_SIGNING_KEY (a CI secret: a cosign key, its password in
# COSIGN_PASSWORD) each push is signed and its SBOM attested; a deploy checks
# with image_verify (tools/oci/README.md). Without IMAGE_REGISTRY it builds the
# images and says that nothing was pushed. tools/ci/image_push.sh and
# tools/ci/release_plan.sh run it against a real registry.
#   IMAGE_REGISTRY=HOST[:PORT][/PATH] tools/release/publish.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
q=(--noshow_progress --ui_event_filters=-info)
say() { echo "publish.sh: $*"; }
die() {
  echo "publish.sh: $*" >&2
  exit 1
}

mapfile -t pushes < <(tools/bazel query "${q[@]}" 'kind("oci_push", //apps/...)' 2>/dev/null)
((${#pushes[@]})) || die "no image_push target under //apps"
registry=${IMAGE_REGISTRY%/}

# app LABEL: the app an //apps/APP:NAME target belongs to.
app() {
  local a=${1#//apps/}
  echo "${a%%:*}"
}

# push LABEL TAG...: runs an image_push to $registry/APP with these tags.
push() {
  local t=$1 tags=() tag
  shift
  for tag in "$@"; do tags+=(--tag "$tag"); done
  tools/bazel run "${q[@]}" "${release[@]}" "$t" -- --repository "$registry/$(app "$t")" "${tags[@]}" ||
    die "pushing $t to $registry/$(app "$t") failed (see above)"
}

if [[ -n ${RELEASE_VERSION:-} ]]; then
  release=(--config=release)
  tools/bazel build "${q[@]}" "${release[@]}" "${pushes[@]}"
  [[ -n $registry ]] || {
    say "IMAGE_REGISTRY is not set: built ${#pushes[@]} release images (${pushes[*]}), pushed nothing"
    exit 0
  }
  for t in "${pushes[@]}"; do push "$t"; done
  exit 0
fi

release=()
tag=${PUBLISH_TAG:-main}
indexes=("${pushes[@]/%_push/_index}")
tools/bazel build "${q[@]}" "${pushes[@]}"
[[ -n $registry ]] || {
  say "IMAGE_REGISTRY is not set: built ${#pushes[@]} images (${indexes[*]}), pushed nothing"
  exit 0
}
bin=$(tools/bazel info "${q[@]}" bazel-bin 2>/dev/null)
args=()
for i in "${indexes[@]}"; do
  pkg=${i#//}
  args+=("$(app "$i")=$bin/${pkg%%:*}/${i##*:}.digest")
done
plan=${RELEASE_PLAN:-$(mktemp -d)/release-plan.json}
out=$(tools/bazel run "${q[@]}" //tools/release/plan -- --registry "$registry" --tag "$tag" --out "$plan" "${args[@]}") ||
  die "the release plan failed (see above)"
echo "$out"
say "the plan: $plan"
read -r -a changed <<<"${out##*push:}"
((${#changed[@]})) || {
  say "no app changed: pushed nothing"
  exit 0
}
for t in "${pushes[@]}"; do
  [[ " ${changed[*]} " == *" $(app "$t") "* ]] && push "$t" "$tag"
done
say "pushed ${#changed[@]} of ${#pushes[@]} apps: ${changed[*]}"
