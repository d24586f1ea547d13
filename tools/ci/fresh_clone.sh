#!/usr/bin/env bash
# A developer's first hour in a fresh clone, in a copy of the
# tree with its own output base (scratch_copy; this checkout is never written to):
#  1. Gazelle owns every BUILD file below apps/ and libs/: delete them all,
#     `bazel run //:gazelle`, and git status is clean again;
#  2. write apps/NEW/main.go by hand, one `bazel run //:gazelle`: a BUILD file
#     with no public target and go_image; a second run changes nothing; its
#     SBOM lists the third-party module it uses at go.mod's version;
#  3. `bazel run //tools/new -- app|lib|proto NAME` (Go files, then our
#     Gazelle), and an app written by hand that serves and calls the new API
#     through its generated gRPC client;
#  4. the new packages' tests and image tests and the repo's gates pass, the
#     apps run, plain `go build ./...` and `go test` of the new packages pass,
#     and nothing under apps/ is public;
#  5. the pre-commit hook (bazel run //tools/githooks:install) refuses a commit
#     with an unformatted file or a stale BUILD file, and lets the fixed one in;
#  6. watch mode (bazel run //tools/watch -- run //apps/hello_server) restarts
#     the server gracefully after an edit of libs/greeting, and stopping it
#     leaves no process behind.
source "$(dirname "$0")/lib.sh"
unset BAZEL_REMOTE_CACHE # the copy builds for real
scratch_copy
bazel() { tools/bazel "$@"; } # the copy's user.bazelrc names $ob
q=(--noshow_progress --ui_event_filters=-info)
gazelle() { bazel run "${q[@]}" //:gazelle -- "$@" >"$tmp/gazelle.out" 2>&1 || {
  cat "$tmp/gazelle.out" >&2
  return 1
}; }

mapfile -t builds < <(find apps libs -mindepth 2 -name BUILD.bazel | sort)
((${#builds[@]} > 0)) || fail "no BUILD files below apps/ and libs/"
rm "${builds[@]}"
SECONDS=0
gazelle || fail "bazel run //:gazelle failed"
changes=$(git status --porcelain)
[[ -z $changes ]] || {
  git diff >&2
  fail "Gazelle did not regenerate the BUILD files byte for byte: $changes"
}
ok "deleted ${#builds[@]} BUILD files below apps/ and libs/; bazel run //:gazelle wrote them back byte for byte (${SECONDS}s)"

app=apps/zz_by_hand
mkdir -p "$app"
cat >"$app/main.go" <<'EOF'
// Command zz_by_hand is written by hand, with no BUILD file, and uses a
// third-party module from go.mod.
package main

import (
	"fmt"
	"strconv"

	"example.com/monorepo/libs/greeting"
	"go.yaml.in/yaml/v3"
)

func main() {
	msg, err := greeting.Greet("by hand")
	if err != nil {
		panic(err)
	}
	var doc struct{ Greeting string }
	if err := yaml.Unmarshal([]byte("greeting: "+strconv.Quote(msg)), &doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.Greeting)
}
EOF
gazelle || fail "bazel run //:gazelle failed on the new app"
build=$app/BUILD.bazel
[[ -f $build ]] || fail "one Gazelle run wrote no $build"
grep -q 'package(default_visibility = \["//apps:__subpackages__"\])' "$build" || {
  cat "$build" >&2
  fail "$build is not private to apps/"
}
! grep -q '//visibility:public' "$build" || {
  cat "$build" >&2
  fail "$build has a public target"
}
grep -q 'go_image(' "$build" || {
  cat "$build" >&2
  fail "$build has no go_image"
}
ok "one Gazelle run on a hand-written $app/main.go: private to apps/, no public target, go_image"
gazelle -mode=diff || fail "a second Gazelle run would change BUILD files"
ok "a second Gazelle run changes nothing"

# Its SBOM lists the third-party module it links, at go.mod's version, and not
# a module go.mod requires that it does not link.
bazel build "${q[@]}" "//$app:image_sbom" >"$tmp/sbom.out" 2>&1 || {
  cat "$tmp/sbom.out" >&2
  fail "bazel build //$app:image_sbom failed"
}
yaml=$(awk '$1 == "go.yaml.in/yaml/v3" { print $2 }' go.mod)
listed=$(python3 -c 'import json, sys; print(" ".join(sorted(p["name"] + "@" + p.get("versionInfo", "") for p in json.load(open(sys.argv[1]))["packages"])))' \
  "$(bazel info bazel-bin 2>/dev/null)/$app/image_sbom.spdx.json")
[[ " $listed " == *" go.yaml.in/yaml/v3@$yaml "* && " $listed " == *" stdlib@go"* && " $listed " != *"stretchr/testify"* ]] ||
  fail "$app's SBOM lists: $listed (want go.yaml.in/yaml/v3@$yaml and stdlib, not testify)"
ok "$app:image_sbom lists go.yaml.in/yaml/v3@$yaml (go.mod's), not testify: $listed"

scaffolded=zz_scaffold_app lib=zzscaffoldlib api=zzscaffoldapi
for args in "app $scaffolded" "lib $lib" "proto $api"; do
  # shellcheck disable=SC2086 # $args is "KIND NAME"
  bazel run "${q[@]}" //tools/new -- $args >"$tmp/new.out" 2>&1 || {
    cat "$tmp/new.out" >&2
    fail "new $args failed"
  }
  grep -q '^created .*/BUILD.bazel (Gazelle)$' "$tmp/new.out" || {
    cat "$tmp/new.out" >&2
    fail "new $args wrote no BUILD file"
  }
done
before=$(git status --porcelain)
got=0
bazel run "${q[@]}" //tools/new -- app "$scaffolded" >"$tmp/bad.out" 2>&1 || got=$?
if [[ $got != 1 ]] || ! grep -q "exists already" "$tmp/bad.out"; then
  cat "$tmp/bad.out" >&2
  fail "new app $scaffolded again: exit $got, want 1 and 'exists already'"
fi
[[ $(git status --porcelain) == "$before" ]] || fail "a refused run changed the tree"
ok "bazel run //tools/new -- app $scaffolded / lib $lib / proto $api: Go files (for the proto, generated), Gazelle's BUILD files; the same app again is refused, nothing written"

# A typed API in use: an app serves the new proto's service and calls it through
# the generated client, over a loopback listener.
client=apps/zz_api_client svc=${api^}
mkdir -p "$client"
cat >"$client/main.go" <<EOF
// Command zz_api_client serves the $api API on a loopback port and calls it
// through its generated gRPC client.
package main

import (
	"context"
	"fmt"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "example.com/monorepo/libs/${api}pb"
)

type server struct {
	pb.Unimplemented${svc}Server
}

func (server) Get(_ context.Context, req *pb.GetRequest) (*pb.GetResponse, error) {
	return &pb.GetResponse{Id: req.GetId()}, nil
}

// get serves the API on a loopback port and asks it for id.
func get(ctx context.Context, id string) (string, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("listen: %w", err)
	}
	s := grpc.NewServer()
	pb.Register${svc}Server(s, server{})
	go func() { _ = s.Serve(lis) }()
	defer s.Stop()
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return "", fmt.Errorf("dial: %w", err)
	}
	defer conn.Close()
	resp, err := pb.New${svc}Client(conn).Get(ctx, &pb.GetRequest{Id: id})
	if err != nil {
		return "", fmt.Errorf("get %s: %w", id, err)
	}
	return resp.GetId(), nil
}

