// Command pushcheck is the test that go_image adds for image_push: it runs the
// push launcher as `bazel run :image_push` does, against an in-process
// registry (go-containerregistry's pkg/registry), and checks that the
// launcher prints REPOSITORY@DIGEST for the index that was built and that the
// registry serves that index, by digest and under the default tag, with the
// SBOM referring to it.
//
//	pushcheck LAUNCHER INDEX_LAYOUT TAG SBOM
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: pushcheck LAUNCHER INDEX_LAYOUT TAG SBOM")
		os.Exit(2)
	}
	ref, err := check(os.Args[1], os.Args[2], os.Args[3], os.Args[4])
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("ok: %s pushed %s, served by digest and as :%s, with its SBOM\n", os.Args[1], ref, os.Args[3])
}
