package depcheck

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The repository's own files, found the same way by `go test` (source tree)
// and `bazel test` (runfiles, from the go_test's data).
const (
	goModPath = "../../../go.mod"
	goSumPath = "../../../go.sum"
	depsPath  = "../go_deps.bzl"
)

func TestRepositoryIsInSync(t *testing.T) {
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		return data
	}
	problems, err := Check("go.mod", read(goModPath), read(goSumPath), "tools/goproxy/go_deps.bzl", read(depsPath))
	require.NoError(t, err)
	if len(problems) > 0 {
		t.Fatalf("Go dependencies are out of sync:\n  %s\n%s", strings.Join(texts(problems), "\n  "), Advice(problems))
	}
}

const (
	testMod = "module example.com/x\n\ngo 1.26\n\nrequire (\n\tgithub.com/a/b v1.2.0\n\tgithub.com/c/d v0.1.0 // indirect\n)\n"
	testSum = "github.com/a/b v1.2.0 h1:AAA=\ngithub.com/a/b v1.2.0/go.mod h1:BBB=\ngithub.com/c/d v0.1.0 h1:CCC=\ngithub.com/e/f v1.0.0/go.mod h1:EEE=\n"
)

func deps(repos ...string) []byte {
	return []byte("load(\"@bazel_gazelle//:deps.bzl\", \"go_repository\")\n\ndef go_dependencies():\n" + strings.Join(repos, ""))
}

func goRepo(name, path, version, sum string) string {
	return "    go_repository(\n        name = \"" + name + "\",\n        importpath = \"" + path + "\",\n        sum = \"" + sum + "\",\n        version = \"" + version + "\",\n    )\n"
}

func texts(problems []Problem) []string {
	var out []string
	for _, p := range problems {
		out = append(out, p.Text)
	}
	return out
}

func TestCheck(t *testing.T) {
	ab := goRepo("com_github_a_b", "github.com/a/b", "v1.2.0", "h1:AAA=")
	cd := goRepo("com_github_c_d", "github.com/c/d", "v0.1.0", "h1:CCC=")
	tests := []struct {
		name string
		deps []byte
		want []string
	}{
		{"in sync", deps(ab, cd), nil},
		{"a module of the graph that go.sum has no zip hash for is fine", deps(ab, cd, goRepo("com_github_e_f", "github.com/e/f", "v1.0.0", "h1:ZIP=")), nil},
		{"missing repository", deps(ab), []string{"go.mod requires github.com/c/d v0.1.0, but deps.bzl has no go_repository for it"}},
		{"old version", deps(ab, goRepo("com_github_c_d", "github.com/c/d", "v0.0.9", "h1:OLD=")), []string{
			"deps.bzl: go_repository com_github_c_d is github.com/c/d@v0.0.9, but go.sum lists other versions of it",
			"go.mod requires github.com/c/d v0.1.0, but go_repository com_github_c_d is at v0.0.9",
		}},
		{"edited sum", deps(ab, goRepo("com_github_c_d", "github.com/c/d", "v0.1.0", "h1:XXX=")), []string{
			"deps.bzl: go_repository com_github_c_d has sum h1:XXX=, go.sum says h1:CCC= for github.com/c/d@v0.1.0",
		}},
		{"a module go.sum does not mention (pruned graph) is fine", deps(ab, cd, goRepo("com_github_g_h", "github.com/g/h", "v1.0.0", "h1:GGG=")), nil},
		{"stale version of a graph module", deps(ab, cd, goRepo("com_github_e_f", "github.com/e/f", "v0.9.0", "h1:OLD=")), []string{
			"deps.bzl: go_repository com_github_e_f is github.com/e/f@v0.9.0, but go.sum lists other versions of it",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Check("go.mod", []byte(testMod), []byte(testSum), "deps.bzl", tc.deps)
			require.NoError(t, err)
			assert.Equal(t, tc.want, texts(got))
		})
	}
}

// A version that moved is fixed by update-repos; a hash that moved, for the
// same version, is not: the advice says so and how to find the true hash.
func TestAdvice(t *testing.T) {
	ab := goRepo("com_github_a_b", "github.com/a/b", "v1.2.0", "h1:AAA=")
	moved, err := Check("go.mod", []byte(testMod), []byte(testSum), "deps.bzl", deps(ab, goRepo("com_github_c_d", "github.com/c/d", "v0.1.0", "h1:XXX=")))
	require.NoError(t, err)
	advice := Advice(moved)
	assert.Contains(t, advice, "The same module version has two hashes (github.com/c/d@v0.1.0)")
	assert.Contains(t, advice, "Do not run gazelle-update-repos first")
	assert.Contains(t, advice, "go mod download github.com/c/d@v0.1.0")

	stale, err := Check("go.mod", []byte(testMod), []byte(testSum), "deps.bzl", deps(ab))
	require.NoError(t, err)
	assert.Equal(t, "Fix with: "+FixCommand, Advice(stale))
}

func TestCheckRejectsMalformedInput(t *testing.T) {
	ok := deps(goRepo("com_github_a_b", "github.com/a/b", "v1.2.0", "h1:AAA="))
	_, err := Check("go.mod", []byte("module"), []byte(testSum), "deps.bzl", ok)
	assert.ErrorContains(t, err, "parse go.mod")
	_, err = Check("go.mod", []byte(testMod), []byte("github.com/a/b v1.2.0\n"), "deps.bzl", ok)
	assert.ErrorContains(t, err, "go.sum line 1: want MODULE VERSION h1:HASH")
	_, err = Check("go.mod", []byte(testMod), []byte(testSum), "deps.bzl", []byte("def go_dependencies(:\n"))
	assert.ErrorContains(t, err, "parse deps.bzl")
	_, err = Check("go.mod", []byte(testMod), []byte(testSum), "deps.bzl", deps("    go_repository(name = \"x\", importpath = \"github.com/a/b\")\n"))
	assert.ErrorContains(t, err, "go_repository x: want importpath, version and sum")
}