func main() {
	id, err := get(context.Background(), "42")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("got", id)
}
EOF
cat >"$client/main_test.go" <<'EOF'
package main

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestGetAnswersThroughTheGeneratedClient(t *testing.T) {
	id, err := get(context.Background(), "7")
	require.NoError(t, err)
	require.Equal(t, "7", id)
}
EOF
gazelle || fail "bazel run //:gazelle failed on $client"
grep -q "//libs/${api}pb" "$client/BUILD.bazel" || {
  cat "$client/BUILD.bazel" >&2
  fail "$client/BUILD.bazel does not depend on //libs/${api}pb"
}
ok "$client, written by hand, uses //libs/${api}pb's generated client: one Gazelle run wrote its BUILD file"

bazel test "${q[@]}" "//$app/..." "//apps/$scaffolded/..." "//$client/..." "//libs/$lib/..." "//libs/${api}pb/..." //:gazelle_test //:generate_test //:buildifier_test //:gofmt_test >"$tmp/test.out" 2>&1 ||
  {
    cat "$tmp/test.out" >&2
    fail "the new packages' tests or the gates fail"
  }
for a in "$app:Hello, by hand!" "apps/$scaffolded:$scaffolded: hello, world" "$client:got 42"; do
  out=$(bazel run "${q[@]}" "//${a%%:*}" 2>/dev/null)
  [[ $out == "${a#*:}" ]] || fail "bazel run //${a%%:*} printed '$out'"
done
ok "their tests and image tests, and the gates, pass ($(grep -o 'Executed .*' "$tmp/test.out")); the apps run"
# Plain go sees the same code: the generated files are checked in beside the .proto.
{ go build ./... && go test "./$client/..." "./libs/${api}pb/..."; } >"$tmp/go.out" 2>&1 || {
  cat "$tmp/go.out" >&2
  fail "without Bazel, go build ./... or go test of the new packages failed"
}
ok "without Bazel: go build ./... and go test ./$client/... ./libs/${api}pb/... pass"

