// Command bazeltest is a stand-in Bazel for the wrapper's test: an executable
// (not a script, which tools/bazel skips) that answers --version with
// "bazel $FAKE_BAZEL_VERSION" and otherwise prints "fake-bazel ARGS...".
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println("bazel " + os.Getenv("FAKE_BAZEL_VERSION"))
		return
	}
	fmt.Println("fake-bazel " + strings.Join(os.Args[1:], " "))
}
