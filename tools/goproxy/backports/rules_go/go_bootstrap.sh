#!/usr/bin/env bash
# The GoBootstrap action (hand-written; tools/goproxy/backports/rules_go.sh copies
# it into rules_go beside go_bootstrap.bzl, whose rule runs it, and says why): the
# standard library first, then rules_go's builder and cmd/pack, in one Go build cache.
#
# Usage: go_bootstrap.sh GO SDK_ROOT SRCS GOOS_GOARCH OUT_PKG OUT_BUILDER OUT_PACK LDFLAGS BUILDER_SRC...
#   GO           the SDK's bin/go
#   SDK_ROOT     the SDK's root (src/, pkg/tool/, pkg/include/)
#   SRCS         a file listing the SDK's sources to build from, one per line,
#                relative to SDK_ROOT (src/...): the declared inputs only, so
#                the result is the same in and out of a sandbox
#   GOOS_GOARCH  the SDK's host platform, e.g. linux_amd64
#   OUT_PKG      the tree written: GOOS_GOARCH/*.a (pure: CGO_ENABLED=0) and include/
#   OUT_BUILDER  rules_go's builder, linked with LDFLAGS
#   OUT_PACK     cmd/pack (source-only since Go 1.25)
set -euo pipefail

go=$PWD/$1 sdk=$PWD/$2 srcs=$PWD/$3 platform=$4 out_pkg=$PWD/$5 out_builder=$PWD/$6 out_pack=$PWD/$7 ldflags=$8
shift 8
builder_srcs=("${@/#/$PWD/}")

# A GOROOT of our own: `go install` writes pkg/GOOS_GOARCH into it
# (installgoroot=all). src is copied, not linked: go:embed refuses the
# sandbox's symlinks ("cannot embed irregular file"). tar -h copies through them.
work=$(mktemp -d "${TMPDIR:-/tmp}/go_bootstrap.XXXXXX")
trap 'chmod -R u+w "$work" && rm -rf "$work"' EXIT
goroot=$work/goroot
mkdir -p "$goroot/pkg"
tar -C "$sdk" -chf - -T "$srcs" | tar -C "$goroot" -xf -
ln -s "$sdk/pkg/tool" "$goroot/pkg/tool"
ln -s "$sdk/pkg/include" "$goroot/pkg/include"

# The builder's own environment for GoStdlib in pure mode; -trimpath makes the
# archives independent of where this runs, with no -toolexec filter, so the
# Go build cache stays usable for the two builds after it.
export GOROOT=$goroot GOCACHE=$work/cache GOPATH=$work/gopath HOME=$work
export GOOS=${platform%_*} GOARCH=${platform#*_} CGO_ENABLED=0
export GO111MODULE=off GOTOOLCHAIN=local GOTELEMETRY=off GOENV=off GOFLAGS='' GOEXPERIMENT=''
GODEBUG=installgoroot=all "$go" install -trimpath std

mkdir -p "$out_pkg"
cp -R "$goroot/pkg/$platform" "$out_pkg/$platform"
cp -RL "$goroot/pkg/include" "$out_pkg/include"

"$go" build -trimpath -ldflags="-buildid= $ldflags" -o "$out_builder" "${builder_srcs[@]}"
"$go" build -trimpath -ldflags="-buildid=" -o "$out_pack" cmd/pack || {
  echo "go_bootstrap: cmd/pack did not build; if a package is missing above, add its directory to pack_srcs (src/cmd's BUILD file, written by tools/goproxy/repositories.bzl)" >&2
  exit 1
}
