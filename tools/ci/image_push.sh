#!/usr/bin/env bash
# Pushes hello_world's image index to a real registry and pulls it back
# Debian's docker-registry on 127.0.0.1, `bazel run
# //apps/hello_world:image_push`, and skopeo as an independent client. Digests
# must round-trip, the SBOM too (under the referrers fallback tag); a dead
# registry and refused credentials must fail clearly;
# credentials come from a docker config ($DOCKER_CONFIG), not from the repo.
source "$(dirname "$0")/lib.sh"
cd "$root"

need docker-registry docker-registry
need skopeo skopeo
need htpasswd apache2-utils

push() { tools/bazel run --noshow_progress --ui_event_filters=-info //apps/hello_world:image_push -- "$@"; }

tools/bazel build --noshow_progress --ui_event_filters=-info //apps/hello_world:image_index
layout=$(tools/bazel info bazel-bin 2>/dev/null)/apps/hello_world/image_index
want=$(cat "$layout.digest")

# 1. Push to an open registry, pull back with skopeo.
start_registry open
repo=127.0.0.1:$port/hello_world
push --repository "$repo" | tee "$tmp/push.out"
grep -qx "$repo@$want" "$tmp/push.out" || fail "push did not print $repo@$want"
got=sha256:$(skopeo inspect --raw --tls-verify=false "docker://$repo:dev" | sha256sum | cut -d' ' -f1)
[[ $got == "$want" ]] || fail "registry serves $repo:dev as $got, we built $want"
ok "pushed and pulled back $repo:dev: index $got"
for child in $(python3 -c 'import json, sys; [print(m["digest"]) for m in json.load(open(sys.argv[1]))["manifests"]]' \
  "$layout/blobs/sha256/${want#sha256:}"); do
  got=sha256:$(skopeo inspect --raw --tls-verify=false "docker://$repo@$child" | sha256sum | cut -d' ' -f1)
  [[ $got == "$child" ]] || fail "manifest $child came back as $got"
done
skopeo copy -q --all --preserve-digests --src-tls-verify=false "docker://$repo:dev" "oci:$tmp/pulled:dev"
[[ $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"])' "$tmp/pulled/index.json") == "$want" ]] ||
  fail "skopeo copy of $repo:dev does not have the index digest $want"
ok "both platform manifests and every blob round-trip (skopeo copy --all --preserve-digests verified them)"

# The SBOM, pushed as an OCI 1.1 artifact whose subject is the index. This
# registry (distribution 2.8) has no referrers API, so it is listed in the
# index under the fallback tag sha256-<hex>; read back with curl, byte for byte.
sbom=$(tools/bazel info bazel-bin 2>/dev/null)/apps/hello_world/image_sbom.spdx.json
art=$(sed -n "s|^sbom $repo@||p" "$tmp/push.out")
[[ -n $art ]] || fail "push printed no 'sbom $repo@DIGEST' line"
api="http://127.0.0.1:$port/v2/hello_world"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$api/referrers/$want") == 404 ]] || fail "this registry now has the referrers API: the fallback tag is not exercised"
curl -fsS -H 'Accept: application/vnd.oci.image.index.v1+json' "$api/manifests/sha256-${want#sha256:}" >"$tmp/fallback.json" ||
  fail "no fallback tag sha256-${want#sha256:} for the index"
python3 - "$tmp/fallback.json" "$art" <<'PY' || fail "the fallback index does not list the SBOM artifact: $(<"$tmp/fallback.json")"
import json, sys
m = json.load(open(sys.argv[1]))["manifests"]
sys.exit(0 if any(d["digest"] == sys.argv[2] and d.get("artifactType") == "application/spdx+json" for d in m) else 1)
PY
curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$api/manifests/$art" >"$tmp/art.json" || fail "cannot GET the SBOM artifact $art"
read -r subject layer < <(python3 -c 'import json, sys; m = json.load(open(sys.argv[1])); print(m["subject"]["digest"], m["layers"][0]["digest"])' "$tmp/art.json")
[[ $subject == "$want" ]] || fail "the SBOM artifact's subject is $subject, not the index $want"
curl -fsS "$api/blobs/$layer" -o "$tmp/sbom.json" || fail "cannot GET the SBOM blob $layer"
cmp -s "$tmp/sbom.json" "$sbom" || fail "the SBOM pulled back differs from $sbom"
ok "SBOM $art (subject $want) under fallback tag sha256-${want#sha256:}: $(wc -c <"$sbom") bytes, equal to image_sbom.spdx.json"

push --repository "$repo" --tag v0.0.1-ci >/dev/null
skopeo inspect --raw --tls-verify=false "docker://$repo:v0.0.1-ci" >/dev/null || fail "--tag v0.0.1-ci was not set"
ok "-- --tag overrides the default tag"

# Release: under --config=release the default tag is the stamped version.
RELEASE_VERSION=v0.0.2-ci tools/bazel run --noshow_progress --ui_event_filters=-info --config=release \
  //apps/hello_world:image_push -- --repository "$repo" >"$tmp/release.out" || fail "release push failed"
grep -qx "tagged $repo:v0.0.2-ci" "$tmp/release.out" || fail "release push did not tag v0.0.2-ci: $(<"$tmp/release.out")"
got=sha256:$(skopeo inspect --raw --tls-verify=false "docker://$repo:v0.0.2-ci" | sha256sum | cut -d' ' -f1)
[[ $got != "$want" ]] || fail "the release index has the unstamped digest $want"
ok "--config=release pushes $repo:v0.0.2-ci (index $got, stamped labels, so not $want)"

# 2. Nothing listening: a clear error and a non-zero exit, quickly.
dead=$(free_port)
if push --repository "127.0.0.1:$dead/hello_world" 2>"$tmp/dead.err"; then
  fail "push to a dead port succeeded"
fi
grep -q "registry 127.0.0.1:$dead is unreachable" "$tmp/dead.err" || {
  cat "$tmp/dead.err" >&2
  fail "no clear error for a dead registry"
}
ok "dead registry: $(grep -o 'registry 127.0.0.1:[0-9]* is unreachable[^?]*?' "$tmp/dead.err" | head -1)"

# 3. A registry that wants credentials: refused without, accepted with a docker config.
htpasswd -Bbc "$tmp/htpasswd" ci "ci-password-$$" 2>/dev/null
start_registry auth "auth: {htpasswd: {realm: ci, path: $tmp/htpasswd}}"
repo=127.0.0.1:$port/hello_world
mkdir -p "$tmp/docker-empty"
if DOCKER_CONFIG=$tmp/docker-empty push --repository "$repo" 2>"$tmp/auth.err"; then
  fail "push without credentials succeeded"
fi
grep -q "refused us (HTTP 401): log in with \`docker login 127.0.0.1:$port\`" "$tmp/auth.err" || {
  cat "$tmp/auth.err" >&2
  fail "no clear error for refused credentials"
}
ok "no credentials: refused with HTTP 401 and told to docker login"
mkdir -p "$tmp/docker"
printf '{"auths": {"127.0.0.1:%s": {"auth": "%s"}}}\n' "$port" "$(printf 'ci:ci-password-%s' $$ | base64 -w0)" >"$tmp/docker/config.json"
DOCKER_CONFIG=$tmp/docker push --repository "$repo" >/dev/null || fail "push with credentials from \$DOCKER_CONFIG failed"
got=sha256:$(skopeo inspect --raw --tls-verify=false --creds "ci:ci-password-$$" "docker://$repo:dev" | sha256sum | cut -d' ' -f1)
[[ $got == "$want" ]] || fail "authenticated registry serves $got, we built $want"
ok "credentials from \$DOCKER_CONFIG/config.json: pushed, digest round-trips"

# 4. What `.ci/run main` ships: tools/release/publish.sh pushes every app's release index by digest.
RELEASE_VERSION=v0.0.3-ci IMAGE_REGISTRY=127.0.0.1:$port DOCKER_CONFIG=$tmp/docker tools/release/publish.sh >"$tmp/publish.out" 2>&1 || {
  cat "$tmp/publish.out" >&2
  fail "tools/release/publish.sh failed"
}
mapfile -t refs < <(grep -o "^127.0.0.1:$port/[a-z_]*@sha256:[0-9a-f]*$" "$tmp/publish.out")
# One per app with images: every oci_push under //apps.
mapfile -t apps < <(tools/bazel query --noshow_progress 'kind("oci_push", //apps/...)' 2>/dev/null | sed 's|^//apps/||; s|:.*||')
((${#apps[@]} > 0 && ${#refs[@]} == ${#apps[@]})) || {
  cat "$tmp/publish.out" >&2
  fail "publish.sh printed ${#refs[@]} REPO@DIGEST lines, want ${#apps[@]} (${apps[*]})"
}
for ref in "${refs[@]}"; do
  got=sha256:$(skopeo inspect --raw --tls-verify=false --creds "ci:ci-password-$$" "docker://$ref" | sha256sum | cut -d' ' -f1)
  [[ $got == "${ref#*@}" ]] || fail "$ref comes back as $got"
  skopeo inspect --raw --tls-verify=false --creds "ci:ci-password-$$" "docker://${ref%@*}:v0.0.3-ci" >/dev/null || fail "${ref%@*}:v0.0.3-ci was not tagged"
done
ok "tools/release/publish.sh (.ci/run main): ${refs[*]#127.0.0.1:$port/}, each by digest and tagged v0.0.3-ci"
echo "image_push.sh: $passed passed, 0 failed"
