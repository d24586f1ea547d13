// Command new scaffolds a library or an app that builds, tests and (for an
// app) has an image from the first minute:
//
//	bazel run //tools/new -- lib NAME   # libs/NAME: package, doc comment, testify test
//	bazel run //tools/new -- app NAME   # apps/NAME: main.go, test, go_image targets
//
// The BUILD files it writes are what Gazelle would write (plus go_image for
// apps), so //:gazelle_test stays green. Bad names, existing packages and runs
// outside the repository are refused before anything is written.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Getenv("BUILD_WORKSPACE_DIRECTORY"), os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code (0 ok, 1 refused
// or failed, 2 bad usage).
func run(args []string, root string, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintln(stderr, "usage: bazel run //tools/new -- lib|app NAME")
		return 2
	}
	if root == "" {
		fmt.Fprintln(stderr, "new: BUILD_WORKSPACE_DIRECTORY is not set: run it with `bazel run //tools/new -- lib|app NAME`")
		return 2
	}
	files, err := Plan(args[0], args[1])
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		if errors.Is(err, ErrUsage) {
			return 2
		}
		return 1
	}
	written, err := Write(root, files)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return 1
	}
	for _, p := range written {
		fmt.Fprintln(stdout, "created", p)
	}
	dir := kinds[args[0]].dir + "/" + args[1]
	fmt.Fprintf(stdout, "next: bazel test //%s/...", dir)
	if args[0] == "app" {
		fmt.Fprintf(stdout, " && bazel run //%s", dir)
	}
	fmt.Fprintln(stdout)
	return 0
}
