package main

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Set by the go_test's args to $(rootpath ...).
var (
	gazelleFlag = flag.String("gazelle", "", "our Gazelle, relative to the runfiles root")
	appFlag     = flag.String("app", "", "the golden app, built (testdata/BUILD.bazel), relative to the runfiles root")
)

// top is the repository root, the same way for `go test` (source tree) and
// `bazel test` (runfiles, from the go_test's data): only its Gazelle inputs
// (WORKSPACE, BUILD.bazel, tools/goproxy/go_deps.bzl) are read, never apps/
// or libs/, so no edit of an app or a lib can fail these tests.
const top = "../.."

// golden holds what the scaffolder writes for each of goldenCases: the files
// at their paths in the repository, each BUILD.bazel as BUILD.out (so that it
// is no Bazel package; testdata/BUILD.bazel builds and tests the Go files).
const golden = "testdata/golden"

var goldenCases = [][2]string{{"app", "pay_api"}, {"lib", "money"}, {"proto", "orders"}}

// updating is UPDATE_SNAPSHOTS=true (as for //tools/gazelle:golden_test):
// the golden tests write what they get instead of comparing.
//
//	UPDATE_SNAPSHOTS=true bazel run //tools/new:new_test
func updating() bool { return os.Getenv("UPDATE_SNAPSHOTS") == "true" }

// checkGolden compares got with the golden file at p (relative to golden),
// or, when updating, writes it into the source tree.
func checkGolden(t *testing.T, p, got string) {
	t.Helper()
	if updating() {
		dir := "."
		if ws := os.Getenv("BUILD_WORKSPACE_DIRECTORY"); ws != "" {
			dir = filepath.Join(ws, "tools/new")
		}
		dst := filepath.Join(dir, golden, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		require.NoError(t, os.WriteFile(dst, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(filepath.Join(golden, p))
	require.NoError(t, err, "no golden for %s: UPDATE_SNAPSHOTS=true bazel run //tools/new:new_test", p)
	assert.Equal(t, string(want), got, "%s differs from tools/new/%s/%s; if the change is meant, refresh the goldens with UPDATE_SNAPSHOTS=true bazel run //tools/new:new_test and review the diff", p, golden, p)
}

// runfile is the path of a $(rootpath) of the go_test's data, under `bazel
// test` (TEST_SRCDIR) and `bazel run` (the runfiles directory).
func runfile(t *testing.T, rootpath string) string {
	t.Helper()
	if os.Getenv("TEST_SRCDIR") == "" && os.Getenv("RUNFILES_DIR") == "" {
		t.Skip("needs Bazel's runfiles: bazel test //tools/new:new_test")
	}
	require.NotEmpty(t, rootpath, "the go_test passes it as $(rootpath ...)")
	return filepath.Join(top, rootpath)
}

func read(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(data)
}

// repo makes an empty repository root: a WORKSPACE file and go.mod.
func repo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "WORKSPACE"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.org/x\n"), 0o644))
	return root
}

// mod is the repository's module path (go.mod), as the scaffolder reads it.
func mod(t *testing.T) string {
	t.Helper()
	m, err := ModulePath(top)
	require.NoError(t, err)
	return m
}

// fakeGazelle writes a script that records its arguments in root/gazelle.args.
func fakeGazelle(t *testing.T, exit int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "gazelle")
	script := "#!/bin/sh\necho \"$@\" >gazelle.args\nexit " + strconv.Itoa(exit) + "\n"
	require.NoError(t, os.WriteFile(p, []byte(script), 0o755))
	return p
}

func keys(m map[string]string) []string {
	var k []string
	for p := range m {
		k = append(k, p)
	}
	sort.Strings(k)
	return k
}

func TestPlan(t *testing.T) {
	lib, err := Plan("lib", "money", mod(t))
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/money/money.go", "libs/money/money_test.go"}, keys(lib))
	assert.Contains(t, lib["libs/money/money.go"], "// Package money is a shared library of the monorepo.")
	assert.Contains(t, lib["libs/money/money_test.go"], `"github.com/stretchr/testify/assert"`)

	app, err := Plan("app", "pay_api", mod(t))
	require.NoError(t, err)
	assert.Equal(t, []string{"apps/pay_api/main.go", "apps/pay_api/main_test.go"}, keys(app))
	assert.Contains(t, app["apps/pay_api/main.go"], `flag.NewFlagSet("pay_api", flag.ContinueOnError)`)

	proto, err := Plan("proto", "orders", mod(t))
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/orderspb/orders.proto"}, keys(proto))
	assert.Contains(t, proto["libs/orderspb/orders.proto"], "package orders.v1;")
	assert.Contains(t, proto["libs/orderspb/orders.proto"], `option go_package = "example.com/monorepo/libs/orderspb";`)
	assert.Contains(t, proto["libs/orderspb/orders.proto"], "service Orders {")

	_, err = Plan("proto", "Orders", mod(t))
	assert.ErrorContains(t, err, `proto name "Orders": want lower-case letters and digits, starting with a letter (it becomes libs/Orderspb)`)
}

// The rendered files, byte for byte. testdata/BUILD.bazel builds and tests
// the golden Go files and compiles the golden .proto, so this test and those
// targets together build and test what the scaffolder renders.
func TestRenderMatchesGolden(t *testing.T) {
	for _, kn := range goldenCases {
		files, err := Plan(kn[0], kn[1], mod(t))
		require.NoError(t, err)
		for _, p := range keys(files) {
			checkGolden(t, p, files[p])
		}
	}
}

// The whole scaffolder with our real Gazelle in a scratch tree that has only
// the repository's Gazelle inputs: the BUILD file it writes for a new app
// (visibility, images) and a new lib.
func TestScaffoldMatchesGolden(t *testing.T) {
	gazelle := runfile(t, *gazelleFlag)
	for _, kn := range goldenCases[:2] {
		root := t.TempDir()
		for _, p := range []string{"WORKSPACE", "BUILD.bazel", "go.mod", "tools/goproxy/go_deps.bzl"} {
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(root, p), []byte(read(t, filepath.Join(top, p))), 0o644))
		}
		var stdout, stderr bytes.Buffer
		require.Equal(t, 0, run([]string{"-gazelle", gazelle, kn[0], kn[1]}, root, &stdout, &stderr), stderr.String())
		dir := PackageDir(kn[0], kn[1])
		checkGolden(t, dir+"/BUILD.out", read(t, filepath.Join(root, dir, "BUILD.bazel")))
	}
}

