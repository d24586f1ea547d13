// Package graph hashes a configured Bazel build graph, as `bazel cquery
// 'deps(//...)' --output=jsonproto --proto:definition_stack` prints it, so that
// two revisions' graphs can be compared target by target (the method of
// bazel-contrib/target-determinator).
package graph

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// cquery is the part of `bazel cquery --output=jsonproto
// --proto:definition_stack` that the hash reads.
type cquery struct {
	Results []struct {
		Target struct {
			Type string `json:"type"`
			Rule *struct {
				Name            string            `json:"name"`
				RuleClass       string            `json:"ruleClass"`
				Attribute       []json.RawMessage `json:"attribute"`
				RuleInput       []string          `json:"ruleInput"`
				RuleOutput      []string          `json:"ruleOutput"`
				DefinitionStack []string          `json:"definitionStack"`
			} `json:"rule"`
			SourceFile *struct {
				Name string `json:"name"`
			} `json:"sourceFile"`
			GeneratedFile *struct {
				Name           string `json:"name"`
				GeneratingRule string `json:"generatingRule"`
			} `json:"generatedFile"`
			PackageGroup json.RawMessage `json:"packageGroup"`
		} `json:"target"`
		Configuration struct {
			Checksum string `json:"checksum"`
		} `json:"configuration"`
	} `json:"results"`
}

type nodeKind int

const (
	ruleNode nodeKind = iota
	sourceNode
	generatedNode
	groupNode
)

// node is one configured target.
type node struct {
	label     string
	config    string
	kind      nodeKind
	ruleClass string
	// tags: manual (not in //...), lint (a source gate, when a test)
	manual, lint bool
	// own is what the target says of itself: attributes (without locations),
	// for a package group its contents.
	own []byte
	// defs are the .bzl files (or external repositories) that define the rule.
	defs   []string
	inputs []string
}

// Graph is a configured build graph: every (label, configuration) of
// `deps(//...)`.
type Graph struct {
	nodes   map[string][]*node
	outputs map[string]string // a rule's declared output file -> the rule
}

// ParseGraph reads cquery's jsonproto output.
func ParseGraph(r io.Reader) (*Graph, error) {
	var q cquery
	if err := json.NewDecoder(r).Decode(&q); err != nil {
		return nil, fmt.Errorf("reading cquery --output=jsonproto: %w", err)
	}
	g := &Graph{nodes: map[string][]*node{}, outputs: map[string]string{}}
	for _, res := range q.Results {
		t := res.Target
		n := &node{config: res.Configuration.Checksum}
		switch {
		case t.Rule != nil:
			n.kind, n.label, n.ruleClass = ruleNode, t.Rule.Name, t.Rule.RuleClass
			n.inputs, n.defs = t.Rule.RuleInput, t.Rule.DefinitionStack
			own, tags, err := attributes(t.Rule.Attribute)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", n.label, err)
			}
			n.own, n.manual, n.lint = own, slices.Contains(tags, "manual"), slices.Contains(tags, "lint")
			for _, o := range t.Rule.RuleOutput {
				g.outputs[o] = n.label
			}
		case t.SourceFile != nil:
			n.kind, n.label = sourceNode, t.SourceFile.Name
		case t.GeneratedFile != nil:
			n.kind, n.label = generatedNode, t.GeneratedFile.Name
			n.inputs = []string{t.GeneratedFile.GeneratingRule}
		case t.PackageGroup != nil:
			var pg map[string]json.RawMessage
			if err := json.Unmarshal(t.PackageGroup, &pg); err != nil {
				return nil, fmt.Errorf("package group: %w", err)
			}
			if err := json.Unmarshal(pg["name"], &n.label); err != nil {
				return nil, fmt.Errorf("package group name: %w", err)
			}
			delete(pg, "location")
			n.kind = groupNode
			n.own, _ = json.Marshal(pg)
		default:
			return nil, fmt.Errorf("cquery result of unknown type %q", t.Type)
		}
		g.nodes[n.label] = append(g.nodes[n.label], n)
	}
	for _, ns := range g.nodes {
		sort.Slice(ns, func(i, j int) bool { return ns[i].config < ns[j].config })
	}
	return g, nil
}

// attributes returns a rule's attributes as hash input, without
// generator_location (a line number that moves with unrelated edits), and
// its tags.
func attributes(attrs []json.RawMessage) ([]byte, []string, error) {
	var own []byte
	var tags []string
	for _, raw := range attrs {
		var a struct {
			Name            string   `json:"name"`
			StringListValue []string `json:"stringListValue"`
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, nil, fmt.Errorf("attribute: %w", err)
		}
		switch a.Name {
		case "generator_location":
			continue
		case "tags":
			tags = a.StringListValue
		}
		own = append(own, raw...)
		own = append(own, '\n')
	}
	return own, tags, nil
}

// Target is a rule of the main repository that `//...` builds.
type Target struct {
	Label string `json:"label"`
	// Kind is test, app (a go_binary under //apps), image (an oci_ rule) or other.
	Kind string `json:"kind"`
	// Gate is a source gate: a test tagged lint, which reads the tree
	// outside the build graph (tools/lint), so no hash can say it is unaffected.
	Gate bool `json:"gate,omitempty"`
}

