package graph

import (
	"bytes"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reached lists the main-repository targets Reach marks for these edited
// labels.
func reached(g *Graph, edited ...string) []string {
	r := g.Reach()
	from := r.From(edited)
	var out []string
	for _, t := range g.Targets() {
		if from[t.Label] {
			out = append(out, t.Label)
		}
	}
	return out
}

// Reach must agree with Hash: an edit of one source file changes exactly
// the hashes of the targets Reach marks.
func TestReachAgreesWithTheHashForEverySourceEdit(t *testing.T) {
	rules := append(baseRules(),
		// A toolchain that reads a file of this repository: every rule reads it.
		fakeRule{name: "@local_config//:toolchain", class: "toolchain", config: "exec", inputs: []string{"//tools:pin.txt"}})
	sources := append(append([]string(nil), baseSources...), "//tools:pin.txt")
	g, err := ParseGraph(bytes.NewReader(cqueryJSON(t, rules, sources)))
	require.NoError(t, err)
	base := newFake()
	base.files["//tools:pin.txt"] = "1.26.8"
	was := g.Hash(base)
	for _, src := range sources {
		t.Run(src, func(t *testing.T) {
			edited := newFake()
			edited.files["//tools:pin.txt"] = "1.26.8"
			edited.files[src] += " // edited"
			now := g.Hash(edited)
			var want []string
			for _, tg := range g.Targets() {
				if !bytes.Equal(was[tg.Label], now[tg.Label]) {
					want = append(want, tg.Label)
				}
			}
			sort.Strings(want)
			assert.NotEmpty(t, want)
			assert.Equal(t, want, reached(g, src))
		})
	}
	assert.Len(t, reached(g, "//tools:pin.txt"), len(g.Targets()), "a toolchain's file marks every target")
	assert.Equal(t, []string{"//libs/a:a_test"}, reached(g, "//libs/a:a_test.go"))
}

func TestReachLabelsAPathByItsFileOrDirectory(t *testing.T) {
	r := Reach{Sources: map[string]string{"libs/a/a.go": "//libs/a:a.go", "libs/a/testdata": "//libs/a:testdata"}}
	assert.Equal(t, "//libs/a:a.go", r.Label("libs/a/a.go"))
	assert.Equal(t, "//libs/a:testdata", r.Label("libs/a/testdata/in/x.json"))
	assert.Equal(t, "", r.Label("README.md"))
	assert.Equal(t, "", r.Label("libs/a/b.go"))
}
