package graph

import (
	"path"
	"sort"
	"strings"
)

// toolchains stands for the hash every rule reads from the targets no
// attribute names (hasher.hidden), in a Reach.
const toolchains = "(toolchains)"

// Reach is the part of a graph that the main repository's source files can
// change, enough to answer for a change that only edits such files without
// analysing again: such an edit changes no rule, attribute or configuration,
// so a target's hash changes exactly when an edited file is among its
// inputs, transitively.
type Reach struct {
	// Sources maps each main-repository source file (or directory) of the
	// graph, by its path, to its label.
	Sources map[string]string `json:"sources"`
	// Inputs are, for each label that a source file can change, its inputs
	// that one can change.
	Inputs map[string][]string `json:"inputs"`
}

// Reach is the part of g that main-repository source files can change.
func (g *Graph) Reach() Reach {
	labels := map[string]bool{}
	for l := range g.nodes {
		labels[l] = true
	}
	for o := range g.outputs {
		labels[o] = true
	}
	// What each label's hash reads, the toolchains' hash included.
	succ := map[string][]string{}
	for l := range labels {
		succ[l] = g.succ(l)
		if n := g.nodes[l]; len(n) > 0 && n[0].kind == ruleNode {
			succ[l] = append(succ[l], toolchains)
		}
	}
	succ[toolchains] = g.orphans()
	r := Reach{Sources: map[string]string{}, Inputs: map[string][]string{}}
	var queue []string
	for l, ns := range g.nodes {
		if ns[0].kind == sourceNode && strings.HasPrefix(l, "//") {
			pkg, name, _ := strings.Cut(l[2:], ":")
			r.Sources[path.Join(pkg, name)] = l
			queue = append(queue, l)
		}
	}
	seen := readersOf(succ, queue)
	for l := range seen {
		ins := map[string]bool{}
		for _, in := range succ[l] {
			if seen[in] {
				ins[in] = true
			}
		}
		if len(ins) == 0 {
			continue
		}
		r.Inputs[l] = make([]string, 0, len(ins))
		for in := range ins {
			r.Inputs[l] = append(r.Inputs[l], in)
		}
		sort.Strings(r.Inputs[l])
	}
	return r
}

// Label is the source label of a changed path: the file's own, or that of
// the directory of the graph it is in; "" if the graph reads no such file.
func (r Reach) Label(p string) string {
	for d := path.Clean(p); d != "." && d != "/"; d = path.Dir(d) {
		if l, ok := r.Sources[d]; ok {
			return l
		}
	}
	return ""
}

// From is every label whose hash reads one of these labels, transitively,
// these included.
func (r Reach) From(labels []string) map[string]bool {
	return readersOf(r.Inputs, labels)
}

// readersOf is these labels and every label whose inputs (label -> the
// labels it reads) lead to one of them.
func readersOf(inputs map[string][]string, labels []string) map[string]bool {
	readers := map[string][]string{}
	for l, ins := range inputs {
		for _, in := range ins {
			readers[in] = append(readers[in], l)
		}
	}
	seen := map[string]bool{}
	queue := append([]string(nil), labels...)
	for _, l := range queue {
		seen[l] = true
	}
	for len(queue) > 0 {
		l := queue[0]
		queue = queue[1:]
		for _, x := range readers[l] {
			if !seen[x] {
				seen[x] = true
				queue = append(queue, x)
			}
		}
	}
	return seen
}
