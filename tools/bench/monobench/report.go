package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"runtime"
	"sort"
	"strings"
)

var phaseDoc = map[string]string{
	"cold":      "cold build+test (empty caches, module cache warm)",
	"rerun":     "first rerun after cold (server just started / warm GOCACHE)",
	"no-op":     "no-op rerun (warm server / warm GOCACHE)",
	"leaf":      "edit a leaf lib, rerun (server 3 commands old)",
	"root":      "edit the most depended-on lib, rerun",
	"leaf-aged": fmt.Sprintf("edit a leaf lib, rerun (server %d commands old)", agedCommands),
}

// markdown is one size's tables.
func (r sizeResult) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n### N = %d libs, %d apps\n\n", r.Shape.Libs, r.Shape.Apps)
	fmt.Fprintf(&b, "Measured %s; each figure is the median of %d runs, go and Bazel taking turns.\n\n", r.Date, r.Runs)
	b.WriteString("| | bazel s | go s | bazel / go | bazel processes run | go packages tested |\n|---|---|---|---|---|---|\n")
	for _, p := range phases {
		bz, g := median(r.Bazel[p]), median(r.Go[p])
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %d | %d |\n", phaseDoc[p], bz.Seconds, g.Seconds, bz.Seconds/g.Seconds, bz.Work, g.Work)
	}
	fmt.Fprintf(&b, "\nBazel alone, on the warm server: a no-op with the source gates (`bazel test` of the synthetic targets and %s) %.2f s; `bazel run //:gazelle` over the whole tree %.2f s; `bazel query //...` %.2f s.\n",
		strings.Join(gates, " "), median(r.Gates).Seconds, median(r.Gazelle).Seconds, median(r.Query).Seconds)
	fmt.Fprintf(&b, "Server heap after the cold build (`bazel info used-heap-size-after-gc`): %.0f MiB; peak RSS: %.0f MiB. First build in a new output base (fetching included): %.1f s.\n",
		medianOf(r.HeapMiB), r.PeakRSSMiB, r.FirstBuild.Seconds)
	if a := r.Affected; a != nil {
		fmt.Fprintf(&b, "`bazel run //tools/affected -- --base-hashes` after an edit of %s: %.1f s, %d targets.\n", libName(r.Shape.Libs/2), a.Seconds, a.Work)
	}
	if rr := r.Remote; rr != nil {
		cold := median(r.Bazel["cold"]).Seconds
		total := rr.Build.Hits + rr.Build.Work
		fmt.Fprintf(&b, "Clean output base, warm remote cache: bazel test %.2f s = %.0f %% of cold (%d of %d processes remote cache hits); fetching external repositories first took %.1f s.\n",
			rr.Build.Seconds, 100*rr.Build.Seconds/cold, rr.Build.Hits, total, rr.Fetch.Seconds)
	}
	b.WriteString("\n| goal | measured | met |\n|---|---|---|\n")
	for _, g := range r.goals() {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", g.goal, g.measured, map[bool]string{true: "yes", false: "**no**"}[g.met])
	}
	return b.String()
}

