// Command affected prints the targets of `//...` that a change can affect:
// those whose configured graph differs between a base revision and the
// working tree. CI tests only those on a pull request.
//
//	bazel run //tools/affected -- [--base REV] [--json] [--gates]
//	bazel run //tools/affected -- --save DIR
//	DIR/affected --base-hashes DIR/hashes.json [--json] [--gates]
//
// Each side's graph is `bazel cquery 'deps(//...)' --output=jsonproto`; a
// target's hash covers its rule class and definition, attributes,
// configuration and its inputs' hashes, down to source file contents and the
// definitions of external repositories (target-determinator's method). The
// base is checked out in a git worktree with an output base of its own, both
// kept between runs; or, with --base-hashes, the base's hashes come from a file
// that --save wrote on the base commit (CI's main job, which saves this binary
// beside it, so that a pull request need not build it); a change that only
// edits source files is then answered from the saved graph, with nothing
// analysed. When it cannot decide (a global file such as .bazelrc
// changed, or the base does not build), it says why on stderr and answers
// every target. See tools/affected/README.md.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"example.com/monorepo/tools/affected/graph"
)

// Answer is what --json prints.
type Answer struct {
	Base       string         `json:"base"`
	Everything bool           `json:"everything"`
	Reason     string         `json:"reason,omitempty"`
	Targets    []graph.Target `json:"targets"`
}

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "affected: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("affected", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "the revision to compare with (default: the merge base of HEAD with origin/main, else main)")
	asJSON := fs.Bool("json", false, "print a JSON object: base, everything, reason, targets with their kinds")
	work := fs.String("work", "", "where the base's worktree and output base live (default: a directory per workspace under the user's cache)")
	bazelBin := fs.String("bazel", "", "the Bazel to run (default: each checkout's tools/bazel, else bazel on PATH)")
	shutdown := fs.Bool("shutdown", false, "stop the base's Bazel server afterwards (CI; locally it stays warm for the next run)")
	explain := fs.String("explain", "", "say on stderr why this `label` is affected: the chain of inputs down to the first difference")
	saveTo := fs.String("save", "", "write this commit's target hashes and this binary to `dir` (hashes.json, affected) and stop (CI's main job; the tree must be unedited)")
	baseHashes := fs.String("base-hashes", "", "compare with the hashes --save wrote (`file`): its commit is the base, and only the working tree is analysed")
	gates := fs.Bool("gates", false, "also print the source gates, affected or not: tests tagged lint, which read the tree outside the build graph")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; usage: affected [--base REV] [--json] [--gates]", fs.Args())
	}
	out := output{json: *asJSON, gates: *gates, stdout: stdout, stderr: stderr}
	root := os.Getenv("BUILD_WORKSPACE_DIRECTORY")
	if root == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		if root, err = git(ctx, wd, "rev-parse", "--show-toplevel"); err != nil {
			return fmt.Errorf("not in a git checkout: %w", err)
		}
	}
	if *work == "" {
		var err error
		if *work, err = workDir(root); err != nil {
			return err
		}
	}
	if *saveTo != "" || *baseHashes != "" {
		return runSaved(ctx, root, *bazelBin, *saveTo, *baseHashes, out)
	}
	a := &Answer{Base: *base}
	start := time.Now()
	// The working tree and the base are analysed at once, by two Bazel servers.
	var head *side
	var headErr error
	var headTime time.Duration
	done := make(chan struct{})
	go func() {
		defer close(done)
		head, headErr = analyse(ctx, bazel{bin: *bazelBin, tree: root}, root)
		headTime = time.Since(start)
	}()
	waitHead := func() (*side, error) {
		<-done
		if headErr != nil {
			return nil, fmt.Errorf("the working tree: %w", headErr)
		}
		return head, nil
	}
	o := baseOptions{work: *work, bazel: *bazelBin, shutdown: *shutdown, explain: *explain, stderr: stderr}
	reason, err := compareBase(ctx, a, root, o, waitHead)
	if err != nil {
		return err
	}
	if _, err := waitHead(); err != nil {
		return err
	}
	detail := fmt.Sprintf("the working tree analysed in %.1fs, both in %.1fs", headTime.Seconds(), time.Since(start).Seconds())
	return out.finish(a, reason, head.graph.Targets(), detail)
}

// runSaved is --save and --base-hashes: one side analysed, the other read;
// or, when only source files changed, nothing analysed (quick).
func runSaved(ctx context.Context, root, bin, saveTo, baseHashes string, out output) error {
	start := time.Now()
	a := &Answer{}
	var saved *Saved
	var reason string
	if saveTo == "" {
		var err error
		if saved, err = readSaved(baseHashes); err != nil {
			reason = err.Error()
		} else if targets, why := quick(ctx, root, saved); why == "" {
			a.Base, a.Targets = saved.Commit, targets
			return out.finish(a, "", saved.Targets, "saved hashes; only source files changed, nothing analysed")
		} else {
			fmt.Fprintf(out.stderr, "affected: analysing the working tree: %s\n", why)
		}
	}
	head, err := analyse(ctx, bazel{bin: bin, tree: root}, root)
	if err != nil {
		return fmt.Errorf("the working tree: %w", err)
	}
	if saveTo != "" {
		return saveDir(ctx, root, saveTo, head)
	}
	if saved != nil {
		if reason, err = compareSaved(a, root, saved, head); err != nil {
			return err
		}
	}
	detail := fmt.Sprintf("saved hashes; the working tree analysed in %.1fs", time.Since(start).Seconds())
	return out.finish(a, reason, head.graph.Targets(), detail)
}

// globalReason is the answer's reason when a global file changed.
func globalReason(file string) string {
	return file + " changed (beyond comments): it can change every target"
}

