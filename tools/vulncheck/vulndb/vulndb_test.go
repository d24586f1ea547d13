package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	return string(b)
}

func TestBuildWritesTheV1Layout(t *testing.T) {
	out := t.TempDir()
	snapshot := time.Date(2026, 11, 5, 23, 49, 57, 0, time.UTC)
	n, err := Build(os.DirFS("testdata/osv"), snapshot, out)
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	// The newest entry (2099) is later than the snapshot.
	assert.JSONEq(t, `{"modified":"2099-01-02T03:04:05Z"}`, read(t, out, "index/db.json"))
	// Sorted by path, then ID; "fixed" is the newest fix unless reintroduced after it.
	assert.JSONEq(t, `[
	  {"path":"example.org/a","vulns":[
	    {"id":"GO-2099-0001","modified":"2099-01-02T03:04:05Z","fixed":"1.4.1"},
	    {"id":"GO-2099-0002","modified":"0001-01-01T00:00:00Z"}]},
	  {"path":"example.org/b","vulns":[
	    {"id":"GO-2099-0001","modified":"2099-01-02T03:04:05Z","fixed":"0.10.0"}]}
	]`, read(t, out, "index/modules.json"))
	assert.JSONEq(t, `[
	  {"id":"GO-2099-0001","modified":"2099-01-02T03:04:05Z","aliases":["CVE-2099-1"]},
	  {"id":"GO-2099-0002","modified":"0001-01-01T00:00:00Z"}
	]`, read(t, out, "index/vulns.json"))
	// Entries are copied byte for byte.
	assert.Equal(t, read(t, "testdata/osv", "GO-2099-0002.json"), read(t, out, "ID/GO-2099-0002.json"))
}

func TestBuildIsReproducible(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	_, err := Build(os.DirFS("testdata/osv"), time.Time{}, a)
	require.NoError(t, err)
	_, err = Build(os.DirFS("testdata/osv"), time.Time{}, b)
	require.NoError(t, err)
	for _, f := range []string{"index/db.json", "index/modules.json", "index/vulns.json"} {
		assert.Equal(t, read(t, a, f), read(t, b, f), f)
	}
}

func TestBuildRejectsBadInput(t *testing.T) {
	_, err := Build(os.DirFS("testdata/bad"), time.Time{}, t.TempDir())
	assert.ErrorContains(t, err, `GO-2099-0003.json: holds entry "GO-2099-0004"; OSV files must be named ID.json`)

	_, err = Build(os.DirFS(t.TempDir()), time.Time{}, t.TempDir())
	assert.ErrorContains(t, err, "no OSV entries")
}
