package graph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// externalQuery is what `bazel query '//external:*' --output=build` prints,
// trimmed to four repositories.
const externalQuery = `# /ws/WORKSPACE:16:16
go_repository(
  name = "com_github_dep",
  generator_name = "com_github_dep",
  generator_function = "go_dependencies",
  importpath = "github.com/dep",
  version = "v1.0.0",
  sum = "h1:AAA=",
  patches = ["//patches:dep.patch"],
)
# Rule com_github_dep instantiated at (most recent call last):
#   /ws/WORKSPACE:16:16                       in <toplevel>
#   /ws/tools/go_deps.bzl:844:18      in go_dependencies
# Rule go_repository defined at (most recent call last):
#   /ob/external/bazel_gazelle/internal/go_repository.bzl:458:32 in <toplevel>

# /ws/WORKSPACE:9:19
go_proxy_module(
  name = "bazel_gazelle",
  version = "v0.47.0",
)
# Rule bazel_gazelle instantiated at (most recent call last):
#   /ws/WORKSPACE:9:19                       in <toplevel>
# Rule go_proxy_module defined at (most recent call last):
#   /ws/tools/proxy.bzl:10:20 in <toplevel>

# /ws/WORKSPACE:9:19
local_repository(
  name = "rules_shim",
  path = "shims/rules_shim",
)

# /ws/WORKSPACE:4:10
local_repository(
  name = "ws",
  path = ".",
)
`

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

func baseTree() map[string]string {
	return map[string]string{
		"WORKSPACE":                 `workspace(name = "ws")`,
		"patches/BUILD.bazel":       "",
		"patches/dep.patch":         "--- a\n+++ b\n",
		"tools/BUILD.bazel":         "",
		"tools/proxy.bzl":           `load(":lib.bzl", "x")` + "\n",
		"tools/lib.bzl":             "x = 1\n",
		"tools/other.bzl":           "w = 1\n",
		"tools/rules/BUILD.bazel":   "",
		"tools/rules/defs.bzl":      `load("//tools:lib.bzl", "x")` + "\n" + `load("@bazel_gazelle//:def.bzl", "gazelle")` + "\n",
		"shims/rules_shim/BUILD":    "",
		"shims/rules_shim/defs.bzl": "y = 1\n",
		"libs/a/a.go":               "package a\n",
	}
}

func sourcesOf(t *testing.T, files map[string]string) *treeSources {
	t.Helper()
	root := tree(t, files)
	repos, err := ParseRepos(strings.NewReader(strings.ReplaceAll(externalQuery, "/ws/", root+"/")))
	require.NoError(t, err)
	return newTreeSources(root, WorkspaceName(root), repos)
}

func TestParseRepos(t *testing.T) {
	repos, err := ParseRepos(strings.NewReader(externalQuery))
	require.NoError(t, err)
	require.Len(t, repos, 4)
	dep := repos["com_github_dep"]
	assert.Equal(t, "go_repository", dep.class)
	assert.Equal(t, "/ob/external/bazel_gazelle/internal/go_repository.bzl:458:32", dep.def)
	assert.Contains(t, dep.body, `sum = "h1:AAA=",`)
	assert.NotContains(t, dep.body, "instantiated")
	assert.Equal(t, "/ws/tools/proxy.bzl:10:20", repos["bazel_gazelle"].def)
	assert.Equal(t, "shims/rules_shim", attr(repos["rules_shim"].body, "path"))
	assert.Equal(t, "", repos["rules_shim"].def)
}

// repoChanges: which repositories' hashes an edit of the tree changes.
func repoChanges(t *testing.T, edit func(map[string]string)) []string {
	t.Helper()
	after := baseTree()
	edit(after)
	a, b := sourcesOf(t, baseTree()), sourcesOf(t, after)
	var out []string
	for _, name := range []string{"bazel_gazelle", "com_github_dep", "rules_shim", "ws", "bazel_tools"} {
		if string(a.Repo(name)) != string(b.Repo(name)) {
			out = append(out, name)
		}
	}
	return out
}

func TestRepoHashes(t *testing.T) {
	assert.Empty(t, repoChanges(t, func(map[string]string) {}), "nothing edited")
	assert.Equal(t, []string{"com_github_dep"}, repoChanges(t, func(f map[string]string) { f["patches/dep.patch"] += "+x\n" }),
		"a patch the repository applies")
	assert.Equal(t, []string{"bazel_gazelle", "com_github_dep"}, repoChanges(t, func(f map[string]string) { f["tools/lib.bzl"] = "x = 2\n" }),
		"a file its repository rule's .bzl loads: the repositories defined by the rules in it too")
	assert.Equal(t, []string{"rules_shim"}, repoChanges(t, func(f map[string]string) { f["shims/rules_shim/defs.bzl"] = "y = 2\n" }),
		"a local_repository's directory")
	assert.Empty(t, repoChanges(t, func(f map[string]string) { f["libs/a/a.go"] = "package a // edited\n" }),
		"a source file: the main repository by name hashes no files")
}

func TestDefinitionFollowsLoads(t *testing.T) {
	entry := "tools/rules/defs.bzl:3:1: <toplevel>"
	def := func(edit func(map[string]string)) string {
		f := baseTree()
		edit(f)
		return string(sourcesOf(t, f).Definition(entry))
	}
	same := def(func(map[string]string) {})
	assert.Equal(t, same, def(func(f map[string]string) { f["tools/other.bzl"] = "w = 2\n" }), "a file it does not load")
	assert.NotEqual(t, same, def(func(f map[string]string) { f["tools/proxy.bzl"] += "# x\n" }),
		"the definition of a repository it loads from")
	assert.NotEqual(t, same, def(func(f map[string]string) { f["tools/lib.bzl"] = "x = 2\n" }), "a file it loads")
	assert.NotEqual(t, same, def(func(f map[string]string) { f["tools/rules/defs.bzl"] += "z = 3\n" }), "the file itself")
}

func TestResolveLoad(t *testing.T) {
	s := sourcesOf(t, baseTree())
	for _, c := range []struct{ from, label, repo, file string }{
		{"tools/rules/defs.bzl", ":x.bzl", "", "tools/rules/x.bzl"},
		{"tools/rules/sub/defs.bzl", ":sub/x.bzl", "", "tools/rules/sub/x.bzl"},
		{"tools/x.bzl", "//tools/rules:defs.bzl", "", "tools/rules/defs.bzl"},
		{"tools/x.bzl", "@ws//tools:lib.bzl", "", "tools/lib.bzl"},
		{"tools/x.bzl", "@//tools:lib.bzl", "", "tools/lib.bzl"},
		{"tools/x.bzl", "@io_bazel_rules_go//go:def.bzl", "io_bazel_rules_go", ""},
	} {
		repo, file := s.resolveLoad(c.from, c.label)
		assert.Equal(t, c.repo, repo, c.label)
		assert.Equal(t, c.file, file, c.label)
	}
}

func TestFileHashesContentAndExecuteBit(t *testing.T) {
	s := sourcesOf(t, baseTree())
	before := string(s.File("//libs/a:a.go"))
	require.NoError(t, os.Chmod(filepath.Join(s.root, "libs/a/a.go"), 0o755))
	assert.NotEqual(t, before, string(newTreeSources(s.root, "ws", nil).File("//libs/a:a.go")))
}
