package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -out is made before any measuring, so that a bad one fails in a second, not
// after the hour it would otherwise cost.
func TestOutIsMadeBeforeMeasuring(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))

	// A path through a regular file cannot become a directory.
	err := run("25", 1, false, false, filepath.Join(file, "out"), filepath.Join(dir, "work"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-out")
	assert.NoDirExists(t, filepath.Join(dir, "work"), "run got past -out before failing")

	// A missing one is created, before -work (refused here, to stop the run).
	out := filepath.Join(dir, "new", "out")
	err = run("25", 1, false, false, out, filepath.Join(file, "work"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-work")
	assert.DirExists(t, out)
}
