// Command bazeltest is a stand-in Bazel for the wrapper's test: an executable
// (not a script, which tools/bazel skips) that answers --version with
// "bazel $FAKE_BAZEL_VERSION" and otherwise prints "fake-bazel ARGS...".
// With FAKE_BAZEL_RUN set, `run` then runs that command line (split on
// spaces) in the environment it was given, as `bazel run` runs a tool.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println("bazel " + os.Getenv("FAKE_BAZEL_VERSION"))
		return
	}
	fmt.Println("fake-bazel " + strings.Join(os.Args[1:], " "))
	if tool := strings.Fields(os.Getenv("FAKE_BAZEL_RUN")); len(tool) > 0 && slices.Contains(os.Args[1:], "run") {
		cmd := exec.Command(tool[0], tool[1:]...)
		cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "FAKE_BAZEL_RUN=") })
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "fake-bazel run:", err)
			os.Exit(1)
		}
	}
}
