"""Pinned build-tool modules fetched through the Go proxy: data only, read by //:WORKSPACE and tools/goproxy/deps.bzl."""

# Each entry: module path, version and the go.sum "h1:" hash of the module zip.
# To move one: `go mod download -json MODULE@NEW` prints "Sum"; update both here
# and re-run `bazel test //...`. Why these versions: see README.md, "Pinned versions".
MODULES = {
    # rules_go: v0.57.0 is the newest that Bazel 4.2.3 can parse (v0.58 uses `dict | dict`).
    "io_bazel_rules_go": struct(
        module = "github.com/bazelbuild/rules_go",
        version = "v0.57.0",
        sum = "h1:qBFxjy29iJg22xWlu5A3mNwrXtCHiEnHcIt91SsiFGU=",
    ),
    # Gazelle: v0.47.0 is the newest whose module zip is complete (v0.48 needs a nested /v2 module).
    "bazel_gazelle": struct(
        module = "github.com/bazelbuild/bazel-gazelle",
        version = "v0.47.0",
        sum = "h1:g3Rr1ZbkC1Pk20aOgBITxSD/efS1WbaSty5jC786Z3Q=",
    ),
    # The Go SDK, as the toolchain module that `go` itself downloads for GOTOOLCHAIN:
    # one per host; WORKSPACE's go_wrap_sdk fetches only the host's. Same Go in all four
    # (pins_test); tools/ci/sdk_pins.sh downloads each and compares its hash.
    "go_sdk_linux_amd64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.8.linux-amd64",
        sum = "h1:ZOmGe1OnfREDMIdb1Qi4G9JSuDPBLGExZMQ4nis1RXM=",
    ),
    "go_sdk_linux_arm64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.8.linux-arm64",
        sum = "h1:sYL/O6MqS68ML0kjsQ36WoYIpJqkw60TxizWUYUKQMc=",
    ),
    "go_sdk_darwin_amd64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.8.darwin-amd64",
        sum = "h1:7/9KPPN8PckcA9s91hm2jmQMhzW4KyTJXHIs45L0C9M=",
    ),
    "go_sdk_darwin_arm64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.8.darwin-arm64",
        sum = "h1:dFjGhY6f8DTsY8/rLchUTDRRfjJP4pCrGCwxvHFT2Fg=",
    ),
}
