package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeAction is one action: its target, key, inputs and output (exec paths).
type fakeAction struct {
	label, key string
	inputs     []string
	output     string
}

// writeRevision writes a snapshot directory: aquery.json from the actions,
// sources.json from the source hashes, cquery.json with the rules (label ->
// the labels it depends on).
func writeRevision(t *testing.T, actions []fakeAction, sources map[string]string, rules map[string][]string) string {
	t.Helper()
	dir := t.TempDir()
	ids := map[string]int{}
	var frags, arts, depsets, acts, targets []map[string]any
	artifact := func(p string) int {
		if id, ok := ids[p]; ok {
			return id
		}
		id := len(ids) + 1
		ids[p] = id
		frags = append(frags, map[string]any{"id": id, "label": p})
		arts = append(arts, map[string]any{"id": id, "pathFragmentId": id})
		return id
	}
	tids := map[string]int{}
	for i, a := range actions {
		if tids[a.label] == 0 {
			tids[a.label] = len(tids) + 1
			targets = append(targets, map[string]any{"id": tids[a.label], "label": a.label})
		}
		var in []int
		for _, p := range a.inputs {
			in = append(in, artifact(p))
		}
		depsets = append(depsets, map[string]any{"id": i + 1, "directArtifactIds": in})
		out := artifact(a.output)
		acts = append(acts, map[string]any{"targetId": tids[a.label], "actionKey": a.key, "inputDepSetIds": []int{i + 1},
			"outputIds": []int{out}, "primaryOutputId": out})
	}
	write := func(name string, v any) {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	write("aquery.json", map[string]any{"artifacts": arts, "actions": acts, "targets": targets,
		"depSetOfFiles": depsets, "pathFragments": frags})
	write("sources.json", sources)
	var results []any
	for label, deps := range rules {
		results = append(results, map[string]any{
			"target":        map[string]any{"type": "RULE", "rule": map[string]any{"name": label, "ruleClass": "go_library", "ruleInput": deps}},
			"configuration": map[string]any{"checksum": "k8"},
		})
	}
	write("cquery.json", map[string]any{"results": results})
	return dir
}

var (
	actions = []fakeAction{
		{"//libs/a:a", "k1", []string{"libs/a/a.go"}, "bazel-out/bin/libs/a/a.a"},
		{"//apps/x:x", "k2", []string{"bazel-out/bin/libs/a/a.a", "apps/x/main.go"}, "bazel-out/bin/apps/x/x"},
		{"//libs/b:b", "k3", []string{"libs/b/b.go"}, "bazel-out/bin/libs/b/b.a"},
	}
	rules = map[string][]string{"//libs/a:a": nil, "//apps/x:x": {"//libs/a:a"}, "//libs/b:b": nil,
		"//apps/x:suite": {"//apps/x:x"}} // suite: no actions of its own
	sources = map[string]string{"libs/a/a.go": "1", "apps/x/main.go": "1", "libs/b/b.go": "1"}
)

// compareWith runs compare on before and after with the tool's answer.
func compareWith(t *testing.T, before, after string, tool ...string) (string, error) {
	t.Helper()
	var targets []map[string]string
	for _, l := range tool {
		targets = append(targets, map[string]string{"label": l, "kind": "other"})
	}
	b, err := json.Marshal(map[string]any{"targets": targets})
	require.NoError(t, err)
	answer := filepath.Join(t.TempDir(), "affected.json")
	require.NoError(t, os.WriteFile(answer, b, 0o644))
	var out bytes.Buffer
	err = compare(before, after, answer, &out)
	return out.String(), err
}

func TestSourceEditReachesDependentsThroughArtifactsAndDeps(t *testing.T) {
	before := writeRevision(t, actions, sources, rules)
	edited := map[string]string{"libs/a/a.go": "2", "apps/x/main.go": "1", "libs/b/b.go": "1"}
	after := writeRevision(t, actions, edited, rules)
	out, err := compareWith(t, before, after, "//libs/a:a", "//apps/x:x", "//apps/x:suite", "//libs/b:b")
	require.NoError(t, err)
	assert.Contains(t, out, "truth 3, tool 4 (everything: false), missed 0, extra 1; 1 source files changed")

	out, err = compareWith(t, before, after, "//libs/a:a")
	assert.ErrorContains(t, err, "missed 2 affected targets")
	assert.Contains(t, out, "missed //apps/x:suite\nmissed //apps/x:x\n")
}

func TestActionKeyChange(t *testing.T) {
	before := writeRevision(t, actions, sources, rules)
	rekeyed := append([]fakeAction{}, actions...)
	rekeyed[2].key = "k3'"
	after := writeRevision(t, rekeyed, sources, rules)
	out, err := compareWith(t, before, after)
	assert.Error(t, err)
	assert.Contains(t, out, "missed //libs/b:b\n")
	assert.NotContains(t, out, "missed //libs/a:a")
}

func TestNothingChanged(t *testing.T) {
	before := writeRevision(t, actions, sources, rules)
	out, err := compareWith(t, before, writeRevision(t, actions, sources, rules))
	require.NoError(t, err)
	assert.Contains(t, out, "truth 0, tool 0")
}

func TestSnapshotHashesSourcesBelowRootAndOutputBase(t *testing.T) {
	dir := writeRevision(t, []fakeAction{{"//libs/a:a", "k", []string{"libs/a/a.go", "external/dep/dep.go"}, "bazel-out/a.a"}}, nil, nil)
	root, ob := t.TempDir(), t.TempDir()
	for _, f := range []string{filepath.Join(root, "libs/a/a.go"), filepath.Join(ob, "external/dep/dep.go")} {
		require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
		require.NoError(t, os.WriteFile(f, []byte("package x\n"), 0o644))
	}
	require.NoError(t, snapshot(dir, root, ob))
	var sums map[string]string
	b, err := os.ReadFile(filepath.Join(dir, "sources.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &sums))
	assert.Len(t, sums, 2)
	assert.Equal(t, sums["libs/a/a.go"], sums["external/dep/dep.go"], "the same contents, the same hash")
	assert.NotContains(t, sums["external/dep/dep.go"], "unreadable")
}
