#!/usr/bin/env bash
# Every Go SDK pin in tools/goproxy/pins.bzl is what the Go module proxy
# serves: each golang.org/toolchain module (linux and darwin,
# amd64 and arm64) downloaded once into an empty module cache, its go.sum hash
# compared with the pin. Catches a wrong pin for a host this machine cannot run.
source "$(dirname "$0")/lib.sh"
modules=$root/tools/goproxy/pins.bzl
mapfile -t pins < <(awk '/module = "golang.org\/toolchain"/ {m = 1; next} m && $1 == "version" {gsub(/[",]/, "", $3); v = $3} m && $1 == "sum" {gsub(/[",]/, "", $3); print v, $3; m = 0}' "$modules")
((${#pins[@]} == 4)) || fail "$modules: ${#pins[@]} golang.org/toolchain pins, want 4 (linux, darwin x amd64, arm64)"
for p in "${pins[@]}"; do
  version=${p% *} want=${p#* }
  SECONDS=0
  got=$(cd "$tmp" && GOMODCACHE=$tmp/modcache GOFLAGS=-mod=mod go mod download -json "golang.org/toolchain@$version" 2>&1 | sed -n 's/^\t"Sum": "\(.*\)",$/\1/p') || true
  [[ -n $got ]] || fail "go mod download golang.org/toolchain@$version gave no hash"
  [[ $got == "$want" ]] || fail "golang.org/toolchain@$version: the proxy serves $got, $modules pins $want"
  ok "golang.org/toolchain@$version: $got as pinned (${SECONDS}s)"
  chmod -R u+w "$tmp/modcache" && rm -rf "$tmp/modcache"
done
echo "sdk_pins.sh: $passed passed, 0 failed"
