#!/usr/bin/env bash
# bazel run //tools/vulncheck:update_db [-- VERSION]: moves the go_vulndb pin in
# tools/goproxy/pins.bzl to golang.org/x/vulndb@VERSION (default: latest),
# with the hash the Go command verified. The next build fetches it and checks
# that hash (a mismatch stops the fetch, naming both hashes).
set -euo pipefail

go=$(realpath "$1")
shift
version=${1:-latest}
cd "${BUILD_WORKSPACE_DIRECTORY:?run it with bazel run //tools/vulncheck:update_db}"
pins=tools/goproxy/pins.bzl

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && GOTOOLCHAIN=local GO111MODULE=on GOFLAGS=-modcacherw "$go" mod download -json "golang.org/x/vulndb@$version") >"$tmp/info.json" 2>&1; then
  echo "update_db: go mod download golang.org/x/vulndb@$version failed; the pin is unchanged:" >&2
  cat "$tmp/info.json" >&2
  exit 1
fi
field() { sed -n "s/^\t\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" "$tmp/info.json"; }
new=$(field Version)
sum=$(field Sum)
old=$(sed -n '/"go_vulndb": struct(/,/)/s/.*version = "\(.*\)",/\1/p' "$pins")
if [[ -z $new || -z $sum || -z $old ]]; then
  echo "update_db: could not read the version and hash ($tmp/info.json) or the go_vulndb entry in $pins" >&2
  exit 1
fi
# The version and sum lines of the go_vulndb entry only (sums are base64: no "|").
sed '/"go_vulndb": struct(/,/)/{
s|version = "[^"]*"|version = "'"$new"'"|
s|sum = "[^"]*"|sum = "'"$sum"'"|
}' "$pins" >"$tmp/pins"
cat "$tmp/pins" >"$pins"
if ! grep -q "version = \"$new\"" "$pins"; then
  echo "update_db: the go_vulndb entry in $pins is not in the expected shape; edit it by hand: version = \"$new\", sum = \"$sum\"" >&2
  exit 1
fi
if [[ $old == "$new" ]]; then
  echo "update_db: golang.org/x/vulndb stays at $new ($sum)"
else
  echo "update_db: golang.org/x/vulndb $old -> $new ($sum) in $pins; now: bazel run //:vulncheck"
fi
