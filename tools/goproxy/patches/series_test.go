package main

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bluekeyes/go-gitdiff/gitdiff"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Paths relative to this package, where both go test and bazel test run it.
var (
	seriesFile  = "patches.bzl"
	modulesFile = "../pins.bzl"
	zips        = flag.String("zips", "", "REPOSITORY=PATH,... of the pinned module zips, relative to the "+
		"workspace's runfiles (bazel test); without it, the go command's module cache (go test)")
)

// zipOf returns the pinned module zip of repo.
func zipOf(t *testing.T, repo string, m Module) string {
	if *zips == "" {
		path, err := downloadZip(m)
		require.NoError(t, err)
		return path
	}
	for _, kv := range strings.Split(*zips, ",") {
		if r, path, _ := strings.Cut(kv, "="); r == repo {
			return filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"), path)
		}
	}
	require.Fail(t, "no zip", "the test's -zips lacks %s: add its __zip repository to BUILD.bazel", repo)
	return ""
}

// TestSeriesAppliesExactly applies every series to the pinned module's zip,
// as Bazel does at fetch time, but with every hunk at the line it names.
func TestSeriesAppliesExactly(t *testing.T) {
	series, err := readSeries(seriesFile)
	require.NoError(t, err)
	mods, err := readModules(modulesFile)
	require.NoError(t, err)
	require.NotEmpty(t, series)
	for repo, patches := range series {
		t.Run(repo, func(t *testing.T) {
			m, ok := mods[repo]
			require.True(t, ok, "patches.bzl names %s, which pins.bzl does not pin", repo)
			tree, err := readZip(zipOf(t, repo, m), m)
			require.NoError(t, err)
			for _, p := range patches {
				data, err := os.ReadFile(filepath.Join(filepath.Dir(seriesFile), p))
				require.NoError(t, err)
				changed, err := apply(tree, p, data)
				require.NoError(t, err, "%s@%s; refresh the series: bazel run //tools/goproxy/patches -- %s (README.md)", m.Path, m.Version, repo)
				assert.NotEmpty(t, changed, p)
			}
		})
	}
}

// TestEveryPatchIsListed: a .patch file that patches.bzl does not list is never applied.
func TestEveryPatchIsListed(t *testing.T) {
	series, err := readSeries(seriesFile)
	require.NoError(t, err)
	var listed, found []string
	for _, patches := range series {
		listed = append(listed, patches...)
	}
	dir := filepath.Dir(seriesFile)
	require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".patch") {
			rel, _ := filepath.Rel(dir, path)
			found = append(found, filepath.ToSlash(rel))
		}
		return err
	}))
	sort.Strings(listed)
	sort.Strings(found)
	assert.Equal(t, found, listed)
}

// TestEveryPatchSaysWhy: each patch starts with what it back-ports, speeds
// up or says better, and when it becomes unnecessary.
func TestEveryPatchSaysWhy(t *testing.T) {
	series, err := readSeries(seriesFile)
	require.NoError(t, err)
	for _, patches := range series {
		for _, p := range patches {
			data, err := os.ReadFile(filepath.Join(filepath.Dir(seriesFile), p))
			require.NoError(t, err)
			h := header(data)
			kind := map[string]string{"bazel4": "Back-port: ", "perf": "Performance: ", "messages": "Message: "}[strings.Split(p, "/")[0]]
			require.NotEmpty(t, kind, "%s: want it in bazel4/, perf/ or messages/", p)
			assert.True(t, strings.HasPrefix(h, kind), "%s: want a header starting with %q", p, kind)
			assert.Contains(t, h, "\nUnnecessary", "%s: want a line saying when it becomes unnecessary", p)
		}
	}
}

const src = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"

// patchOf is a git diff of a.txt changing "four" to "FOUR", with its hunk at line start.
func patchOf(start string) []byte {
	return []byte("Back-port: x.\n\ndiff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n" +
		"@@ -" + start + ",3 +" + start + ",3 @@\n three\n-four\n+FOUR\n five\n")
}

func TestApplyAtTheNamedLine(t *testing.T) {
	tree := MemTree{"a.txt": {Data: []byte(src), Mode: 0o644}}
	changed, err := apply(tree, "x.patch", patchOf("3"))
	require.NoError(t, err)
	assert.Equal(t, []string{"a.txt"}, changed)
	assert.Equal(t, "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\n", string(tree["a.txt"].Data))
}

// Bazel would apply this hunk one line up; we refuse it, naming the patch, the file and the line.
func TestApplyRefusesAMovedHunk(t *testing.T) {
	tree := MemTree{"a.txt": {Data: []byte(src), Mode: 0o644}}
	_, err := apply(tree, "x.patch", patchOf("4"))
	var ae *ApplyError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "x.patch", ae.Patch)
	assert.Equal(t, "a.txt", ae.File)
	assert.True(t, errors.Is(err, &gitdiff.Conflict{}), "%v", err)
	assert.Contains(t, err.Error(), "x.patch does not apply to a.txt, line 4: conflict")
	assert.Equal(t, src, string(tree["a.txt"].Data), "a failed patch changes nothing")
}

func TestApplyNewFileWithMode(t *testing.T) {
	tree := MemTree{}
	patch := "diff --git a/bin/run.sh b/bin/run.sh\nnew file mode 100755\n--- /dev/null\n+++ b/bin/run.sh\n@@ -0,0 +1,2 @@\n+#!/bin/sh\n+echo hi\n"
	_, err := apply(tree, "new.patch", []byte(patch))
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o755), tree["bin/run.sh"].Mode)
	assert.Equal(t, "#!/bin/sh\necho hi\n", string(tree["bin/run.sh"].Data))

	_, err = apply(tree, "new.patch", []byte(patch))
	assert.ErrorContains(t, err, "creates a file that already exists")
}

func TestApplyMissingFile(t *testing.T) {
	_, err := apply(MemTree{}, "x.patch", patchOf("3"))
	assert.ErrorContains(t, err, "x.patch does not apply to a.txt: no such file")
}

func TestApplyNotAPatch(t *testing.T) {
	_, err := apply(MemTree{}, "x.patch", []byte("just words\n"))
	assert.ErrorContains(t, err, "x.patch: no file changes")
}

func TestReadSeriesRejectsForeignLabels(t *testing.T) {
	p := filepath.Join(t.TempDir(), "patches.bzl")
	require.NoError(t, os.WriteFile(p, []byte(`PATCHES = {"r": ["//elsewhere:x.patch"]}`+"\n"), 0o644))
	_, err := readSeries(p)
	assert.ErrorContains(t, err, `PATCHES["r"]: want a list of "//tools/goproxy/patches:DIR/NAME.patch" labels`)
}
