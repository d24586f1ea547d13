package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

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

func TestTestedAsAskedReadsTheScriptsLine(t *testing.T) {
	out := "affected: 13 of 579 targets against abc (saved hashes), plus 2 source gates\n" +
		"test_affected.sh: testing 15 targets, the affected ones and the source gates (/tmp/saved/affected)\n"
	assert.NoError(t, testedAsAsked(out, 15, "/tmp/saved/affected"))
	assert.ErrorContains(t, testedAsAsked(out, 14, "/tmp/saved/affected"), "tested 15 targets; the tool answered 14")
	assert.ErrorContains(t, testedAsAsked(out, 15, "bazel run //tools/affected"), "ran /tmp/saved/affected, not bazel run //tools/affected")
	fellBack := "test_affected.sh: tools/affected failed (above): testing //...\n"
	assert.ErrorContains(t, testedAsAsked(fellBack, 15, "bazel run //tools/affected"), "did not test the affected targets")
}

func TestAnswerOfCountsTheGates(t *testing.T) {
	labels, gates, err := answerOf(`{"base": "abc", "everything": false, "targets": [
	  {"label": "//libs/a:a", "kind": "other"}, {"label": "//tools/lint:gates_test", "kind": "test", "gate": true}]}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"//libs/a:a", "//tools/lint:gates_test"}, labels)
	assert.Equal(t, 1, gates)
	_, _, err = answerOf(`{"everything": true, "targets": []}`)
	assert.ErrorContains(t, err, "answered everything")
	_, _, err = answerOf("//libs/a:a\n")
	assert.ErrorContains(t, err, "--json")
}

func TestRunUntilTimesTheMarkersLine(t *testing.T) {
	r := runner{dir: t.TempDir()}
	out, took, at, err := r.runUntil("affected: ", "sh", "-c", "echo start; sleep 0.3; echo 'affected: 1 of 2' >&2; sleep 0.3")
	require.NoError(t, err)
	assert.Equal(t, "start\naffected: 1 of 2\n", out)
	assert.Greater(t, at, 250*time.Millisecond, "the marker came after the first sleep")
	assert.Less(t, at, took-250*time.Millisecond, "and before the second")

	_, took, at, err = r.runUntil("affected: ", "sh", "-c", "echo other; exit 3")
	assert.ErrorContains(t, err, "exit status 3")
	assert.Equal(t, took, at, "no marker: the whole run")
}

func TestRunKeepsALineLongerThanAScannersBuffer(t *testing.T) {
	out, _, err := runner{dir: t.TempDir()}.run("sh", "-c", "head -c 100000 /dev/zero | tr '\\0' a; echo; echo end >&2")
	require.NoError(t, err)
	assert.Equal(t, 100000+len("\nend\n"), len(out))
}