# Visibility is what keeps libs off apps, so nothing under apps/ may be public;
# the query finds a public target when there is one.
public_apps() { bazel query "${q[@]}" 'attr(visibility, "//visibility:public", //apps/...)' 2>"$tmp/qerr" || {
  cat "$tmp/qerr" >&2
  fail "bazel query failed"
}; }
found=$(public_apps)
[[ -z $found ]] || fail "public targets under apps/, so libs could depend on them: $found"
cp "$build" "$tmp/build"
sed -i 's|^    name = "zz_by_hand",$|&\n    visibility = ["//visibility:public"],|' "$build"
found=$(public_apps)
cp "$tmp/build" "$build"
[[ $found == "//$app:zz_by_hand" ]] || fail "the query did not find a public probe: '$found'"
ok "nothing under apps/ is public (the same query finds a public probe)"

bazel run "${q[@]}" //tools/githooks:install >"$tmp/hook.out" 2>&1 || {
  cat "$tmp/hook.out" >&2
  fail "githooks:install failed"
}
git add -A
git commit -qm "new packages" || fail "the hook refused a clean commit"
mkdir -p libs/zzhook && printf 'package zzhook
func  F() {}
' >libs/zzhook/zzhook.go && git add libs/zzhook
commit() { git commit -qm "$1" >"$tmp/commit.out" 2>&1; }
if commit "unformatted, no BUILD file"; then fail "the hook let an unformatted package without a BUILD file in"; fi
if ! grep -q "formatted libs/zzhook/zzhook.go" "$tmp/commit.out" || ! grep -q "BUILD files are stale" "$tmp/commit.out"; then
  cat "$tmp/commit.out" >&2
  fail "the hook did not say what to fix"
fi
gazelle
git add -A
commit "fixed" || {
  cat "$tmp/commit.out" >&2
  fail "the hook refused the fixed commit"
}
ok "pre-commit hook: refused an unformatted package without a BUILD file (it gofmt'ed the file, named Gazelle), let the fixed commit in"
port=$(free_port)
setsid tools/bazel run "${q[@]}" //tools/watch -- run //apps/hello_server -- -addr "127.0.0.1:$port" >"$tmp/watch.log" 2>&1 &
on_exit "pkill -TERM -f 'ibazel_/ibazel .*$copy/tools/watch/bazel.sh' || true"
hello() { curl -s --max-time 2 "http://127.0.0.1:$port/hello?name=Ada" 2>/dev/null || true; }
SECONDS=0
until [[ $(hello) == "Hello, Ada!" ]]; do
  ((SECONDS < 300)) || {
    cat "$tmp/watch.log" >&2
    fail "watch mode: hello_server did not answer within 300 s"
  }
  sleep 1
done
started=$SECONDS
sed -i 's/return "Hello, " + normalized/return "Howdy, " + normalized/' libs/greeting/greeting.go
SECONDS=0 down=""
# The restart's gap: from the first refused request to the new server's answer.
while r=$(hello) && [[ $r != "Howdy, Ada!" ]]; do
  ((SECONDS < 60)) || {
    cat "$tmp/watch.log" >&2
    fail "watch mode: no new response within 60 s of editing libs/greeting"
  }
  [[ -n $r || -n $down ]] || down=$EPOCHREALTIME
  sleep 0.05
done
edited=$SECONDS
gap=$(awk -v a="${down:-$EPOCHREALTIME}" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
grep -q '"msg":"stopped"' "$tmp/watch.log" || {
  cat "$tmp/watch.log" >&2
  fail "watch mode: the old server did not shut down gracefully"
}
# Quiet: after ibazel starts, no INFO line of Bazel's and no error about Bazel 6's repo mapping.
noise=$(sed -n '/iBazel/,$p' "$tmp/watch.log" | grep -E 'INFO: |repo mapping|repository mapping' || true)
[[ -z $noise ]] || {
  cat "$tmp/watch.log" >&2
  fail "watch mode is noisy: $noise"
}
pkill -TERM -f "ibazel_/ibazel .*$copy/tools/watch/bazel.sh" || fail "watch mode: no ibazel process to stop"
sleep 3
left=$(pgrep -af "ibazel_/ibazel .*$copy|$ob/.*hello_server_/hello_server" || true)
[[ -z $left ]] || fail "watch mode: processes left after SIGTERM: $left"
ok "watch mode: hello_server up in ${started}s; edit of libs/greeting -> 'Howdy, Ada!' in ${edited}s, ${gap}s of it with nothing listening (old server stopped gracefully); no INFO lines or repo-mapping errors; SIGTERM leaves no process"
echo "fresh_clone.sh: $passed passed, 0 failed"
