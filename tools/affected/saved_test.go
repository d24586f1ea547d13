package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.com/monorepo/tools/affected/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contents hashes source files by a map (graph.Sources).
type contents map[string]string

func (c contents) File(l string) []byte     { return []byte(c[l]) }
func (c contents) Repo(string) []byte       { return nil }
func (c contents) Definition(string) []byte { return nil }

const twoLibs = `{"results": [
 {"target": {"type": "RULE", "rule": {"name": "//libs/a:a", "ruleClass": "go_library", "ruleInput": ["//libs/a:a.go"]}}, "configuration": {"checksum": "k8"}},
 {"target": {"type": "RULE", "rule": {"name": "//libs/b:b", "ruleClass": "go_library", "ruleInput": ["//libs/b:b.go"]}}, "configuration": {"checksum": "k8"}},
 {"target": {"type": "SOURCE_FILE", "sourceFile": {"name": "//libs/a:a.go"}}, "configuration": {"checksum": "null"}},
 {"target": {"type": "SOURCE_FILE", "sourceFile": {"name": "//libs/b:b.go"}}, "configuration": {"checksum": "null"}}]}`

func sideOf(t *testing.T, c contents) *side {
	t.Helper()
	g, err := graph.ParseGraph(strings.NewReader(twoLibs))
	require.NoError(t, err)
	return &side{graph: g, sources: c}
}

func TestSaveThenCompare(t *testing.T) {
	ctx := context.Background()
	root := gitRepo(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, ".bazelrc"), []byte("# why\nbuild --jobs=2\n"), 0o644))
	_, err := git(ctx, root, "add", ".bazelrc")
	require.NoError(t, err)
	_, err = git(ctx, root, "commit", "-qm", "rc")
	require.NoError(t, err)
	commit, err := git(ctx, root, "rev-parse", "HEAD")
	require.NoError(t, err)

	file := filepath.Join(t.TempDir(), "hashes.json")
	require.NoError(t, save(ctx, root, file, sideOf(t, contents{"//libs/a:a.go": "1", "//libs/b:b.go": "1"})))

	saved, err := readSaved(file)
	require.NoError(t, err)
	a := &Answer{}
	reason, err := compareSaved(a, root, saved, sideOf(t, contents{"//libs/a:a.go": "2", "//libs/b:b.go": "1"}))
	require.NoError(t, err)
	assert.Empty(t, reason)
	assert.Equal(t, commit, a.Base)
	assert.Equal(t, []graph.Target{{Label: "//libs/a:a", Kind: "other"}}, a.Targets)

	// A comment in .bazelrc is nothing; a flag is everything.
	require.NoError(t, os.WriteFile(filepath.Join(root, ".bazelrc"), []byte("# why, said again\nbuild --jobs=2\n"), 0o644))
	reason, err = compareSaved(&Answer{}, root, saved, sideOf(t, contents{"//libs/a:a.go": "1", "//libs/b:b.go": "1"}))
	require.NoError(t, err)
	assert.Empty(t, reason)
	require.NoError(t, os.WriteFile(filepath.Join(root, ".bazelrc"), []byte("build --jobs=3\n"), 0o644))
	reason, err = compareSaved(&Answer{}, root, saved, sideOf(t, contents{"//libs/a:a.go": "1", "//libs/b:b.go": "1"}))
	require.NoError(t, err)
	assert.Equal(t, ".bazelrc changed (beyond comments): it can change every target", reason)
}

func TestSaveRefusesAnEditedTree(t *testing.T) {
	root := gitRepo(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, "a.txt"), []byte("edited\n"), 0o644))
	err := save(context.Background(), root, filepath.Join(t.TempDir(), "h.json"), sideOf(t, contents{}))
	assert.ErrorContains(t, err, "uncommitted changes")
}

func TestReadSavedWithoutAFile(t *testing.T) {
	_, err := readSaved("/nonexistent/hashes.json")
	assert.ErrorContains(t, err, "no saved hashes")
}

func TestSaveDirHoldsTheHashesAndThisBinary(t *testing.T) {
	root := gitRepo(t)
	dir := filepath.Join(t.TempDir(), "saved")
	require.NoError(t, saveDir(context.Background(), root, dir, sideOf(t, contents{"//libs/a:a.go": "1"})))
	_, err := readSaved(filepath.Join(dir, savedHashes))
	require.NoError(t, err)
	self, err := os.Executable()
	require.NoError(t, err)
	want, err := os.ReadFile(self)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dir, savedTool))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "the saved tool is not this binary")
	info, err := os.Stat(filepath.Join(dir, savedTool))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o755), info.Mode().Perm())
}

