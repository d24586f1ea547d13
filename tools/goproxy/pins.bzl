"""Pinned build-tool modules fetched through the Go proxy: data only, read by tools/goproxy/repositories.bzl and //tools/goproxy/patches."""

# Each entry: module path, version and the go.sum "h1:" hash of the module zip.
# To move one: `go mod download -json MODULE@NEW` prints "Sum"; update both here
# and re-run `bazel test //...`; rules_go and Gazelle first need their patches
# refreshed (tools/goproxy/patches/README.md). Why these versions: see README.md,
# "Pinned versions".
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
        version = "v0.0.1-go1.26.11.linux-amd64",
        sum = "h1:KyINmJ/FQdKRmDYGuTAAXkumyeR2DyUlSNHZj7XaLFg=",
    ),
    "go_sdk_linux_arm64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.11.linux-arm64",
        sum = "h1:GFS9FmglLJxMwOSuun3qb8tBjpr8ibzOkt8tBrRLrnk=",
    ),
    "go_sdk_darwin_amd64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.11.darwin-amd64",
        sum = "h1:ydidkBD90rrbnDbAJQcL+jVHdCj0S3OMfLntC/we3fw=",
    ),
    "go_sdk_darwin_arm64": struct(
        module = "golang.org/toolchain",
        version = "v0.0.1-go1.26.11.darwin-arm64",
        sum = "h1:cGxzEKi4mhhQFd6Cz/2NSL4Y9nfIBCirzU1yn2rnOY8=",
    ),
    # The Go vulnerability database (its data/osv entries), read by `bazel run //:vulncheck`.
    # Newer data: `bazel run //tools/vulncheck:update_db` moves this pin (tools/vulncheck/README.md).
    "go_vulndb": struct(
        module = "golang.org/x/vulndb",
        version = "v0.0.0-20261105234957-e22db6528018",
        sum = "h1:mfngRv0Yoh0VApsXKEN82CjD99kl7mtparN3bs3JnqI=",
    ),
}
