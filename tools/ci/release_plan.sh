#!/usr/bin/env bash
# Proves the release plan of `.ci/run main` (tools/release/publish.sh)
# against a real registry (Debian's docker-registry), in a scratch copy: the
# first run pushes every app; a second run pushes nothing and says so; after
# an edit of libs/httpserver only hello_server, the one app that imports it,
# is pushed, and its :main tag then holds the digest the plan names.
source "$(dirname "$0")/lib.sh"
need skopeo skopeo
scratch_copy
start_registry release
registry=127.0.0.1:$port
mapfile -t apps < <(tools/bazel query --noshow_progress 'kind("oci_push", //apps/...)' 2>/dev/null | sed 's|^//apps/||; s|:.*||')
((${#apps[@]} > 1)) || fail "want at least two apps with images, found ${#apps[@]}"

# publish N: runs publish.sh; its output in $tmp/publish-N.out, the plan in $tmp/plan-N.json.
publish() {
  IMAGE_REGISTRY=$registry RELEASE_PLAN=$tmp/plan-$1.json tools/release/publish.sh >"$tmp/publish-$1.out" 2>&1 || {
    cat "$tmp/publish-$1.out" >&2
    fail "publish.sh run $1 failed"
  }
}
# changed N: the apps plan N marks changed.
changed() { grep -B4 '"changed": true' "$tmp/plan-$1.json" | sed -n 's/.*"app": "\(.*\)",/\1/p' | tr '\n' ' '; }

publish 1
grep -q "pushed ${#apps[@]} of ${#apps[@]} apps" "$tmp/publish-1.out" || {
  cat "$tmp/publish-1.out" >&2
  fail "the first run did not push all ${#apps[@]} apps"
}
ok "an empty registry: every app pushed (${apps[*]}); the plan marks $(changed 1)changed"

publish 2
grep -q "no app changed: pushed nothing" "$tmp/publish-2.out" || {
  cat "$tmp/publish-2.out" >&2
  fail "the second run, nothing changed, did not say it pushed nothing"
}
[[ -z $(changed 2) ]] || fail "the second run's plan marks $(changed 2)changed"
ok "again, nothing changed: pushed nothing, and said so"

sed -i 's/Text(w, http.StatusOK, "ok")/Text(w, http.StatusOK, "ok!")/' libs/httpserver/httpserver.go
grep -q '"ok!"' libs/httpserver/httpserver.go || fail "libs/httpserver/httpserver.go has no /healthz answer to edit"
publish 3
[[ $(changed 3) == "hello_server " ]] || {
  cat "$tmp/publish-3.out" >&2
  fail "after an edit of libs/httpserver the plan marks '$(changed 3)' changed, want hello_server alone"
}
grep -q "pushed 1 of ${#apps[@]} apps: hello_server" "$tmp/publish-3.out" || fail "publish.sh did not push hello_server alone"
want=$(grep -A3 '"app": "hello_server"' "$tmp/plan-3.json" | sed -n 's/.*"digest": "\(.*\)",/\1/p')
got=sha256:$(skopeo inspect --raw --tls-verify=false "docker://$registry/hello_server:main" | sha256sum | cut -d' ' -f1)
[[ $got == "$want" ]] || fail "hello_server:main holds $got, the plan says $want"
ok "an edit of libs/httpserver: hello_server alone pushed; its :main tag holds the planned $want"
sed -n '/^APP/,/^push:/p' "$tmp/publish-3.out"
echo "$(basename "$0"): $passed passed"
