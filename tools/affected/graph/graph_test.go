package graph

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeSources hashes from maps: what a test changes between two sides.
type fakeSources struct{ files, repos, defs map[string]string }

func (f fakeSources) File(l string) []byte       { return []byte("file " + f.files[l]) }
func (f fakeSources) Repo(n string) []byte       { return []byte("repo " + f.repos[n]) }
func (f fakeSources) Definition(e string) []byte { return []byte("def " + f.defs[e]) }

func newFake() fakeSources {
	return fakeSources{
		files: map[string]string{"//libs/a:a.go": "package a", "//libs/a:a_test.go": "package a", "//apps/x:main.go": "package main"},
		repos: map[string]string{"go_sdk": "1.26.8", "com_github_dep": "v1.0.0"},
		defs:  map[string]string{"tools/rules/defs.bzl:3:1: <toplevel>": "def"},
	}
}

type fakeRule struct {
	name, class, config string
	attrs               map[string]any
	inputs, defs        []string
}

// cqueryJSON writes what `cquery --output=jsonproto` would for these rules
// and source files.
func cqueryJSON(t *testing.T, rules []fakeRule, sources []string) []byte {
	t.Helper()
	var results []any
	for _, r := range rules {
		var attrs []any
		for k, v := range r.attrs {
			a := map[string]any{"name": k}
			switch v := v.(type) {
			case []string:
				a["stringListValue"] = v
			default:
				a["stringValue"] = v
			}
			attrs = append(attrs, a)
		}
		results = append(results, map[string]any{
			"target": map[string]any{"type": "RULE", "rule": map[string]any{
				"name": r.name, "ruleClass": r.class, "location": "/somewhere/BUILD:1:1",
				"attribute": attrs, "ruleInput": r.inputs, "definitionStack": r.defs,
			}},
			"configuration": map[string]any{"checksum": r.config},
		})
	}
	for _, s := range sources {
		results = append(results, map[string]any{
			"target":        map[string]any{"type": "SOURCE_FILE", "sourceFile": map[string]any{"name": s}},
			"configuration": map[string]any{"checksum": "null"},
		})
	}
	b, err := json.Marshal(map[string]any{"results": results})
	require.NoError(t, err)
	return b
}

func baseRules() []fakeRule {
	return []fakeRule{
		{name: "//libs/a:a", class: "go_library", config: "k8", attrs: map[string]any{"importpath": "m/libs/a"},
			inputs: []string{"//libs/a:a.go", "@com_github_dep//:dep"}},
		{name: "//libs/a:a_test", class: "go_test", config: "k8", inputs: []string{"//libs/a:a_test.go", "//libs/a:a"}},
		{name: "//apps/x:x", class: "go_binary", config: "k8", inputs: []string{"//apps/x:main.go"}},
		{name: "//apps/x:image", class: "_oci_image", config: "k8", inputs: []string{"//apps/x:x"},
			defs: []string{"tools/rules/defs.bzl:3:1: <toplevel>"}},
		{name: "//apps/x:manual", class: "genrule", config: "k8", attrs: map[string]any{"tags": []string{"manual"}}},
		{name: "@com_github_dep//:dep", class: "go_library", config: "k8"},
		// Reached by toolchain resolution only: no attribute names it.
		{name: "@go_sdk//:toolchain", class: "go_toolchain", config: "exec"},
	}
}

var baseSources = []string{"//libs/a:a.go", "//libs/a:a_test.go", "//apps/x:main.go"}

func graphOf(t *testing.T, rules []fakeRule) *Graph {
	t.Helper()
	g, err := ParseGraph(bytes.NewReader(cqueryJSON(t, rules, baseSources)))
	require.NoError(t, err)
	return g
}

// changed lists the main-repository targets whose hashes differ.
func changed(t *testing.T, before, after []fakeRule, srcBefore, srcAfter fakeSources) []string {
	t.Helper()
	gb, ga := graphOf(t, before), graphOf(t, after)
	hb, ha := gb.Hash(srcBefore), ga.Hash(srcAfter)
	var out []string
	for _, tg := range ga.Targets() {
		if !bytes.Equal(hb[tg.Label], ha[tg.Label]) {
			out = append(out, tg.Label)
		}
	}
	return out
}

func TestNothingChanged(t *testing.T) {
	assert.Empty(t, changed(t, baseRules(), baseRules(), newFake(), newFake()))
}

func TestSourceEditMarksItsDependents(t *testing.T) {
	after := newFake()
	after.files["//libs/a:a.go"] = "package a // edited"
	assert.Equal(t, []string{"//libs/a:a", "//libs/a:a_test"}, changed(t, baseRules(), baseRules(), newFake(), after))
}

func TestTestOnlyEditMarksTheTest(t *testing.T) {
	after := newFake()
	after.files["//libs/a:a_test.go"] = "package a // edited"
	assert.Equal(t, []string{"//libs/a:a_test"}, changed(t, baseRules(), baseRules(), newFake(), after))
}

func TestAttributeEdit(t *testing.T) {
	after := baseRules()
	after[2].attrs = map[string]any{"gc_linkopts": []string{"-s"}}
	assert.Equal(t, []string{"//apps/x:image", "//apps/x:x"}, changed(t, baseRules(), after, newFake(), newFake()))
}

func TestLocationsAreNotInputs(t *testing.T) {
	after := baseRules()
	after[2].attrs = map[string]any{"generator_location": "apps/x/BUILD.bazel:40"}
	assert.Empty(t, changed(t, baseRules(), after, newFake(), newFake()))
}

