// Command imagecheck is the test that go_image adds to every image: the
// image's entrypoint is byte-identical to the app binary, static, for the
// image's architecture, run as the non-root user, with no shell, and with the
// CA roots and time zones Go reads.
//
//	imagecheck LAYOUT_DIR BINARY UID:GID
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: imagecheck LAYOUT_DIR BINARY UID:GID")
		os.Exit(2)
	}
	binary, err := os.ReadFile(os.Args[2])
	if err == nil {
		err = check(os.Args[1], binary, os.Args[3])
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: image %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("ok: %s runs %s (byte-identical, static) as %s, no shell, CA roots and time zones present\n", os.Args[1], os.Args[2], os.Args[3])
}
