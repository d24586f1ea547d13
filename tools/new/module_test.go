package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReplacePath(t *testing.T) {
	const from, to = "example.com/mono", "github.com/acme/x"
	for in, want := range map[string]string{
		`import "example.com/mono/libs/a"`:                `import "github.com/acme/x/libs/a"`,
		"module example.com/mono\n":                       "module github.com/acme/x\n",
		"# gazelle:prefix example.com/mono":               "# gazelle:prefix github.com/acme/x",
		"https://example.com/mono/spdx/app":               "https://github.com/acme/x/spdx/app",
		"example.com/monograph and example.com/mo":        "example.com/monograph and example.com/mo",
		"example.com/mono.v2 notexample.com/mono":         "example.com/mono.v2 notexample.com/mono",
		"Import example.com/mono. Or example.com/mono/x.": "Import github.com/acme/x. Or github.com/acme/x/x.",
		"(example.com/mono), 'example.com/mono'":          "(github.com/acme/x), 'github.com/acme/x'",
	} {
		got, _ := ReplacePath(in, from, to)
		assert.Equal(t, want, got, in)
	}
	_, n := ReplacePath("example.com/mono example.com/mono/x example.com/monograph", from, to)
	assert.Equal(t, 2, n)
}

// gitRepo makes a committed git repository holding files.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, p), []byte(content), 0o644))
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"}} {
		out, err := exec.Command("git", append([]string{"-C", root}, args...)...).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	return root
}

func TestRenameModule(t *testing.T) {
	root := gitRepo(t, map[string]string{
		"WORKSPACE":          "",
		"go.mod":             "module example.com/mono\n\ngo 1.26\n",
		"apps/a/main.go":     "package main\n\nimport _ \"example.com/mono/libs/b\"\n",
		"apps/a/m.go":        "package main\n\nvar m = map[string]int{\n\t\"example.com/mono\": 1,\n\t\"example.org/x\":    2,\n}\n",
		"README.md":          "Not ours: example.com/monograph.\n",
		"tools/blob.bin":     "example.com/mono\x00",
		"libs/b/BUILD.bazel": "go_library(importpath = \"example.com/mono/libs/b\")\n",
	})
	from, err := ModulePath(root)
	require.NoError(t, err)
	assert.Equal(t, "example.com/mono", from)

	changed, err := RenameModule(root, from, "github.com/acme/mono")
	require.NoError(t, err)
	assert.Equal(t, []string{"apps/a/m.go", "apps/a/main.go", "go.mod", "libs/b/BUILD.bazel"}, changed)
	assert.Equal(t, "package main\n\nvar m = map[string]int{\n\t\"github.com/acme/mono\": 1,\n\t\"example.org/x\":        2,\n}\n", read(t, filepath.Join(root, "apps/a/m.go")), "gofmt'ed: the longer key moves the alignment")
	assert.Equal(t, "package main\n\nimport _ \"github.com/acme/mono/libs/b\"\n", read(t, filepath.Join(root, "apps/a/main.go")))
	to, err := ModulePath(root)
	require.NoError(t, err)
	assert.Equal(t, "github.com/acme/mono", to)
	assert.Equal(t, "Not ours: example.com/monograph.\n", read(t, filepath.Join(root, "README.md")), "a longer path is not the module")
	assert.Equal(t, "example.com/mono\x00", read(t, filepath.Join(root, "tools/blob.bin")), "binary files are left alone")

	// Now the tree has uncommitted changes: refused, nothing written.
	_, err = RenameModule(root, to, "github.com/acme/other")
	assert.ErrorContains(t, err, "has uncommitted changes: commit or stash them first")
	assert.Equal(t, "module github.com/acme/mono\n\ngo 1.26\n", read(t, filepath.Join(root, "go.mod")))
}

func TestRenameModuleRefusesBadInput(t *testing.T) {
	root := gitRepo(t, map[string]string{"WORKSPACE": "", "go.mod": "module example.com/mono\n"})
	for _, to := range []string{"Not A Path", "example.com/mono", "/abs", ""} {
		_, err := RenameModule(root, "example.com/mono", to)
		assert.ErrorIs(t, err, ErrUsage, to)
	}
	_, err := RenameModule(root, "example.com/absent", "github.com/acme/mono")
	assert.ErrorContains(t, err, "no tracked file mentions example.com/absent")

	_, err = RenameModule(t.TempDir(), "example.com/mono", "github.com/acme/mono")
	assert.ErrorContains(t, err, "renaming the module needs a git checkout")
}

// fakeTool writes a script that appends its name and arguments to calls in the
// directory it runs in.
func fakeTool(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	script := "#!/bin/sh\necho \"" + name + " $*\" >>\"${BUILD_WORKSPACE_DIRECTORY:-.}/calls\"\n"
	require.NoError(t, os.WriteFile(p, []byte(script), 0o755))
	return p
}

func TestRunRenamesThenGeneratesThenRunsGazelle(t *testing.T) {
	root := gitRepo(t, map[string]string{"WORKSPACE": "", "go.mod": "module example.com/mono\n", "a.go": "package a // example.com/mono/a\n"})
	require.NoError(t, os.WriteFile(filepath.Join(root, ".git", "info", "exclude"), []byte("calls\n"), 0o644))
	var stdout, stderr bytes.Buffer
	code := run([]string{"-gazelle", fakeTool(t, "gazelle"), "-generate", fakeTool(t, "generate"), "-generate_arg=-x", "module", "github.com/acme/mono"}, root, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "renamed example.com/mono to github.com/acme/mono in 2 files")
	assert.Contains(t, stdout.String(), "next: bazel test //... && go test ./...")
	assert.Equal(t, "generate -x\ngazelle update -repo_root "+root+"\n", read(t, filepath.Join(root, "calls")))

	stderr.Reset()
	assert.Equal(t, 2, run([]string{"-gazelle", "g", "module", "Bad Path"}, root, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "malformed module path")
}