// Targets lists the rules of the main repository that `bazel build //...`
// would build (not tagged manual), sorted.
func (g *Graph) Targets() []Target {
	var out []Target
	for label, ns := range g.nodes {
		n := ns[0]
		if n.kind != ruleNode || !strings.HasPrefix(label, "//") || n.manual {
			continue
		}
		kind := kindOf(label, n.ruleClass)
		out = append(out, Target{Label: label, Kind: kind, Gate: kind == "test" && n.lint})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

func kindOf(label, ruleClass string) string {
	switch {
	case strings.HasSuffix(ruleClass, "_test") || ruleClass == "test_suite":
		return "test"
	case strings.Contains(ruleClass, "oci_"):
		return "image"
	case ruleClass == "go_binary" && strings.HasPrefix(label, "//apps/"):
		return "app"
	}
	return "other"
}

// Sources are what a hash reads besides the graph: a main-repository file's
// contents, an external repository's definition, a rule definition's .bzl file.
type Sources interface {
	// File hashes a source file of the main repository by its label.
	File(label string) []byte
	// Repo hashes an external repository's definition.
	Repo(name string) []byte
	// Definition hashes where a rule is defined: one definitionStack entry.
	Definition(entry string) []byte
}

// Hash gives every configured target a hash over what can change its
// outputs: rule class and definition, attributes, configuration, and each
// input's hash; a source file is its contents, a file of an external
// repository that repository's definition. Inputs that are no attribute of
// the rule (resolved toolchains) are the targets no attribute edge reaches;
// their hash goes into every rule's.
func (g *Graph) Hash(src Sources) map[string][]byte {
	h := g.hasher(src)
	out := map[string][]byte{}
	for l := range g.nodes {
		out[l] = h.label(l)
	}
	return out
}

// orphans are the labels outside the main repository that no attribute edge
// from it reaches: what cquery's deps() found through toolchain resolution.
func (g *Graph) orphans() []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(l string) {
		if seen[l] {
			return
		}
		seen[l] = true
		if r, ok := g.outputs[l]; ok {
			walk(r)
		}
		for _, n := range g.nodes[l] {
			for _, in := range n.inputs {
				walk(in)
			}
		}
	}
	for l := range g.nodes {
		if strings.HasPrefix(l, "//") {
			walk(l)
		}
	}
	var out []string
	for l := range g.nodes {
		if !seen[l] {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

type hasher struct {
	g      *Graph
	src    Sources
	hidden []byte
	labels map[string][]byte
}

// label is a label's hash over all its configurations.
func (h *hasher) label(l string) []byte {
	return h.labels[l]
}

// succ are the labels l's hash reads: its configurations' inputs, or for a
// declared output file the rule that makes it.
func (g *Graph) succ(l string) []string {
	if ns := g.nodes[l]; len(ns) > 0 {
		var out []string
		for _, n := range ns {
			out = append(out, n.inputs...)
		}
		return out
	}
	if r, ok := g.outputs[l]; ok {
		return []string{r}
	}
	return nil
}

// hashAll hashes every label, a strongly connected component at a time in
// dependency order (Tarjan's algorithm). The graph of labels can have cycles
// where the configured graph has none (a label depends on another in one
// configuration and back in another); the members of one are hashed
// together, so the result does not depend on the order of the walk.
func (h *hasher) hashAll() {
	index, low := map[string]int{}, map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var strong func(string)
	strong = func(v string) {
		index[v], low[v] = len(index), len(index)
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range h.g.succ(v) {
			if _, seen := index[w]; !seen {
				strong(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		members := map[string]bool{}
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			members[w] = true
			if w == v {
				break
			}
		}
		h.hashComponent(members)
	}
	labels := make([]string, 0, len(h.g.nodes))
	for l := range h.g.nodes {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		if _, seen := index[l]; !seen {
			strong(l)
		}
	}
}

// hashComponent hashes the labels of one strongly connected component; the
// labels it depends on outside it are hashed already.
func (h *hasher) hashComponent(members map[string]bool) {
	own := map[string][]byte{}
	names := make([]string, 0, len(members))
	for l := range members {
		own[l] = h.own(l, members)
		names = append(names, l)
	}
	if len(names) == 1 {
		h.labels[names[0]] = own[names[0]]
		return
	}
	sort.Strings(names)
	all := sha256.New()
	for _, l := range names {
		fmt.Fprintf(all, "%s\n", l)
		all.Write(own[l])
	}
	sum := all.Sum(nil)
	for _, l := range names {
		s := sha256.New()
		s.Write(own[l])
		s.Write(sum)
		h.labels[l] = s.Sum(nil)
	}
}

// own hashes one label; an input in its own component is named, not hashed.
func (h *hasher) own(l string, members map[string]bool) []byte {
	s := sha256.New()
	input := func(in string) {
		fmt.Fprintf(s, "input %s\n", in)
		if !members[in] {
			s.Write(h.labels[in])
		}
	}
	switch ns := h.g.nodes[l]; {
	case len(ns) > 0:
		for _, n := range ns {
			h.writeNode(s, n)
			for _, in := range n.inputs {
				input(in)
			}
		}
	case h.g.outputs[l] != "":
		fmt.Fprintf(s, "output of %s\n", h.g.outputs[l])
		input(h.g.outputs[l])
	default:
		fmt.Fprintf(s, "absent %s\n", l)
	}
	return s.Sum(nil)
}

// writeNode writes what a configured target says of itself.
func (h *hasher) writeNode(s io.Writer, n *node) {
	fmt.Fprintf(s, "%d %s %s %s\n", n.kind, n.label, n.ruleClass, n.config)
	s.Write(n.own)
	if repo := repoOf(n.label); repo != "" {
		// Its BUILD file, sources and .bzl files come with the repository.
		s.Write(h.src.Repo(repo))
	} else if n.kind == sourceNode {
		s.Write(h.src.File(n.label))
	}
	for _, d := range n.defs {
		// An external rule's relative entries are in its own repository.
		if repoOf(n.label) == "" || strings.HasPrefix(d, "/") {
			s.Write(h.src.Definition(d))
		}
	}
	if n.kind == ruleNode {
		s.Write(h.hidden)
	}
}

// Deps are the labels a target's attributes name, in any configuration; a
// declared output file is replaced by the rule that makes it.
func (g *Graph) Deps(label string) []string {
	var out []string
	for _, n := range g.nodes[label] {
		for _, in := range n.inputs {
			if r, ok := g.outputs[in]; ok {
				in = r
			}
			out = append(out, in)
		}
	}
	return out
}

// repoOf is the external repository a label is in, "" for the main one.
func repoOf(label string) string {
	if !strings.HasPrefix(label, "@") {
		return ""
	}
	name, _, _ := strings.Cut(label[1:], "//")
	return name
}

// Explain says why label's hash differs between two sides (base, then
// head): the chain of inputs down to the first difference that is not
// another input's, one line per step. Empty when the hashes are equal.
func Explain(base *Graph, baseSrc Sources, head *Graph, headSrc Sources, label string) []string {
	b, h := base.hasher(baseSrc), head.hasher(headSrc)
	var out []string
	seen := map[string]bool{}
	for l := label; l != "" && !seen[l]; {
		seen[l] = true
		why, next := explainLabel(b, h, l)
		if why == "" {
			break
		}
		out = append(out, l+": "+why)
		l = next
	}
	return out
}

// hasher is the one Hash uses. The hidden inputs are hashed first, without
// themselves.
func (g *Graph) hasher(src Sources) *hasher {
	h := &hasher{g: g, src: src, labels: map[string][]byte{}}
	h.hashAll()
	hidden := sha256.New()
	for _, l := range g.orphans() {
		hidden.Write([]byte(l))
		hidden.Write(h.label(l))
	}
	h = &hasher{g: g, src: src, hidden: hidden.Sum(nil), labels: map[string][]byte{}}
	h.hashAll()
	return h
}

// explainLabel finds the first difference in one label; next is the input to
// follow when the difference is there.
func explainLabel(b, h *hasher, l string) (why, next string) {
	if bytes.Equal(b.label(l), h.label(l)) {
		return "", ""
	}
	bn, hn := b.g.nodes[l], h.g.nodes[l]
	if len(bn) == 0 {
		return "new", ""
	}
	if len(bn) != len(hn) {
		return fmt.Sprintf("in %d configurations, was %d", len(hn), len(bn)), ""
	}
	for i := range hn {
		x, y := bn[i], hn[i]
		switch {
		case x.config != y.config:
			return fmt.Sprintf("configuration %s, was %s", y.config, x.config), ""
		case x.ruleClass != y.ruleClass:
			return fmt.Sprintf("rule class %s, was %s", y.ruleClass, x.ruleClass), ""
		case !bytes.Equal(x.own, y.own):
			return "attributes", ""
		case strings.Join(x.inputs, " ") != strings.Join(y.inputs, " "):
			return "the list of inputs", ""
		}
		if repo := repoOf(l); repo != "" && !bytes.Equal(b.src.Repo(repo), h.src.Repo(repo)) {
			return "external repository @" + repo, ""
		}
		if repoOf(l) == "" && y.kind == sourceNode && !bytes.Equal(b.src.File(l), h.src.File(l)) {
			return "contents", ""
		}
		for _, d := range y.defs {
			if !bytes.Equal(b.src.Definition(d), h.src.Definition(d)) {
				return "rule definition " + d, ""
			}
		}
		if y.kind == ruleNode && !bytes.Equal(b.hidden, h.hidden) {
			for _, o := range h.g.orphans() {
				if !bytes.Equal(b.label(o), h.label(o)) {
					return "a toolchain (no attribute names it): " + o, o
				}
			}
			return "the toolchains", ""
		}
		for _, in := range y.inputs {
			if !bytes.Equal(b.label(in), h.label(in)) {
				return "input " + in, in
			}
		}
	}
	return "hash", ""
}
