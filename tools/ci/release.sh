#!/usr/bin/env bash
# Release stamping, end to end. --config=release stamps version
# and commit into hello_server (x_defs, from its //bazel:stamp lines) and into
# its image's labels; a plain build is never stamped, so its image digest is
# the same before and after a release build; a version that is not a valid
# tag fails the build clearly.
# (The stamped push tag is checked by image_push.sh against a real registry.)
source "$(dirname "$0")/lib.sh"
cd "$root"
need python3 python3
q=(--noshow_progress --ui_event_filters=-info)
targets=(//apps/hello_server //apps/hello_server:image)
bin=$(tools/bazel info bazel-bin 2>/dev/null)
server=$bin/apps/hello_server/hello_server_/hello_server

# labels LAYOUT: the image config's version and revision labels, "VERSION REVISION".
labels() {
  python3 - "$1" <<'PY'
import json, sys
root = sys.argv[1]
blob = lambda d: json.load(open("%s/blobs/sha256/%s" % (root, d.split(":")[1])))
manifest = blob(json.load(open(root + "/index.json"))["manifests"][0]["digest"])
l = blob(manifest["config"]["digest"])["config"]["Labels"]
print(l["org.opencontainers.image.version"], l["org.opencontainers.image.revision"])
PY
}
# build [FLAGS...]: sets $digest, $labels and $banner (the binary's -help line).
build() {
  tools/bazel build "${q[@]}" "$@" "${targets[@]}" >"$tmp/out" 2>&1 || return 1
  digest=$(cat "$bin/apps/hello_server/image.digest")
  labels=$(labels "$bin/apps/hello_server/image")
  banner=$("$server" -help 2>&1 | head -1)
}

build || {
  cat "$tmp/out" >&2
  fail "plain build failed"
}
plain=$digest
[[ $labels == "dev unstamped" ]] || fail "plain image labels are '$labels', want 'dev unstamped'"
[[ $banner == *"(dev, unstamped)"* ]] || fail "plain binary says '$banner'"
ok "plain build: image $plain, labels version/revision '$labels', binary '$banner'"

commit=$(git rev-parse HEAD)
RELEASE_VERSION=v0.0.0-ci build --config=release || {
  cat "$tmp/out" >&2
  fail "release build failed"
}
[[ $digest != "$plain" ]] || fail "the release image has the plain digest: not stamped"
[[ $labels == "v0.0.0-ci $commit"* ]] || fail "release image labels are '$labels', want 'v0.0.0-ci $commit'"
[[ $banner == *"(v0.0.0-ci, $commit"* ]] || fail "release binary says '$banner'"
ok "release build: image $digest, labels '$labels', binary '$banner'"

build || {
  cat "$tmp/out" >&2
  fail "plain build after the release build failed"
}
[[ $digest == "$plain" ]] || fail "plain digest changed after a release build: $plain -> $digest"
ok "plain build again: image $digest (unchanged), labels '$labels'"

if RELEASE_VERSION="1.0 final" build --config=release; then fail "a release with version '1.0 final' built"; fi
msg=$(grep -m1 -o "tools/release/status.sh: version .*" "$tmp/out" || true)
[[ -n $msg ]] || {
  cat "$tmp/out" >&2
  fail "no clear error for a bad version"
}
ok "bad version: the build fails: ${msg:0:120}"
echo "release.sh: $passed passed, 0 failed"
