package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
			"cold":  runsOf(100, 300, 240),
			"rerun": runsOf(0.6, 0.6, 0.6),
			"no-op": runsOf(0.45, 9, 0.4), // one outlier: the median is 0.45
			"leaf":  runsOf(1.3, 1.3, 1.3),
			"root":  runsOf(1.2, 1.2, 1.2),
		},
		Go: map[string][]result{
			"cold":  runsOf(100, 100, 100),
			"no-op": runsOf(0.4, 0.4, 0.4),
			"leaf":  runsOf(1, 1, 1),
			"root":  runsOf(1, 1, 1),
		},
		Remote: &remoteResult{Build: result{Seconds: 40, Hits: 10}},
	}
	goals := func() map[string]bool {
		got := map[string]bool{}
		for _, g := range r.goals() {
			got[g.goal] = g.met
		}
		return got
	}
	assert.Equal(t, map[string]bool{
		"cold <= 2.5x go":                 true,  // 2.4x
		"first rerun after cold <= 0.5 s": false, // 0.6 s
		"no-op <= 0.5 s":                  true,  // 0.45 s
		"no-op <= 1.5x go":                true,  // 1.125x
		"leaf <= 1.2x go":                 false, // 1.3x
		"root <= 1.2x go":                 true,  // 1.2x
		"clean output base + warm remote cache <= 20 % of cold, 100 % hits": true, // 40 s of 240 s
	}, goals())

	r.Shape.Libs = 200 // the cold goal tightens to 2x
	assert.False(t, goals()["cold <= 2x go"], "2.4x at N = 200")

	r.Remote.Build.Work = 1 // one miss
	assert.False(t, goals()["clean output base + warm remote cache <= 20 % of cold, 100 % hits"], "a single remote cache miss misses the goal")
}
