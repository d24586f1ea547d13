package main

import (
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

	a := &Answer{}
	reason, err := compareSaved(a, root, file, sideOf(t, contents{"//libs/a:a.go": "2", "//libs/b:b.go": "1"}))
	require.NoError(t, err)
	assert.Empty(t, reason)
	assert.Equal(t, commit, a.Base)
	assert.Equal(t, []graph.Target{{Label: "//libs/a:a", Kind: "other"}}, a.Targets)

	// A comment in .bazelrc is nothing; a flag is everything.
	require.NoError(t, os.WriteFile(filepath.Join(root, ".bazelrc"), []byte("# why, said again\nbuild --jobs=2\n"), 0o644))
	reason, err = compareSaved(&Answer{}, root, file, sideOf(t, contents{"//libs/a:a.go": "1", "//libs/b:b.go": "1"}))
	require.NoError(t, err)
	assert.Empty(t, reason)
	require.NoError(t, os.WriteFile(filepath.Join(root, ".bazelrc"), []byte("build --jobs=3\n"), 0o644))
	reason, err = compareSaved(&Answer{}, root, file, sideOf(t, contents{"//libs/a:a.go": "1", "//libs/b:b.go": "1"}))
	require.NoError(t, err)
	assert.Equal(t, ".bazelrc changed (beyond comments): it can change every target", reason)
}

func TestSaveRefusesAnEditedTree(t *testing.T) {
	root := gitRepo(t)
	require.NoError(t, os.WriteFile(filepath.Join(root, "a.txt"), []byte("edited\n"), 0o644))
	err := save(context.Background(), root, filepath.Join(t.TempDir(), "h.json"), sideOf(t, contents{}))
	assert.ErrorContains(t, err, "uncommitted changes")
}

func TestCompareSavedWithoutAFile(t *testing.T) {
	reason, err := compareSaved(&Answer{}, t.TempDir(), "/nonexistent/hashes.json", sideOf(t, contents{}))
	require.NoError(t, err)
	assert.Contains(t, reason, "no saved hashes")
}
