package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tree writes files below a new directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return root
}

func TestGlobalChangeIgnoresComments(t *testing.T) {
	rc := "# why\nbuild --nosandbox_debug\n"
	head := tree(t, map[string]string{".bazelrc": rc + "\n# another comment\n", "WORKSPACE": "workspace(name = \"ws\")\n"})
	base := tree(t, map[string]string{".bazelrc": rc, "WORKSPACE": "workspace(name = \"ws\")\n"})
	f, err := globalChange(head, base)
	require.NoError(t, err)
	assert.Equal(t, "", f)

	require.NoError(t, os.WriteFile(filepath.Join(head, ".bazelrc"), []byte(rc+"build --copt=-O2\n"), 0o644))
	f, err = globalChange(head, base)
	require.NoError(t, err)
	assert.Equal(t, ".bazelrc", f)

	require.NoError(t, os.Remove(filepath.Join(head, ".bazelrc")))
	f, err = globalChange(head, base)
	require.NoError(t, err)
	assert.Equal(t, ".bazelrc", f, "a deleted rc file")
}

func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is needed: %v", err)
	}
	root := tree(t, map[string]string{"a.txt": "one\n", "user.bazelrc": "build --jobs=1\n", ".gitignore": "user.bazelrc\n"})
	for _, args := range [][]string{
		{"init", "-q"}, {"config", "user.email", "t@localhost"}, {"config", "user.name", "t"},
		{"add", "a.txt", ".gitignore"}, {"commit", "-qm", "one"},
	} {
		_, err := git(context.Background(), root, args...)
		require.NoError(t, err)
	}
	return root
}

func TestCheckoutBaseReusesItsWorktree(t *testing.T) {
	ctx := context.Background()
	root := gitRepo(t)
	first, err := git(ctx, root, "rev-parse", "HEAD")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(root, "a.txt"), []byte("two\n"), 0o644))
	_, err = git(ctx, root, "commit", "-qam", "two")
	require.NoError(t, err)

	dir := filepath.Join(t.TempDir(), "work", "base")
	require.NoError(t, checkoutBase(ctx, root, dir, first))
	b, err := os.ReadFile(filepath.Join(dir, "a.txt"))
	require.NoError(t, err)
	assert.Equal(t, "one\n", string(b))
	b, err = os.ReadFile(filepath.Join(dir, "user.bazelrc"))
	require.NoError(t, err)
	assert.Equal(t, "build --jobs=1\n", string(b), "the untracked user.bazelrc comes along")

	// A stray file and a move to HEAD: the same worktree, cleaned.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "stray.txt"), nil, 0o644))
	second, err := git(ctx, root, "rev-parse", "HEAD")
	require.NoError(t, err)
	require.NoError(t, checkoutBase(ctx, root, dir, second))
	b, err = os.ReadFile(filepath.Join(dir, "a.txt"))
	require.NoError(t, err)
	assert.Equal(t, "two\n", string(b))
	assert.NoFileExists(t, filepath.Join(dir, "stray.txt"))
	status, err := git(ctx, root, "status", "--porcelain")
	require.NoError(t, err)
	assert.Empty(t, status, "the checkout itself is untouched")
}

func TestDefaultBaseWithoutMain(t *testing.T) {
	root := gitRepo(t)
	_, err := git(context.Background(), root, "branch", "-m", "trunk")
	require.NoError(t, err)
	_, err = defaultBase(context.Background(), root)
	assert.ErrorContains(t, err, "give --base REV")
}
