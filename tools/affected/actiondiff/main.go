// Command actiondiff is the ground truth //tools/affected is tested against
// (tools/ci/affected.sh): which targets a change affects by Bazel's own
// action graph. An action changed when it is new, its action key differs, or
// an input changed: a source file whose contents differ, or the output of a
// changed action. A target is affected when one of its actions changed or a
// target it depends on is affected, or when it is new.
//
//	actiondiff snapshot DIR ROOT OUTPUT_BASE
//	    reads DIR/aquery.json (bazel aquery 'deps(//...)' --output=jsonproto)
//	    and writes DIR/sources.json: the hash of every source file an action reads.
//	actiondiff compare BEFORE AFTER AFFECTED
//	    BEFORE and AFTER are snapshot directories (AFTER also holds
//	    cquery.json, its configured graph); AFFECTED is what
//	    `affected --json` answered. Prints the counts and each missed target;
//	    exits 1 when the tool missed one.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"example.com/monorepo/tools/affected/graph"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "actiondiff: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	switch {
	case len(args) == 4 && args[0] == "snapshot":
		return snapshot(args[1], args[2], args[3])
	case len(args) == 4 && args[0] == "compare":
		return compare(args[1], args[2], args[3], stdout)
	}
	return fmt.Errorf("usage: actiondiff snapshot DIR ROOT OUTPUT_BASE | compare BEFORE AFTER AFFECTED_JSON")
}

// snapshot hashes the source files the actions of DIR/aquery.json read: a
// path of the checkout below root, external/... below the output base.
func snapshot(dir, root, outputBase string) error {
	g, err := readAquery(filepath.Join(dir, "aquery.json"))
	if err != nil {
		return err
	}
	sums := map[string]string{}
	for p := range g.sources {
		file := filepath.Join(root, p)
		if strings.HasPrefix(p, "external/") {
			file = filepath.Join(outputBase, p)
		}
		sums[p] = hashPath(file)
	}
	data, err := json.Marshal(sums)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "sources.json"), data, 0o644)
}

// hashPath hashes a file (contents, execute bit) or a directory tree.
func hashPath(p string) string {
	s := sha256.New()
	err := filepath.Walk(p, func(f string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(p, f)
		if info.IsDir() {
			fmt.Fprintf(s, "dir %s\n", rel)
			return nil
		}
		fmt.Fprintf(s, "file %s %v\n", rel, info.Mode()&0o111 != 0)
		data, err := os.ReadFile(f)
		s.Write(data)
		return err
	})
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return hex.EncodeToString(s.Sum(nil))
}

// revision is one snapshot directory, read.
type revision struct {
	actions *actionGraph
	sources map[string]string
}

func readRevision(dir string) (*revision, error) {
	g, err := readAquery(filepath.Join(dir, "aquery.json"))
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, "sources.json"))
	if err != nil {
		return nil, fmt.Errorf("%s: run actiondiff snapshot first: %w", dir, err)
	}
	r := &revision{actions: g}
	if err := json.Unmarshal(data, &r.sources); err != nil {
		return nil, fmt.Errorf("%s/sources.json: %w", dir, err)
	}
	return r, nil
}

// differ answers which actions of after changed since before.
type differ struct {
	before, after *revision
	actions       map[string]bool
	depsets       map[int]bool
}

func (d *differ) action(primary string) bool {
	if v, ok := d.actions[primary]; ok {
		return v
	}
	d.actions[primary] = false // a cycle cannot happen; this only stops one
	a := d.after.actions.actions[primary]
	was, ok := d.before.actions.actions[primary]
	changed := !ok || was.key != a.key
	for _, id := range a.depsets {
		changed = changed || d.depset(id)
	}
	d.actions[primary] = changed
	return changed
}

