package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommittedFileIsFresh regenerates buildfiles.bzl from the modules' files
// with the arguments BUILD.bazel gives (bazel test only).
func TestCommittedFileIsFresh(t *testing.T) {
	if *gazelleFlag == "" {
		t.Skip("needs the arguments bazel test passes: bazel test //tools/goproxy/buildfiles:buildfiles_test")
	}
	// The arguments are runfiles paths; go_test starts in the package's directory.
	t.Chdir(filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE")))
	require.NoError(t, run(*gazelleFlag, *repoConfigFlag, *depsFlag, *outFlag, true, modulesFlag))
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o755))
}

const (
	libA = `load("@io_bazel_rules_go//go:def.bzl", "go_library", "go_test")

go_library(
    name = "a",
    srcs = ["a.go"],
    importpath = "example.com/m/a",
    visibility = ["//:__subpackages__"],
    deps = ["//b"] + select({
        "@io_bazel_rules_go//go/platform:linux": ["//c:go_default_library"],
        "//conditions:default": [],
    }),
)

go_test(
    name = "a_test",
    srcs = ["a_test.go"],
    deps = ["//t"],
)
`
	libB = `load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "b",
    srcs = ["b.go"],
    importpath = "example.com/m/b",
    deps = ["@org_golang_x_mod//semver"],
)
`
	libC = `load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "c",
    srcs = ["c.go"],
    importpath = "example.com/m/c",
)
`
)

func TestClosureFollowsLibrariesNotTests(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "a/BUILD.bazel"), libA)
	write(t, filepath.Join(root, "b/BUILD.bazel"), libB)
	write(t, filepath.Join(root, "c/BUILD.bazel"), libC)
	write(t, filepath.Join(root, "t/BUILD.bazel"), libC)

	got, err := closure(root, []string{"a"})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"a", "b", "c"}, keys(got), "t is only a test's dependency; select branches count")
	a := string(got["a"])
	assert.NotContains(t, a, "go_test")
	assert.Contains(t, a, `load("@io_bazel_rules_go//go:def.bzl", "go_library")`)
	assert.Equal(t, libB, string(got["b"]), "a file without tests is kept as Gazelle wrote it")

	_, err = closure(root, []string{"a", "missing"})
	assert.ErrorContains(t, err, `package "missing" (from roots.bzl): Gazelle wrote no BUILD file`)
}

func TestClosureRootPattern(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "passes/x/BUILD.bazel"), libB)
	write(t, filepath.Join(root, "passes/y/BUILD.bazel"), libB)
	write(t, filepath.Join(root, "passes/y/cmd/y/BUILD.bazel"), libB)
	write(t, filepath.Join(root, "passes/z/README"), "not a package")

	got, err := closure(root, []string{"passes/*"})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"passes/x", "passes/y"}, keys(got), "one level: not passes/y/cmd/y, not a directory without a BUILD file")

	_, err = closure(root, []string{"none/*"})
	assert.ErrorContains(t, err, `root "none/*" (roots.bzl): no package below none`)
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestModuleFlag(t *testing.T) {
	var m moduleFlags
	require.NoError(t, m.Set("com_x:external/com_x__src/BUILD.bazel:a,b/c"))
	assert.Equal(t, moduleFlags{{name: "com_x", dir: "external/com_x__src", roots: []string{"a", "b/c"}}}, m)
	assert.Error(t, m.Set("com_x:external/com_x__src/BUILD.bazel"))
	assert.Error(t, m.Set(":marker:a"))
}

func TestRenderRefusesWhatATripleQuotedStringCannotHold(t *testing.T) {
	_, err := render([]generated{{name: "m", version: "v1.0.0", packages: map[string][]byte{"a": []byte(`x = "\n"`)}}})
	assert.ErrorContains(t, err, "package a: BUILD file has a backslash")
}

// A stand-in for Gazelle: writes libA, libB and libC where Gazelle would.
const fakeGazelle = `#!/bin/sh
for a; do root=$a; done
mkdir -p "$root/a" "$root/b" "$root/c"
cat "$FAKE/a" >"$root/a/BUILD.bazel"
cat "$FAKE/b" >"$root/b/BUILD.bazel"
cat "$FAKE/c" >"$root/c/BUILD.bazel"
`

func TestRunWritesThenChecks(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "fake")
	write(t, filepath.Join(fake, "a"), libA)
	write(t, filepath.Join(fake, "b"), libB)
	write(t, filepath.Join(fake, "c"), libC)
	t.Setenv("FAKE", fake)
	gazelle := filepath.Join(dir, "gazelle")
	write(t, gazelle, fakeGazelle)
	deps := filepath.Join(dir, "go_deps.bzl")
	write(t, deps, "def go_dependencies():\n    go_repository(\n        name = \"com_example_m\",\n        importpath = \"example.com/m\",\n        sum = \"h1:AAA=\",\n        version = \"v1.2.3\",\n    )\n")
	src := filepath.Join(dir, "src")
	write(t, filepath.Join(src, "a/a.go"), "package a\n")
	write(t, filepath.Join(src, "BUILD.bazel"), "# the source repository's own BUILD file: not copied\n")
	modules := []module{{name: "com_example_m", dir: src, roots: []string{"a"}}}
	out := filepath.Join(dir, "buildfiles.bzl")
	t.Setenv("BUILD_WORKSPACE_DIRECTORY", "")

	write(t, out, "BUILD_FILES = {}\n")
	err := run(gazelle, "WORKSPACE", deps, out, true, modules)
	assert.ErrorContains(t, err, "is stale")
	assert.ErrorContains(t, err, FixCommand)

	require.NoError(t, run(gazelle, "WORKSPACE", deps, out, false, modules))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(got), `"com_example_m": {`)
	assert.Contains(t, string(got), `"version": "v1.2.3",`)
	assert.Equal(t, 3, strings.Count(string(got), "go_library("), "a, b and c")
	require.NoError(t, run(gazelle, "WORKSPACE", deps, out, true, modules))

	err = run(gazelle, "WORKSPACE", deps, out, true, []module{{name: "com_example_other", dir: src, roots: []string{"a"}}})
	assert.ErrorContains(t, err, "no go_repository of that name")
}