func TestRuleDefinitionEdit(t *testing.T) {
	after := newFake()
	after.defs["tools/rules/defs.bzl:3:1: <toplevel>"] = "def, edited"
	assert.Equal(t, []string{"//apps/x:image"}, changed(t, baseRules(), baseRules(), newFake(), after))
}

func TestExternalPinMarksWhatUsesIt(t *testing.T) {
	after := newFake()
	after.repos["com_github_dep"] = "v1.0.1"
	assert.Equal(t, []string{"//libs/a:a", "//libs/a:a_test"}, changed(t, baseRules(), baseRules(), newFake(), after))
}

func TestConfigurationChangeMarksTheTarget(t *testing.T) {
	after := baseRules()
	after[2].config = "k8-opt"
	assert.Equal(t, []string{"//apps/x:image", "//apps/x:x"}, changed(t, baseRules(), after, newFake(), newFake()))
}

// Toolchains are no attribute of the rules that use them: a change there
// marks every rule (an over-approximation, never a miss).
func TestToolchainChangeMarksEveryRule(t *testing.T) {
	after := newFake()
	after.repos["go_sdk"] = "1.26.9"
	assert.Len(t, changed(t, baseRules(), baseRules(), newFake(), after), 4)
}

func TestNewTargetIsAffected(t *testing.T) {
	after := append(baseRules(), fakeRule{name: "//libs/b:b", class: "go_library", config: "k8"})
	assert.Equal(t, []string{"//libs/b:b"}, changed(t, baseRules(), after, newFake(), newFake()))
}

func TestTargetsSkipManualAndExternalWithKindsAndGates(t *testing.T) {
	got := graphOf(t, append(baseRules(),
		fakeRule{name: "//tools:gate_test", class: "sh_test", config: "k8", attrs: map[string]any{"tags": []string{"lint"}}},
		fakeRule{name: "//tools:manual_gate_test", class: "sh_test", config: "k8", attrs: map[string]any{"tags": []string{"lint", "manual"}}},
		fakeRule{name: "//tools:lint_named", class: "genrule", config: "k8", attrs: map[string]any{"tags": []string{"lint"}}},
	)).Targets()
	var s []string
	for _, tg := range got {
		s = append(s, tg.Label+" "+tg.Kind)
		if tg.Gate {
			s[len(s)-1] += " gate"
		}
	}
	assert.Equal(t, "//apps/x:image image,//apps/x:x app,//libs/a:a other,//libs/a:a_test test,//tools:gate_test test gate,//tools:lint_named other", strings.Join(s, ","))
}

func TestGeneratedFileLeadsToItsRule(t *testing.T) {
	rules := []fakeRule{
		{name: "//libs/gen:gen", class: "genrule", config: "k8", attrs: map[string]any{"cmd": "echo 1 > $@"}},
		{name: "//libs/gen:use", class: "go_library", config: "k8", inputs: []string{"//libs/gen:out.go"}},
	}
	out := func(rs []fakeRule) []byte {
		b := cqueryJSON(t, rs, nil)
		var q map[string][]map[string]any
		require.NoError(t, json.Unmarshal(b, &q))
		q["results"][0]["target"].(map[string]any)["rule"].(map[string]any)["ruleOutput"] = []string{"//libs/gen:out.go"}
		b, err := json.Marshal(q)
		require.NoError(t, err)
		return b
	}
	after := []fakeRule{rules[0], rules[1]}
	after[0].attrs = map[string]any{"cmd": "echo 2 > $@"}
	gb, err := ParseGraph(bytes.NewReader(out(rules)))
	require.NoError(t, err)
	ga, err := ParseGraph(bytes.NewReader(out(after)))
	require.NoError(t, err)
	hb, ha := gb.Hash(newFake()), ga.Hash(newFake())
	assert.NotEqual(t, hb["//libs/gen:use"], ha["//libs/gen:use"])
}

func TestParseGraphRejectsGarbage(t *testing.T) {
	_, err := ParseGraph(strings.NewReader("INFO: Analyzed 3 targets"))
	assert.ErrorContains(t, err, "reading cquery --output=jsonproto")
}

// Label-level cycles: a depends on b in one configuration, b on a in another.
func TestCyclesHashTheSameEveryTime(t *testing.T) {
	rules := []fakeRule{
		{name: "//libs/a:a", class: "go_library", config: "k8", inputs: []string{"//libs/b:b", "//libs/a:a.go"}},
		{name: "//libs/b:b", class: "go_library", config: "exec", inputs: []string{"//libs/a:a"}},
		{name: "//libs/c:c", class: "go_library", config: "k8", inputs: []string{"//libs/b:b"}},
	}
	first := graphOf(t, rules).Hash(newFake())
	for i := 0; i < 20; i++ {
		assert.Equal(t, first, graphOf(t, rules).Hash(newFake()), "run %d", i)
	}
	after := newFake()
	after.files["//libs/a:a.go"] = "edited"
	assert.Equal(t, []string{"//libs/a:a", "//libs/b:b", "//libs/c:c"}, changed(t, rules, rules, newFake(), after))
}

func TestExplainFollowsTheChain(t *testing.T) {
	after := newFake()
	after.files["//libs/a:a.go"] = "package a // edited"
	g := graphOf(t, baseRules())
	assert.Equal(t, []string{
		"//libs/a:a_test: input //libs/a:a",
		"//libs/a:a: input //libs/a:a.go",
		"//libs/a:a.go: contents",
	}, Explain(g, newFake(), g, after, "//libs/a:a_test"))
	assert.Empty(t, Explain(g, newFake(), g, after, "//apps/x:x"))
}
