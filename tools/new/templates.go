package main

// templates holds, per kind, file name templates (relative to the new
// package's directory) and their contents, in text/template syntax with
// .Name, .Module and .Dir.
var templates = map[string]map[string]string{
	"lib": {
		"{{.Name}}.go": `// Package {{.Name}} is a shared library of the monorepo. Import it as
// {{.Module}}/{{.Dir}}/{{.Name}}; its Bazel label is //{{.Dir}}/{{.Name}}.
package {{.Name}}

import "fmt"

// Describe says what this library is; replace it with the library's API.
func Describe(subject string) (string, error) {
	if subject == "" {
		return "", fmt.Errorf("{{.Name}}: describe: subject is empty")
	}
	return subject + " is described by {{.Name}}", nil
}
`,
		"{{.Name}}_test.go": `package {{.Name}}

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDescribe(t *testing.T) {
	got, err := Describe("the moon")
	require.NoError(t, err)
	assert.Equal(t, "the moon is described by {{.Name}}", got)

	_, err = Describe("")
	assert.ErrorContains(t, err, "subject is empty")
}
`,
		"BUILD.bazel": `load("@io_bazel_rules_go//go:def.bzl", "go_library", "go_test")

go_library(
    name = "{{.Name}}",
    srcs = ["{{.Name}}.go"],
    importpath = "{{.Module}}/{{.Dir}}/{{.Name}}",
    visibility = ["//visibility:public"],
)

go_test(
    name = "{{.Name}}_test",
    srcs = ["{{.Name}}_test.go"],
    embed = [":{{.Name}}"],
    deps = [
        "@com_github_stretchr_testify//assert",
        "@com_github_stretchr_testify//require",
    ],
)
`,
	},
	"app": {
		"main.go": `// Command {{.Name}} greets, with the shared greeting library.
//
//	bazel run //{{.Dir}}/{{.Name}}                 # Hello, world!
//	bazel run //{{.Dir}}/{{.Name}} -- --name Ada   # Hello, Ada!
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"{{.Module}}/libs/greeting"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it parses args, writes to stdout and
// returns the exit code (0 ok, 1 failed, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("{{.Name}}", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", greeting.DefaultName, "who to greet")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	msg, err := greeting.Greet(*name)
	if err != nil {
		fmt.Fprintf(stderr, "{{.Name}}: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, msg)
	return 0
}
`,
		"main_test.go": `package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run([]string{"--name", "Ada"}, &stdout, &stderr), stderr.String())
	assert.Equal(t, "Hello, Ada!\n", stdout.String())

	stdout.Reset()
	assert.Equal(t, 1, run([]string{"--name", ""}, &stdout, &stderr))
	assert.Empty(t, stdout.String())
	assert.Equal(t, 2, run([]string{"--nope"}, &stdout, &stderr))
}
`,
		"BUILD.bazel": `load("@io_bazel_rules_go//go:def.bzl", "go_binary", "go_library", "go_test")
load("//tools/oci:go_image.bzl", "go_image")

package(default_visibility = ["//apps:__subpackages__"])

go_library(
    name = "{{.Name}}_lib",
    srcs = ["main.go"],
    importpath = "{{.Module}}/{{.Dir}}/{{.Name}}",
    visibility = ["//visibility:private"],
    deps = ["//libs/greeting"],
)

go_binary(
    name = "{{.Name}}",
    embed = [":{{.Name}}_lib"],
)

go_test(
    name = "{{.Name}}_test",
    srcs = ["main_test.go"],
    embed = [":{{.Name}}_lib"],
    deps = ["@com_github_stretchr_testify//assert"],
)

# Hand-written: the production images of this binary (tools/oci/go_image.bzl).
go_image(
    name = "image",
    binary = ":{{.Name}}",
)
`,
	},
}