func medianOf(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// goal is one of a size's goals: row names it the same at every size (the
// summary table's row), goal states it at this size, short is the figure alone.
type goal struct {
	row, goal, measured, short string
	met                        bool
}

// goals are issue 37's, checked against this size's medians: the cold build
// <= 2x go (2.5x below N = 200), a no-op with the source gates <= 1 s, a leaf
// edit <= 1.2x go (below N = 100 on a server agedCommands old), Gazelle over
// the tree <= 10 s, the server's heap after a cold build <= 2 GiB, and a clean
// output base with a warm remote cache <= 20 % of cold with every process a
// hit. The first rerun and the root edit are reported, not goals.
func (r sizeResult) goals() []goal {
	ratio := func(phase string, limit float64) goal {
		bz, g := median(r.Bazel[phase]).Seconds, median(r.Go[phase]).Seconds
		return goal{goal: fmt.Sprintf("%s <= %gx go", phase, limit), measured: fmt.Sprintf("%.2fx (%.2f s vs %.2f s)", bz/g, bz, g),
			short: fmt.Sprintf("%.2fx", bz/g), met: bz <= limit*g}
	}
	coldLimit, leaf := 2.5, "leaf"
	if r.Shape.Libs >= 200 {
		coldLimit = 2
	}
	if r.Shape.Libs < 100 {
		leaf = "leaf-aged"
	}
	noop, gz, heap := median(r.Gates).Seconds, median(r.Gazelle).Seconds, medianOf(r.HeapMiB)
	cold, leafGoal := ratio("cold", coldLimit), ratio(leaf, 1.2)
	cold.row = "cold `bazel test` <= 2x go (2.5x below N = 200)"
	leafGoal.row = fmt.Sprintf("leaf edit <= 1.2x go (below N = 100 on a server %d commands old)", agedCommands)
	noopS, gzS, heapS := fmt.Sprintf("%.2f s", noop), fmt.Sprintf("%.2f s", gz), fmt.Sprintf("%.0f MiB", heap)
	gs := []goal{
		cold,
		{row: "no-op with the source gates <= 1 s", goal: "no-op with the source gates <= 1 s", measured: noopS, short: noopS, met: noop <= 1},
		leafGoal,
		{row: "Gazelle over the whole tree <= 10 s", goal: "gazelle over the whole tree <= 10 s", measured: gzS, short: gzS, met: gz <= 10},
		{row: "server heap after a cold build <= 2 GiB", goal: "server heap after a cold build <= 2 GiB", measured: heapS, short: heapS, met: heap <= 2048},
	}
	if rr := r.Remote; rr != nil {
		share := rr.Build.Seconds / median(r.Bazel["cold"]).Seconds
		g := "clean output base + warm remote cache <= 20 % of cold, 100 % hits"
		gs = append(gs, goal{row: g, goal: g,
			measured: fmt.Sprintf("%.0f %%, %d of %d hits", 100*share, rr.Build.Hits, rr.Build.Hits+rr.Build.Work),
			short:    fmt.Sprintf("%.0f %%", 100*share),
			met:      share <= 0.2 && rr.Build.Work == 0 && rr.Build.Hits > 0})
	}
	return gs
}

// goalsBySize is the summary table: each goal's figure and verdict at every
// size, rows in goals() order. A size without a measure (no -remote) has "-".
func goalsBySize(all []sizeResult) string {
	if len(all) == 0 {
		return ""
	}
	var rows []string
	cells := map[string][]string{}
	for i, r := range all {
		for _, g := range r.goals() {
			if _, ok := cells[g.row]; !ok {
				rows = append(rows, g.row)
				cells[g.row] = make([]string, len(all))
			}
			cells[g.row][i] = g.short + ", " + map[bool]string{true: "yes", false: "**no**"}[g.met]
		}
	}
	var b strings.Builder
	b.WriteString("\n## Goals\n\n| goal |")
	for _, r := range all {
		fmt.Fprintf(&b, " N = %d |", r.Shape.Libs)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(all)) + "\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s |", row)
		for _, c := range cells[row] {
			if c == "" {
				c = "-"
			}
			fmt.Fprintf(&b, " %s |", c)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// perPackage is one row of the cost-per-package table: a quantity and how to
// read it from a size.
type perPackage struct {
	name, unit string
	scale      float64 // seconds to unit
	value      func(sizeResult) float64
}

var perPackageRows = []perPackage{
	{"cold bazel test", "ms", 1000, func(r sizeResult) float64 { return median(r.Bazel["cold"]).Seconds }},
	{"cold go build + test", "ms", 1000, func(r sizeResult) float64 { return median(r.Go["cold"]).Seconds }},
	{"root edit, bazel", "ms", 1000, func(r sizeResult) float64 { return median(r.Bazel["root"]).Seconds }},
	{"root edit, go", "ms", 1000, func(r sizeResult) float64 { return median(r.Go["root"]).Seconds }},
	{"no-op with the source gates", "ms", 1000, func(r sizeResult) float64 { return median(r.Gates).Seconds }},
	{"gazelle over the tree", "ms", 1000, func(r sizeResult) float64 { return median(r.Gazelle).Seconds }},
	{"bazel query //...", "ms", 1000, func(r sizeResult) float64 { return median(r.Query).Seconds }},
	{"server heap after cold", "MiB", 1, func(r sizeResult) float64 { return medianOf(r.HeapMiB) }},
}

// costPerPackage is the table of each quantity divided by the number of
// synthetic packages, per size, and its growth exponent k from the smallest
// to the largest size (cost ~ N^k): above 1.15 it grows faster than the repo.
func costPerPackage(all []sizeResult) string {
	if len(all) < 2 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n## Cost per package\n\nEach quantity divided by the synthetic packages (libs + apps); k is its growth from the smallest to the largest N (cost ~ N^k; k = 1 grows as the repository does, k < 1 is fixed cost shared by more packages).\n\n| per package |")
	for _, r := range all {
		fmt.Fprintf(&b, " N = %d |", r.Shape.Libs)
	}
	b.WriteString(" k |\n|---|" + strings.Repeat("---|", len(all)+1) + "\n")
	lo, hi := all[0], all[len(all)-1]
	for _, row := range perPackageRows {
		fmt.Fprintf(&b, "| %s, %s |", row.name, row.unit)
		for _, r := range all {
			fmt.Fprintf(&b, " %.2f |", row.scale*row.value(r)/float64(r.Shape.Libs+r.Shape.Apps))
		}
		k := growth(float64(lo.Shape.Libs), row.value(lo), float64(hi.Shape.Libs), row.value(hi))
		mark := ""
		if k > 1.15 {
			mark = " **faster than linear**"
		}
		fmt.Fprintf(&b, " %.2f%s |\n", k, mark)
	}
	return b.String()
}

// growth is k in cost ~ N^k between two sizes; NaN without two costs.
func growth(n0, c0, n1, c1 float64) float64 {
	if c0 <= 0 || c1 <= 0 || n0 == n1 {
		return math.NaN()
	}
	return math.Log(c1/c0) / math.Log(n1/n0)
}

// renderReport is RESULTS.md for every size measured so far.
func renderReport(all []sizeResult) string {
	var b strings.Builder
	b.WriteString("# Bazel vs plain go on a growing monorepo\n\n")
	b.WriteString("Generated by `tools/bench/monobench` from [results.json](results.json) (see its doc comment); do not edit by hand.\n\n")
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "- Machine: %s, %d CPUs, %s/%s\n", host, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	b.WriteString("- Command, one size at a time or several: `bazel run //tools/bench/monobench -- -n N[,N...] -runs 3 -remote -out tools/bench` (results.json keeps the other sizes)\n")
	b.WriteString("\n![time against N](results.png)\n")
	b.WriteString(goalsBySize(all))
	b.WriteString(costPerPackage(all))
	for _, r := range all {
		b.WriteString(r.markdown())
	}
	return b.String()
}

// loadResults reads results.json; a missing file is no results.
func loadResults(path string) ([]sizeResult, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var all []sizeResult
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return all, nil
}

// merge replaces the sizes measured again and keeps the others, by N.
func merge(old, fresh []sizeResult) []sizeResult {
	byN := map[int]sizeResult{}
	for _, r := range append(append([]sizeResult(nil), old...), fresh...) {
		byN[r.Shape.Libs] = r
	}
	var all []sizeResult
	for _, r := range byN {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Shape.Libs < all[j].Shape.Libs })
	return all
}
