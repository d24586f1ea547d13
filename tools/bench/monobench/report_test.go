package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runsOf(secs ...float64) []result {
	var rs []result
	for _, s := range secs {
		rs = append(rs, result{Seconds: s})
	}
	return rs
}

func TestGoalsUseMediansAndThresholds(t *testing.T) {
	r := sizeResult{
		Shape: Shape{Libs: 25},
		Bazel: map[string][]result{
			"cold":      runsOf(100, 300, 240),
			"leaf":      runsOf(1.3, 1.3, 1.3), // young server: reported, not the goal at N = 25
			"leaf-aged": runsOf(1.2, 1.2, 1.2),
		},
		Go: map[string][]result{
			"cold":      runsOf(100, 100, 100),
			"leaf":      runsOf(1, 1, 1),
			"leaf-aged": runsOf(1, 1, 1),
		},
		Gates:   runsOf(0.9, 9, 0.8), // one outlier: the median is 0.9
		Gazelle: runsOf(2, 2, 2),
		HeapMiB: []float64{500, 3000, 600},
		Remote:  &remoteResult{Build: result{Seconds: 40, Hits: 10}},
	}
	goals := func() map[string]bool {
		got := map[string]bool{}
		for _, g := range r.goals() {
			got[g.goal] = g.met
		}
		return got
	}
	assert.Equal(t, map[string]bool{
		"cold <= 2.5x go":                                                   true, // 2.4x
		"no-op with the source gates <= 1 s":                                true, // 0.9 s
		"leaf-aged <= 1.2x go":                                              true, // 1.2x
		"gazelle over the whole tree <= 10 s":                               true,
		"server heap after a cold build <= 2 GiB":                           true, // 600 MiB
		"clean output base + warm remote cache <= 20 % of cold, 100 % hits": true, // 40 s of 240 s
	}, goals())

	r.Shape.Libs = 200 // the cold goal tightens to 2x; the leaf goal is the young server's
	assert.False(t, goals()["cold <= 2x go"], "2.4x at N = 200")
	assert.False(t, goals()["leaf <= 1.2x go"], "1.3x at N = 200")

	r.HeapMiB = []float64{3000, 3000, 600}
	r.Gazelle = runsOf(11)
	assert.False(t, goals()["server heap after a cold build <= 2 GiB"])
	assert.False(t, goals()["gazelle over the whole tree <= 10 s"])

	r.Remote.Build.Work = 1 // one miss
	assert.False(t, goals()["clean output base + warm remote cache <= 20 % of cold, 100 % hits"], "a single remote cache miss misses the goal")
}

func TestParseMiB(t *testing.T) {
	for in, want := range map[string]float64{"72MB": 72, "2GB": 2048, "512KB": 0.5, " 1234MB\n": 1234} {
		got, err := parseMiB(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := parseMiB("ERROR: no server")
	assert.Error(t, err)
}

func TestGrowthExponent(t *testing.T) {
	assert.InDelta(t, 1, growth(25, 10, 1000, 400), 1e-9, "40x the packages, 40x the cost")
	assert.InDelta(t, 2, growth(10, 1, 100, 100), 1e-9)
	assert.True(t, math.IsNaN(growth(25, 0, 1000, 5)), "no cost measured")
}

func TestResultsMergeBySize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.json")
	old, err := loadResults(path)
	require.NoError(t, err, "a missing file is no results")
	assert.Empty(t, old)
	mk := func(n int, date string) sizeResult { return sizeResult{Shape: Shape{Libs: n}, Date: date} }
	all := merge([]sizeResult{mk(25, "a"), mk(200, "a"), mk(100, "a")}, []sizeResult{mk(1000, "b"), mk(100, "b")})
	var got []string
	for _, r := range all {
		got = append(got, fmt.Sprintf("%d %s", r.Shape.Libs, r.Date))
	}
	assert.Equal(t, []string{"25 a", "100 b", "200 a", "1000 b"}, got)

	require.NoError(t, os.WriteFile(path, []byte("{"), 0o644))
	_, err = loadResults(path)
	assert.ErrorContains(t, err, path)
}

func TestCostPerPackageFlagsFasterThanLinear(t *testing.T) {
	mk := func(n int, query float64) sizeResult {
		return sizeResult{Shape: Shape{Libs: n, Apps: n / 10}, Query: runsOf(query),
			Bazel: map[string][]result{"cold": runsOf(float64(n))}, Go: map[string][]result{}}
	}
	table := costPerPackage([]sizeResult{mk(100, 1), mk(1000, 100)})
	assert.Contains(t, table, "| cold bazel test, ms | 909.09 | 909.09 | 1.00 |")
	assert.Contains(t, table, "| bazel query //..., ms | 9.09 | 90.91 | 2.00 **faster than linear** |")
	assert.Empty(t, costPerPackage([]sizeResult{mk(100, 1)}), "one size has no growth")
}

func TestGoalsBySizeHasARowPerGoalAndAColumnPerSize(t *testing.T) {
	mk := func(n int, cold float64, remote *remoteResult) sizeResult {
		return sizeResult{Shape: Shape{Libs: n}, Remote: remote,
			Bazel:   map[string][]result{"cold": runsOf(cold), "leaf": runsOf(1), "leaf-aged": runsOf(1)},
			Go:      map[string][]result{"cold": runsOf(100), "leaf": runsOf(1), "leaf-aged": runsOf(1)},
			Gates:   runsOf(0.5),
			Gazelle: runsOf(1),
			HeapMiB: []float64{100}}
	}
	table := goalsBySize([]sizeResult{mk(25, 240, nil), mk(1000, 210, &remoteResult{Build: result{Seconds: 21, Hits: 5}})})
	assert.Contains(t, table, "| goal | N = 25 | N = 1000 |")
	assert.Contains(t, table, "| cold `bazel test` <= 2x go (2.5x below N = 200) | 2.40x, yes | 2.10x, **no** |", "2.5x below N = 200, 2x from it")
	assert.Contains(t, table, "| no-op with the source gates <= 1 s | 0.50 s, yes | 0.50 s, yes |")
	assert.Contains(t, table, "| clean output base + warm remote cache <= 20 % of cold, 100 % hits | - | 10 %, yes |", "a size without -remote has no figure")
	assert.Equal(t, 2+6, strings.Count(table, "\n|"), "a header, a rule and six goals")
}
