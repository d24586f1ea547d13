package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two tests covering the same files, as rules_go writes them (hello_world_test
// and greeting_test both cover greeting.go), plus function and branch records
// in the geninfo(1) format that other languages' tests produce.
const (
	testA = `TN:a
SF:libs/greeting/greeting.go
FN:17,Hello
FNDA:2,Hello
BRDA:20,0,0,2
BRDA:20,0,1,-
DA:17,2
DA:20,2
DA:22,0
LH:2
LF:3
end_of_record
SF:apps/hello_world/main.go
DA:9,1
LH:1
LF:1
end_of_record
`
	testB = `SF:libs/greeting/greeting.go
FN:17,Hello
FNDA:3,Hello
BRDA:20,0,0,0
BRDA:20,0,1,3
DA:17,3
DA:20,0
DA:22,3
DA:23,0
LH:2
LF:4
end_of_record
`
)

const merged = `SF:apps/hello_world/main.go
DA:9,1
LH:1
LF:1
end_of_record
SF:libs/greeting/greeting.go
FN:17,Hello
FNDA:5,Hello
FNF:1
FNH:1
BRDA:20,0,0,2
BRDA:20,0,1,3
BRF:2
BRH:2
DA:17,5
DA:20,2
DA:22,3
DA:23,0
LH:3
LF:4
end_of_record
`

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestAddMergesPerSourceFile(t *testing.T) {
	r := NewReport()
	require.NoError(t, r.Add(strings.NewReader(testA), "a", nil))
	require.NoError(t, r.Add(strings.NewReader(testB), "b", nil))
	var out strings.Builder
	require.NoError(t, r.Write(&out))
	assert.Equal(t, merged, out.String())
	assert.Equal(t, 1, strings.Count(out.String(), "SF:libs/greeting/greeting.go"))
}

func TestAddIsOrderIndependent(t *testing.T) {
	ab, ba := NewReport(), NewReport()
	require.NoError(t, ab.Add(strings.NewReader(testA), "a", nil))
	require.NoError(t, ab.Add(strings.NewReader(testB), "b", nil))
	require.NoError(t, ba.Add(strings.NewReader(testB), "b", nil))
	require.NoError(t, ba.Add(strings.NewReader(testA), "a", nil))
	var x, y strings.Builder
	require.NoError(t, ab.Write(&x))
	require.NoError(t, ba.Write(&y))
	assert.Equal(t, x.String(), y.String())
}

func TestAddDropsFilteredSources(t *testing.T) {
	r := NewReport()
	drop := []*regexp.Regexp{regexp.MustCompile(`^(?:.*external/.+)$`)}
	in := "SF:external/com_github_x/x.go\nDA:1,1\nend_of_record\n" + testB
	require.NoError(t, r.Add(strings.NewReader(in), "in", drop))
	var out strings.Builder
	require.NoError(t, r.Write(&out))
	assert.NotContains(t, out.String(), "external/")
	assert.Contains(t, out.String(), "SF:libs/greeting/greeting.go\n")
}

func TestAddRejectsMalformedInput(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"DA:1,1\n", "bad:1: DA outside an SF ... end_of_record block"},
		{"SF:a.go\nDA:x,1\nend_of_record\n", "bad:2: DA line and hits must be numbers"},
		{"SF:a.go\nDA:1\nend_of_record\n", "bad:2: DA needs line,hits"},
		{"SF:a.go\nBRDA:1,0,0\nend_of_record\n", "bad:2: BRDA needs line,block,branch,taken"},
		{"SF:a.go\nFOO:1\nend_of_record\n", `bad:2: unknown LCOV record "FOO"`},
		{"SF:a.go\nSF:b.go\n", "bad:2: SF before end_of_record"},
		{"end_of_record\n", "bad:1: end_of_record without SF"},
		{"SF:a.go\nDA:1,1\n", "bad: ends inside the record of a source file"},
	} {
		err := NewReport().Add(strings.NewReader(tc.in), "bad", nil)
		if assert.Error(t, err, tc.in) {
			assert.Contains(t, err.Error(), tc.want, tc.in)
		}
	}
}

func TestRunMergesDirAndList(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "cov/a/coverage.dat", testA)
	write(t, dir, "cov/empty.dat", "")
	write(t, dir, "cov/notes.txt", "not a tracefile")
	b := write(t, dir, "b.dat", testB)
	list := write(t, dir, "reports", b+"\n\n")
	out := filepath.Join(dir, "out.dat")

	require.NoError(t, run([]string{
		"--coverage_dir=" + filepath.Dir(filepath.Dir(a)),
		"--reports_file=" + list,
		"--output_file=" + out,
		"--filter_sources=/usr/bin/.+",
		"--source_file_manifest=ignored",
	}))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, merged, string(got))
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "bad.dat", "SF:a.go\nDA:1\nend_of_record\n")
	out := filepath.Join(dir, "out.dat")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--coverage_dir=" + dir}, "--output_file= is required"},
		{[]string{"--output_file=" + out, "positional"}, `argument "positional": want --name=value`},
		{[]string{"--output_file=" + out, "--filter_sources=("}, "--filter_sources=(:"},
		{[]string{"--output_file=" + out, "--reports_file=" + filepath.Join(dir, "missing")}, "--reports_file:"},
		{[]string{"--output_file=" + out, "--coverage_dir=" + dir}, bad + ":2: DA needs line,hits"},
	} {
		err := run(tc.args)
		if assert.Error(t, err, tc.args) {
			assert.Contains(t, err.Error(), tc.want)
		}
	}
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output written on bad input")
}
