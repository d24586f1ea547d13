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
		Bazel: map[string][]result{
			"cold":  runsOf(100, 300, 200),
			"no-op": runsOf(0.45, 9, 0.4), // one outlier: the median is 0.45
			"leaf":  runsOf(1.6, 1.6, 1.6),
		},
		Go: map[string][]result{
			"no-op": runsOf(0.4, 0.4, 0.4),
			"leaf":  runsOf(1, 1, 1),
		},
		Remote: &remoteResult{Build: result{Seconds: 40, Hits: 10}},
	}
	got := map[string]bool{}
	for _, g := range r.goals() {
		got[g.goal] = g.met
	}
	assert.Equal(t, map[string]bool{
		"no-op bazel test <= 0.5 s": true,  // 0.45 s
		"no-op <= 1.5x go":          true,  // 1.125x
		"leaf edit <= 1.5x go":      false, // 1.6x
		"clean output base + warm remote cache <= 20 % of cold, 100 % hits": true, // 40 s of 200 s
	}, got)

	r.Remote.Build.Work = 1 // one miss
	assert.False(t, r.goals()[3].met, "a single remote cache miss misses the goal")
}
