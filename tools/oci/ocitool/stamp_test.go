package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStamp(t *testing.T) {
	dir := t.TempDir()
	stable := filepath.Join(dir, "stable-status.txt")
	require.NoError(t, os.WriteFile(stable, []byte("BUILD_HOST ci\nSTABLE_VERSION v1.2.3\nSTABLE_GIT_COMMIT 0123abcd\nSTABLE_EMPTY\n"), 0o644))
	vars, err := readStamps([]string{stable})
	require.NoError(t, err)

	got, err := stamp("label", "{STABLE_VERSION}-{STABLE_GIT_COMMIT}", vars)
	require.NoError(t, err)
	assert.Equal(t, "v1.2.3-0123abcd", got)

	got, err = stamp("label", "plain {lowercase} stays", vars)
	require.NoError(t, err)
	assert.Equal(t, "plain {lowercase} stays", got)

	got, err = stamp("label", "[{STABLE_EMPTY}]", vars)
	require.NoError(t, err)
	assert.Equal(t, "[]", got, "a key without a value is empty")

	_, err = stamp("tag", "{STABLE_RELEASE}", vars)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `tag "{STABLE_RELEASE}": STABLE_RELEASE not in the workspace status; stamp with --config=release`)

	_, err = readStamps([]string{filepath.Join(dir, "missing")})
	assert.Error(t, err)
}
