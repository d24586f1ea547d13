// Command manifestcheck is the test k8s_manifest (tools/deploy) adds to each
// manifest: every container runs the image by the digest image_push pushes,
// as the image's non-root user, hardened (no privilege escalation, read-only
// root, no capabilities, RuntimeDefault seccomp), with /healthz and /readyz
// probes (or gRPC health checks) and CPU/memory requests and a memory limit.
//
//	manifestcheck MANIFEST DIGEST_FILE UID
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: manifestcheck MANIFEST DIGEST_FILE UID")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %s:\n%v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("ok: %s: image by digest, non-root and hardened, probes, resources\n", os.Args[1])
}

func run(manifestPath, digestPath, uidArg string) error {
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		return err
	}
	digest, err := os.ReadFile(digestPath)
	if err != nil {
		return err
	}
	uid, err := strconv.ParseInt(uidArg, 10, 64)
	if err != nil {
		return fmt.Errorf("UID %q: %w", uidArg, err)
	}
	return check(manifest, policy{
		Digest: strings.TrimSpace(string(digest)), UID: uid, Liveness: "/healthz", Readiness: "/readyz",
	})
}