// The golden app, built by Bazel, runs: its greeting and its exit codes.
func TestRenderedAppRuns(t *testing.T) {
	app := runfile(t, *appFlag)
	out, err := exec.Command(app, "--name", "Ada").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Equal(t, "pay_api: hello, Ada\n", string(out))

	err = exec.Command(app, "stray").Run()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 2, exit.ExitCode())
}

func TestRenderedFilesAreGofmted(t *testing.T) {
	for _, kn := range [][2]string{{"lib", "money"}, {"app", "pay_api"}, {"app", "x"}} {
		files, err := Plan(kn[0], kn[1], mod(t))
		require.NoError(t, err)
		for p, content := range files {
			formatted, err := format.Source([]byte(content))
			require.NoError(t, err, p)
			assert.Equal(t, string(formatted), content, "%s is not gofmt'ed", p)
		}
	}
}

func TestPlanRefusesBadInput(t *testing.T) {
	tests := []struct{ kind, name, want string }{
		{"service", "x", `unknown kind "service": want lib, app, proto or module`},
		{"lib", "Money", "want lower-case letters and digits"},
		{"lib", "my_lib", "want lower-case letters and digits"},
		{"app", "../etc", "it becomes apps/../etc"},
		{"app", "a/b", "want lower-case letters, digits and _"},
		{"lib", "", "want lower-case letters"},
		{"lib", strings.Repeat("a", 31), "want lower-case letters"},
		{"lib", "func", "reserved by Go"},
		{"app", "internal", "reserved by Go"},
		{"app", "image", "the name of its image targets"},
	}
	for _, tc := range tests {
		_, err := Plan(tc.kind, tc.name, mod(t))
		require.Error(t, err, "%s %q", tc.kind, tc.name)
		assert.ErrorIs(t, err, ErrUsage)
		assert.Contains(t, err.Error(), tc.want)
	}
}

func TestRunWritesGoFilesThenRunsGazelle(t *testing.T) {
	root := repo(t)
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-gazelle", fakeGazelle(t, 0), "app", "pay_api"}, root, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "created apps/pay_api/main.go")
	assert.Contains(t, stdout.String(), "created apps/pay_api/BUILD.bazel (Gazelle)")
	assert.Contains(t, stdout.String(), "next: bazel test //apps/pay_api/... && bazel run //apps/pay_api")
	assert.Equal(t, "update -repo_root "+root+" apps/pay_api\n", read(t, filepath.Join(root, "gazelle.args")))
	assert.Contains(t, read(t, filepath.Join(root, "apps/pay_api/main.go")), "package main")

	// The same name again: refused, and the existing files are untouched.
	require.NoError(t, os.WriteFile(filepath.Join(root, "apps/pay_api/main.go"), []byte("mine"), 0o644))
	stderr.Reset()
	assert.Equal(t, 1, run([]string{"-gazelle", fakeGazelle(t, 0), "app", "pay_api"}, root, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "apps/pay_api exists already")
	assert.Equal(t, "mine", read(t, filepath.Join(root, "apps/pay_api/main.go")))
}

func TestRunReportsGazelleFailure(t *testing.T) {
	root := repo(t)
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"-gazelle", fakeGazelle(t, 1), "lib", "money"}, root, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "the Go files are written, but not libs/money/BUILD.bazel")
	assert.Contains(t, stderr.String(), "then run `bazel run //:gazelle`")
	assert.FileExists(t, filepath.Join(root, "libs/money/money.go"), "the Go files are kept")
}

func TestRunWritesNothingOnBadInput(t *testing.T) {
	root := repo(t)
	gazelle := fakeGazelle(t, 0)
	for _, args := range [][]string{{"lib", "Bad"}, {"app", "../x"}, {"lib"}, {"widget", "x"}, {"-nope", "lib", "x"}} {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run(append([]string{"-gazelle", gazelle}, args...), root, &stdout, &stderr), "%v", args)
		assert.NotEmpty(t, stderr.String())
	}
	var stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"lib", "money"}, root, &bytes.Buffer{}, &stderr))
	assert.Contains(t, stderr.String(), "no -gazelle flag")
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "only the WORKSPACE file and go.mod")

	// Not the repository root: refused before writing.
	notRepo := t.TempDir()
	stderr.Reset()
	assert.Equal(t, 1, run([]string{"-gazelle", gazelle, "lib", "money"}, notRepo, &bytes.Buffer{}, &stderr))
	assert.Contains(t, stderr.String(), "is not the repository root")
	entries, err = os.ReadDir(notRepo)
	require.NoError(t, err)
	assert.Empty(t, entries)

	assert.Equal(t, 2, run([]string{"-gazelle", gazelle, "lib", "money"}, "", &bytes.Buffer{}, &stderr))
	assert.Contains(t, stderr.String(), "BUILD_WORKSPACE_DIRECTORY is not set")
}
