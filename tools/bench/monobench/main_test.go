package main

import (
	"encoding/json"
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
	err := run("25", 1, false, false, false, filepath.Join(file, "out"), filepath.Join(dir, "work"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-out")
	assert.NoDirExists(t, filepath.Join(dir, "work"), "run got past -out before failing")

	// A missing one is created, before -work (refused here, to stop the run).
	out := filepath.Join(dir, "new", "out")
	err = run("25", 1, false, false, false, out, filepath.Join(file, "work"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-work")
	assert.DirExists(t, out)
}

// -render rewrites the report from results.json alone, keeping every size.
func TestRenderRewritesTheReportFromResults(t *testing.T) {
	out := t.TempDir()
	require.ErrorContains(t, run("", 0, false, false, true, out, ""), "no results", "nothing saved: nothing to render")
	require.ErrorContains(t, run("", 0, false, false, true, "", ""), "-render needs -out")

	mk := func(n int) sizeResult {
		return sizeResult{Shape: Shape{Libs: n, Apps: n / 10}, Runs: 1,
			Bazel: map[string][]result{"cold": runsOf(float64(n))}, Go: map[string][]result{"cold": runsOf(float64(n))}}
	}
	data, err := json.Marshal([]sizeResult{mk(25), mk(1000)})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, "results.json"), data, 0o644))

	require.NoError(t, run("", 0, false, false, true, out, ""))
	md, err := os.ReadFile(filepath.Join(out, "RESULTS.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "### N = 25 libs")
	assert.Contains(t, string(md), "### N = 1000 libs")
	assert.FileExists(t, filepath.Join(out, "results.png"))
	saved, err := loadResults(filepath.Join(out, "results.json"))
	require.NoError(t, err)
	assert.Len(t, saved, 2)
}

func TestWithoutGraphDropsWhatQuickAnswersRead(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "h.json"), filepath.Join(dir, "old.json")
	require.NoError(t, os.WriteFile(from, []byte(`{"commit":"c","hashes":{"//a:a":"01"},"reach":{},"targets":[],"shaping":[]}`), 0o644))
	require.NoError(t, withoutGraph(from, to))
	data, err := os.ReadFile(to)
	require.NoError(t, err)
	assert.JSONEq(t, `{"commit":"c","hashes":{"//a:a":"01"}}`, string(data))

	require.NoError(t, os.WriteFile(from, []byte(`{"commit":"c","hashes":{}}`), 0o644))
	assert.ErrorContains(t, withoutGraph(from, to), "holds no graph")
}