// output is how the answer is printed: the flags --json and --gates.
type output struct {
	json, gates    bool
	stdout, stderr io.Writer
}

// finish completes the answer (every target, when there is a reason; with
// --gates, the source gates), says on stderr what it found, and prints the
// labels, or with --json the whole answer.
func (o output) finish(a *Answer, reason string, all []graph.Target, detail string) error {
	if reason != "" {
		a.Everything, a.Reason, a.Targets = true, reason, all
		fmt.Fprintf(o.stderr, "affected: everything (%d targets): %s\n", len(all), reason)
	} else {
		affected, gates := len(a.Targets), ""
		if o.gates {
			n := 0
			a.Targets, n = withGates(a.Targets, all)
			gates = fmt.Sprintf(", plus %d source gates", n)
		}
		fmt.Fprintf(o.stderr, "affected: %d of %d targets against %s (%s)%s\n", affected, len(all), a.Base, detail, gates)
	}
	if a.Targets == nil {
		a.Targets = []graph.Target{}
	}
	if o.json {
		enc := json.NewEncoder(o.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	for _, t := range a.Targets {
		fmt.Fprintln(o.stdout, t.Label)
	}
	return nil
}

// withGates adds to targets the gates among all that it lacks, sorted by
// label, and says how many gates there are.
func withGates(targets, all []graph.Target) ([]graph.Target, int) {
	n := 0
	for _, t := range all {
		if t.Gate {
			n++
			if !slices.ContainsFunc(targets, func(u graph.Target) bool { return u.Label == t.Label }) {
				targets = append(targets, t)
			}
		}
	}
	slices.SortFunc(targets, func(a, b graph.Target) int { return strings.Compare(a.Label, b.Label) })
	return targets, n
}

// baseOptions are the flags about the base side.
type baseOptions struct {
	work, bazel, explain string
	shutdown             bool
	stderr               io.Writer
}

// compareBase fills a.Targets with the targets that differ from the base, or
// returns why it cannot tell; an error is the working tree's.
func compareBase(ctx context.Context, a *Answer, root string, o baseOptions, waitHead func() (*side, error)) (string, error) {
	rev := a.Base
	if rev == "" {
		var err error
		if rev, err = defaultBase(ctx, root); err != nil {
			return err.Error(), nil
		}
	}
	sha, err := git(ctx, root, "rev-parse", "--verify", rev+"^{commit}")
	if err != nil {
		return fmt.Sprintf("no base revision %q: %v", rev, err), nil
	}
	a.Base = sha
	dir := filepath.Join(o.work, "base")
	if err := checkoutBase(ctx, root, dir, sha); err != nil {
		return fmt.Sprintf("cannot check out the base %s in %s: %v", sha, dir, err), nil
	}
	if f, err := globalChange(root, dir); err != nil {
		return fmt.Sprintf("comparing global files: %v", err), nil
	} else if f != "" {
		return globalReason(f), nil
	}
	b := bazel{bin: o.bazel, tree: dir, startup: []string{"--output_base=" + filepath.Join(o.work, "output_base"), "--max_idle_secs=900"}}
	if o.shutdown {
		defer func() { _, _ = b.run(ctx, "shutdown") }()
	}
	baseSide, err := analyse(ctx, b, dir)
	if err != nil {
		return fmt.Sprintf("the base %s does not build: %v", sha, err), nil
	}
	head, err := waitHead()
	if err != nil {
		return "", err
	}
	if o.explain != "" {
		why := graph.Explain(baseSide.graph, baseSide.sources, head.graph, head.sources, o.explain)
		if len(why) == 0 {
			why = []string{o.explain + ": not affected"}
		}
		fmt.Fprintf(o.stderr, "affected: why %s\n  %s\n", o.explain, strings.Join(why, "\n  "))
	}
	was := baseSide.graph.Hash(baseSide.sources)
	now := head.graph.Hash(head.sources)
	for _, t := range head.graph.Targets() {
		if !bytes.Equal(was[t.Label], now[t.Label]) {
			a.Targets = append(a.Targets, t)
		}
	}
	return "", nil
}

// side is one checkout's graph and the sources its hashes read.
type side struct {
	graph   *graph.Graph
	sources graph.Sources
}

func analyse(ctx context.Context, b bazel, root string) (*side, error) {
	q := []string{"--noshow_progress", "--ui_event_filters=-info"}
	out, err := b.run(ctx, append([]string{"cquery", "deps(//...)", "--output=jsonproto", "--proto:definition_stack"}, q...)...)
	if err != nil {
		return nil, err
	}
	g, err := graph.ParseGraph(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	out, err = b.run(ctx, append([]string{"query", "//external:*", "--output=build"}, q...)...)
	if err != nil {
		return nil, err
	}
	repos, err := graph.ParseRepos(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	return &side{graph: g, sources: graph.NewTreeSources(root, graph.WorkspaceName(root), repos)}, nil
}

// bazel runs Bazel in a checkout.
type bazel struct {
	bin     string
	tree    string
	startup []string
}

func (b bazel) run(ctx context.Context, args ...string) ([]byte, error) {
	bin := b.bin
	if bin == "" {
		bin = "bazel"
		if w := filepath.Join(b.tree, "tools", "bazel"); isExecutable(w) {
			bin = w
		}
	}
	cmd := exec.CommandContext(ctx, bin, append(append([]string{}, b.startup...), args...)...)
	cmd.Dir = b.tree
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("bazel %s (in %s): %w\n%s", args[0], b.tree, err, tail(stderr.String(), 20))
	}
	return out, nil
}

func isExecutable(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir() && info.Mode()&0o111 != 0
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
