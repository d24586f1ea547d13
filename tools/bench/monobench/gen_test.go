package main

import (
	"go/parser"
	"go/token"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGraphIsADeterministicDAG(t *testing.T) {
	s := Shape{Libs: 50, Apps: 5, Seed: 1}
	libs, apps := s.graph()
	libs2, apps2 := s.graph()
	assert.Equal(t, libs, libs2)
	assert.Equal(t, apps, apps2)
	fanIn := make([]int, s.Libs)
	for i, deps := range libs {
		for _, d := range deps {
			require.Less(t, d, i, "lib %d depends on %d: not a DAG in index order", i, d)
			fanIn[d]++
		}
	}
	for _, deps := range apps {
		require.NotEmpty(t, deps)
	}
	assert.Greater(t, fanIn[0], fanIn[s.Libs-1], "low indices are the most depended on")
	assert.Zero(t, fanIn[s.Libs-1], "the last lib is a leaf")
}

func TestValueMatchesTheGeneratedFormula(t *testing.T) {
	libs := [][]int{nil, {0}, {0, 1}}
	memo := map[[2]int]int{}
	// lib0: 3*2+0 = 6; lib1: 3*3+1 + 6 = 16; lib2: 3*4+2 + 6 + 16 = 36
	assert.Equal(t, 6, value(libs, memo, 0, 3))
	assert.Equal(t, 16, value(libs, memo, 1, 3))
	assert.Equal(t, 36, value(libs, memo, 2, 3))
}

func TestProcesses(t *testing.T) {
	work, hits := processes("INFO: 2 processes: 1 internal, 1 linux-sandbox.\nINFO: 947 processes: 741 remote cache hit, 132 internal, 68 linux-sandbox, 6 local.\n")
	assert.Equal(t, 74, work, "the last summary: linux-sandbox + local")
	assert.Equal(t, 741, hits)
	work, hits = processes("no summary")
	assert.Zero(t, work+hits)
}

func TestMedian(t *testing.T) {
	assert.Equal(t, 2.0, median([]result{{Seconds: 3}, {Seconds: 1}, {Seconds: 2}}).Seconds)
	assert.Equal(t, 5.0, median([]result{{Seconds: 5}}).Seconds)
}

func TestEditKeepsValuesAndChangesCode(t *testing.T) {
	dir := t.TempDir()
	s := Shape{Libs: 3, Apps: 1, Seed: 1}
	require.NoError(t, Generate(dir, "example.com/monorepo", s))
	path := filepath.Join(dir, "libs", s.Root(), s.Root()+".go")
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, Edit(dir, s.Root(), 1))
	require.NoError(t, Edit(dir, s.Root(), 2))
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(after), "\tif x == -1 {\n\t\tv++\n\t}\n\tif x == -2 {\n\t\tv++\n\t}\n\treturn v\n}\n")
	assert.Equal(t, len(before)+2*len("\tif x == -1 {\n\t\tv++\n\t}\n"), len(after))
	assert.Error(t, Edit(dir, "l9999", 1))
}

func TestAppendLineKeepsTheFileAPackage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "greeting.go")
	require.NoError(t, os.WriteFile(path, []byte("// Package greeting greets.\npackage greeting\n\nfunc Greet() string { return \"hi\" }\n"), 0o644))
	require.NoError(t, AppendLine(path))
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	require.NoError(t, err)
	assert.Len(t, f.Decls, 2, "the function and the new variable")
	assert.Error(t, AppendLine(filepath.Join(t.TempDir(), "missing.go")))
}

func TestReportAndPlot(t *testing.T) {
	mk := func(n int, scale float64) sizeResult {
		r := sizeResult{Shape: Shape{Libs: n, Apps: 1}, Bazel: map[string][]result{}, Go: map[string][]result{}}
		for i, p := range phases {
			r.Bazel[p] = []result{{Seconds: scale * float64(i+1), Work: n}}
			r.Go[p] = []result{{Seconds: scale * float64(i+1) / 2, Work: 1}}
		}
		return r
	}
	all := []sizeResult{mk(25, 1), mk(100, 4)}
	md := renderReport(all)
	assert.Contains(t, md, "| edit a leaf lib, rerun (server 3 commands old) | 3.00 | 1.50 | 2.00 | 25 | 1 |")
	assert.Contains(t, md, "## Cost per package")

	path := filepath.Join(t.TempDir(), "results.png")
	require.NoError(t, writePlot(path, all))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 900, 520), img.Bounds())
}
