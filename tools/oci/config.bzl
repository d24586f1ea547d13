"""Image data, apart from the rules: the user images run as, the platforms they target, the files of the base layer, where images are pushed."""

# distroless's "nonroot" user and group.
NONROOT_UID = 65532
NONROOT_GID = 65532

# OCI platform -> rules_go platform that go_image builds its binary for (platform_binary).
PLATFORMS = {
    "linux/amd64": "@io_bazel_rules_go//go/toolchain:linux_amd64",
    "linux/arm64": "@io_bazel_rules_go//go/toolchain:linux_arm64",
}

# Time zones for Go's time.LoadLocation: the SDK's zoneinfo.zip, found through $ZONEINFO.
TZDATA = struct(
    label = "@go_sdk//:lib/time/zoneinfo.zip",
    path = "/usr/share/zoneinfo.zip",
)

# CA roots for Go's crypto/x509, which reads this file on Linux: the Mozilla
# NSS roots of golang.org/x/crypto/x509roots/fallback, pinned in go.mod.
CA_CERTS = "/etc/ssl/certs/ca-certificates.crt"

# Default registry of `bazel run //apps/APP:image_push`; --repository overrides it.
# Set it to your team's registry (e.g. ghcr.io/ORG); credentials come from `docker login`.
REGISTRY = "localhost:5000"

# OCI labels of every go_image; go_image's labels argument adds more.
LABELS = {
    "org.opencontainers.image.source": "https://example.com/monorepo",
    "org.opencontainers.image.revision": "unstamped",
    "org.opencontainers.image.version": "dev",
}

# Tags image_push sets by default.
TAGS = ["dev"]

# Under --config=release (--stamp) these replace the above; each {KEY} is a key
# that tools/release/status.sh writes to Bazel's stable-status.txt.
STAMPED_LABELS = {
    "org.opencontainers.image.revision": "{STABLE_GIT_COMMIT}",
    "org.opencontainers.image.version": "{STABLE_VERSION}",
}
STAMPED_TAGS = ["{STABLE_VERSION}"]