func TestReadSavedRefusesAnotherFormat(t *testing.T) {
	file := filepath.Join(t.TempDir(), "hashes.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"format": 1, "commit": "abc", "hashes": {}}`), 0o644))
	_, err := readSaved(file)
	assert.ErrorContains(t, err, "another version of tools/affected (format 1; this one reads 2)")
}

func TestGatesAreAddedOnceAndCountedApart(t *testing.T) {
	all := []graph.Target{
		{Label: "//libs/a:a", Kind: "other"},
		{Label: "//tools/lint:gates_test", Kind: "test", Gate: true},
		{Label: "//tools/lint:lint_test", Kind: "test", Gate: true},
	}
	var stdout, stderr bytes.Buffer
	o := output{gates: true, stdout: &stdout, stderr: &stderr}
	a := &Answer{Base: "abc", Targets: []graph.Target{all[0], all[2]}} // one gate is affected itself
	require.NoError(t, o.finish(a, "", all, "quick"))
	assert.Equal(t, "//libs/a:a\n//tools/lint:gates_test\n//tools/lint:lint_test\n", stdout.String())
	assert.Equal(t, "affected: 2 of 3 targets against abc (quick), plus 2 source gates\n", stderr.String())

	stdout.Reset()
	o.gates = false
	require.NoError(t, o.finish(&Answer{Base: "abc"}, "", all, "quick"))
	assert.Empty(t, stdout.String(), "without --gates, an unaffected gate is not printed")
}

// savedRepo is a commit holding twoLibs' sources and BUILD files, and the
// hashes --save wrote on it.
func savedRepo(t *testing.T) (string, *Saved) {
	t.Helper()
	ctx := context.Background()
	root := gitRepo(t)
	for p, c := range map[string]string{
		"libs/a/a.go": "package a\n", "libs/a/BUILD.bazel": "go_library()\n",
		"libs/b/b.go": "package b\n", "libs/b/BUILD.bazel": "go_library()\n",
		"third_party/fix.patch": "--- a\n", "README.md": "# hi\n",
	} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, p), []byte(c), 0o644))
	}
	for _, args := range [][]string{{"add", "-A"}, {"commit", "-qm", "libs"}} {
		_, err := git(ctx, root, args...)
		require.NoError(t, err)
	}
	file := filepath.Join(t.TempDir(), "hashes.json")
	require.NoError(t, save(ctx, root, file, sideOf(t, contents{"//libs/a:a.go": "1", "//libs/b:b.go": "1"})))
	saved, err := readSaved(file)
	require.NoError(t, err)
	saved.Shaping = []string{"third_party/fix.patch"} // as if a repository's patches named it
	return root, saved
}

func TestQuickAnswersASourceEditFromTheSavedGraph(t *testing.T) {
	root, saved := savedRepo(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, "libs/a/a.go"), []byte("package a // edited\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "README.md"), []byte("# no target reads me\n"), 0o644))
	targets, why := quick(context.Background(), root, saved)
	assert.Empty(t, why)
	assert.Equal(t, []graph.Target{{Label: "//libs/a:a", Kind: "other"}}, targets)
}

func TestQuickAnalysesWhenTheGraphCanChange(t *testing.T) {
	for name, c := range map[string]struct {
		edit func(t *testing.T, root string)
		why  string
	}{
		"BUILD file": {func(t *testing.T, root string) { write(t, root, "libs/a/BUILD.bazel", "go_library(name = \"x\")\n") }, "libs/a/BUILD.bazel changed: it defines packages"},
		"bzl file":   {func(t *testing.T, root string) { write(t, root, "libs/a/defs.bzl", "x = 1\n"); gitAdd(t, root) }, "libs/a/defs.bzl is new"},
		"patch":      {func(t *testing.T, root string) { write(t, root, "third_party/fix.patch", "--- b\n") }, "an external repository reads it"},
		"untracked":  {func(t *testing.T, root string) { write(t, root, "libs/a/new.go", "package a\n") }, "1 untracked files (libs/a/new.go, ...)"},
		"deleted":    {func(t *testing.T, root string) { require.NoError(t, os.Remove(filepath.Join(root, "libs/b/b.go"))) }, "libs/b/b.go is deleted"},
		".bazelrc":   {func(t *testing.T, root string) { write(t, root, ".bazelrc", "build --jobs=3\n"); gitAdd(t, root) }, ".bazelrc is new"},
	} {
		t.Run(name, func(t *testing.T) {
			root, saved := savedRepo(t)
			c.edit(t, root)
			targets, why := quick(context.Background(), root, saved)
			assert.Nil(t, targets)
			assert.Contains(t, why, c.why)
		})
	}
	root, saved := savedRepo(t)
	saved.Reach = nil
	_, why := quick(context.Background(), root, saved)
	assert.Contains(t, why, "older --save")
	saved.Reach = &graph.Reach{}
	saved.Commit = strings.Repeat("f", 40) // not in this clone (a shallow one, say)
	_, why = quick(context.Background(), root, saved)
	assert.Contains(t, why, "cannot compare with the saved commit")
}

func write(t *testing.T, root, p, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, p), []byte(content), 0o644))
}

func gitAdd(t *testing.T, root string) {
	t.Helper()
	_, err := git(context.Background(), root, "add", "-A")
	require.NoError(t, err)
}
