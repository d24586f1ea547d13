package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repo makes an empty repository root (a WORKSPACE file and nothing else).
func repo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "WORKSPACE"), nil, 0o644))
	return root
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
	lib, err := Plan("lib", "money")
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/money/BUILD.bazel", "libs/money/money.go", "libs/money/money_test.go"}, keys(lib))
	assert.Contains(t, lib["libs/money/money.go"], "// Package money is a shared library of the monorepo.")
	assert.Contains(t, lib["libs/money/BUILD.bazel"], `importpath = "example.com/monorepo/libs/money"`)
	assert.Contains(t, lib["libs/money/money_test.go"], `"github.com/stretchr/testify/assert"`)

	app, err := Plan("app", "pay_api")
	require.NoError(t, err)
	assert.Equal(t, []string{"apps/pay_api/BUILD.bazel", "apps/pay_api/main.go", "apps/pay_api/main_test.go"}, keys(app))
	assert.Contains(t, app["apps/pay_api/BUILD.bazel"], "go_image(\n    name = \"image\",\n    binary = \":pay_api\",\n)")
	assert.Contains(t, app["apps/pay_api/main.go"], `"example.com/monorepo/libs/greeting"`)
}

func TestPlanRefusesBadInput(t *testing.T) {
	tests := []struct{ kind, name, want string }{
		{"service", "x", `unknown kind "service": want lib or app`},
		{"lib", "Money", "want lower-case letters and digits"},
		{"lib", "my_lib", "want lower-case letters and digits"},
		{"app", "../etc", "it becomes apps/../etc"},
		{"app", "a/b", "want lower-case letters, digits and _"},
		{"lib", "", "want lower-case letters"},
		{"lib", strings.Repeat("a", 31), "want lower-case letters"},
		{"lib", "func", "reserved by Go"},
		{"app", "internal", "reserved by Go"},
	}
	for _, tc := range tests {
		_, err := Plan(tc.kind, tc.name)
		require.Error(t, err, "%s %q", tc.kind, tc.name)
		assert.ErrorIs(t, err, ErrUsage)
		assert.Contains(t, err.Error(), tc.want)
	}
}

func TestRunWritesAndRefuses(t *testing.T) {
	root := repo(t)
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"app", "pay_api"}, root, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), "created apps/pay_api/main.go")
	assert.Contains(t, stdout.String(), "next: bazel test //apps/pay_api/... && bazel run //apps/pay_api")
	main, err := os.ReadFile(filepath.Join(root, "apps/pay_api/main.go"))
	require.NoError(t, err)
	assert.Contains(t, string(main), "package main")

	// The same name again: refused, and the existing files are untouched.
	require.NoError(t, os.WriteFile(filepath.Join(root, "apps/pay_api/main.go"), []byte("mine"), 0o644))
	stderr.Reset()
	assert.Equal(t, 1, run([]string{"app", "pay_api"}, root, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "apps/pay_api exists already")
	main, err = os.ReadFile(filepath.Join(root, "apps/pay_api/main.go"))
	require.NoError(t, err)
	assert.Equal(t, "mine", string(main))
}

func TestRunWritesNothingOnBadInput(t *testing.T) {
	root := repo(t)
	for _, args := range [][]string{{"lib", "Bad"}, {"app", "../x"}, {"lib"}, {"widget", "x"}} {
		var stdout, stderr bytes.Buffer
		assert.Equal(t, 2, run(args, root, &stdout, &stderr), "%v", args)
		assert.NotEmpty(t, stderr.String())
	}
	entries, err := os.ReadDir(root)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the WORKSPACE file")

	// Not the repository root: refused before writing.
	notRepo := t.TempDir()
	var stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"lib", "money"}, notRepo, &bytes.Buffer{}, &stderr))
	assert.Contains(t, stderr.String(), "is not the repository root")
	entries, err = os.ReadDir(notRepo)
	require.NoError(t, err)
	assert.Empty(t, entries)

	assert.Equal(t, 2, run([]string{"lib", "money"}, "", &bytes.Buffer{}, &stderr))
	assert.Contains(t, stderr.String(), "BUILD_WORKSPACE_DIRECTORY is not set")
}