func (d *differ) depset(id int) bool {
	if v, ok := d.depsets[id]; ok {
		return v
	}
	ds := d.after.actions.depsets[id]
	changed := false
	for _, a := range ds.direct {
		changed = changed || d.artifact(d.after.actions.paths[a])
	}
	for _, t := range ds.transitive {
		changed = changed || d.depset(t)
	}
	d.depsets[id] = changed
	return changed
}

func (d *differ) artifact(p string) bool {
	if primary, ok := d.after.actions.producer[p]; ok {
		return d.action(primary)
	}
	was, ok := d.before.sources[p]
	return !ok || was != d.after.sources[p]
}

// Result is what compare finds.
type Result struct {
	Truth, Tool, Missed, Extra []string
	Everything                 bool
	// Sources are the changed source files that actions read.
	Sources []string
}

func compare(beforeDir, afterDir, affectedFile string, stdout io.Writer) error {
	before, err := readRevision(beforeDir)
	if err != nil {
		return err
	}
	after, err := readRevision(afterDir)
	if err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(afterDir, "cquery.json"))
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := graph.ParseGraph(f)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(affectedFile)
	if err != nil {
		return err
	}
	var answer struct {
		Everything bool           `json:"everything"`
		Targets    []graph.Target `json:"targets"`
	}
	if err := json.Unmarshal(data, &answer); err != nil {
		return fmt.Errorf("%s: %w", affectedFile, err)
	}
	r := diff(before, after, g, answer.Targets)
	r.Everything = answer.Everything
	fmt.Fprintf(stdout, "truth %d, tool %d (everything: %v), missed %d, extra %d; %d source files changed\n",
		len(r.Truth), len(r.Tool), r.Everything, len(r.Missed), len(r.Extra), len(r.Sources))
	for i, p := range r.Sources {
		if i == 10 {
			fmt.Fprintf(stdout, "changed ... (%d more)\n", len(r.Sources)-i)
			break
		}
		fmt.Fprintf(stdout, "changed %s\n", p)
	}
	for _, l := range r.Missed {
		fmt.Fprintf(stdout, "missed %s\n", l)
	}
	if len(r.Missed) > 0 {
		return fmt.Errorf("the tool missed %d affected targets", len(r.Missed))
	}
	return nil
}

// diff compares the tool's answer with the truth, over the targets `//...`
// builds.
func diff(before, after *revision, g *graph.Graph, tool []graph.Target) Result {
	d := &differ{before: before, after: after, actions: map[string]bool{}, depsets: map[int]bool{}}
	direct := map[string]bool{}
	for label, outs := range after.actions.byLabel {
		_, existed := before.actions.byLabel[label]
		for _, o := range outs {
			direct[label] = direct[label] || !existed || d.action(o)
		}
	}
	memo := map[string]bool{}
	var affected func(string) bool
	affected = func(l string) bool {
		if v, ok := memo[l]; ok {
			return v
		}
		memo[l] = false
		v := direct[l]
		for _, dep := range g.Deps(l) {
			v = v || affected(dep)
		}
		memo[l] = v
		return v
	}
	var r Result
	said := map[string]bool{}
	for _, t := range tool {
		said[t.Label] = true
		r.Tool = append(r.Tool, t.Label)
	}
	for _, t := range g.Targets() {
		_, existed := before.actions.byLabel[t.Label]
		isNew := !existed && len(after.actions.byLabel[t.Label]) > 0
		if affected(t.Label) || isNew {
			r.Truth = append(r.Truth, t.Label)
			if !said[t.Label] {
				r.Missed = append(r.Missed, t.Label)
			}
		}
	}
	truth := map[string]bool{}
	for _, l := range r.Truth {
		truth[l] = true
	}
	for _, l := range r.Tool {
		if !truth[l] {
			r.Extra = append(r.Extra, l)
		}
	}
	for p := range after.actions.sources {
		if d.artifact(p) {
			r.Sources = append(r.Sources, p)
		}
	}
	sort.Strings(r.Sources)
	sort.Strings(r.Missed)
	sort.Strings(r.Extra)
	return r
}
