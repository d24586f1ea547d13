// Command monobench measures what Bazel costs and saves against the plain go
// command on the same synthetic monorepo, as it grows. For each size it
// generates N libs (a DAG, each with code and a testify test) and N/10 apps in
// a temp workspace that uses this repo's WORKSPACE, .bazelrc and tools/, then
// times, for `bazel test //libs/... //apps/...` and for
// `go build ./libs/... ./apps/... && go test ./libs/... ./apps/...`:
//
//	cold      empty caches (bazel clean + a new server; a new GOCACHE), Go module cache warm
//	rerun     the same command right after cold (for Bazel, a server just started)
//	leaf      after an edit to a lib nothing depends on
//	root      after an edit to the most depended-on lib
//	no-op     the same command again (warm server, warm GOCACHE)
//	leaf-aged the leaf again, on a server 10 commands old
//
// each as the median of -runs, the two tools taking turns so they share the
// machine's noise; the Bazel server's peak RSS; and, with -remote, a clean
// output base served by a warm remote cache (nginx WebDAV on 127.0.0.1).
// On the warm server it also times a no-op with the source gates, Gazelle
// over the whole tree, `bazel query //...` and tools/affected, and reads the
// server's heap after the cold build. With -out it merges the sizes into
// results.json (keeping sizes measured before) and writes RESULTS.md and a
// PNG plot of time against N from it.
//
//	bazel run //tools/bench/monobench -- -n 25,100,200 -runs 3 -remote -out tools/bench
//
// With -pr it measures only a pull request's tests, each run from new output
// bases and a warm remote cache, taking turns, after an edit of the lib in the
// middle of the graph: `bazel test //...` (the tier before tools/affected)
// against tools/affected/test_affected.sh as .ci/run pr runs it (the tool
// main's CI saved, then the targets and source gates it printed), the same
// building the tool or analysing the tree, and those targets and gates named
// by hand (no tool). -n 0 is this repository as it is, with a one-line edit
// of libs/greeting.
//
//	bazel run //tools/bench/monobench -- -n 0,200 -runs 3 -pr
//
// With -render it measures nothing: it rewrites RESULTS.md and results.png
// from the results.json in -out (after a change to the report).
//
//	bazel run //tools/bench/monobench -- -render -out tools/bench
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	sizes := flag.String("n", "25,100,200", "numbers of libs, comma-separated")
	runs := flag.Int("runs", 3, "runs per measurement (the median is reported)")
	remote := flag.Bool("remote", false, "also measure a clean output base with a warm remote cache (needs nginx)")
	pr := flag.Bool("pr", false, "measure only a pull request's tests from a warm remote cache: bazel test //..., test_affected.sh, and the same targets named by hand (needs nginx)")
	out := flag.String("out", "", "directory to write RESULTS.md and results.png to, created if missing (default: print the markdown)")
	work := flag.String("work", "", "directory for the generated workspaces, kept afterwards and created if missing (default: a new temp dir, removed at the end)")
	render := flag.Bool("render", false, "measure nothing: rewrite RESULTS.md and results.png from the results.json in -out")
	flag.Parse()

	if err := run(*sizes, *runs, *remote, *pr, *render, *out, *work); err != nil {
		fmt.Fprintf(os.Stderr, "monobench: %v\n", err)
		os.Exit(1)
	}
}

func run(sizes string, runs int, remote, pr, render bool, out, work string) error {
	src := os.Getenv("BUILD_WORKSPACE_DIRECTORY") // set by bazel run
	if src == "" {
		var err error
		if src, err = os.Getwd(); err != nil {
			return err
		}
	}
	if out != "" && !filepath.IsAbs(out) {
		out = filepath.Join(src, out)
	}
	if render {
		if out == "" {
			return fmt.Errorf("-render needs -out, the directory that holds results.json")
		}
		return writeOut(out, nil)
	}
	var ns []int
	for _, f := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 && !(pr && n == 0) {
			return fmt.Errorf("-n %q: want numbers of libs >= 2, e.g. 25,100,200 (with -pr, 0 is this repository as it is)", sizes)
		}
		ns = append(ns, n)
	}
	if runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", runs)
	}
	if remote || pr {
		if _, err := exec.LookPath("nginx"); err != nil {
			return fmt.Errorf("-remote needs nginx on PATH (apt-get install nginx): %w", err)
		}
	}
	if out != "" {
		// Now, not after the hour of measuring that would be lost.
		if err := os.MkdirAll(out, 0o755); err != nil {
			return fmt.Errorf("-out: %w", err)
		}
	}
	if work == "" {
		dir, err := os.MkdirTemp("", "monobench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	} else {
		if !filepath.IsAbs(work) {
			work = filepath.Join(src, work)
		}
		if err := os.MkdirAll(work, 0o755); err != nil {
			return fmt.Errorf("-work: %w", err)
		}
	}
	log, err := os.Create(filepath.Join(work, "commands.log"))
	if err != nil {
		return err
	}
	defer log.Close()
	fmt.Fprintf(os.Stderr, "monobench: workspaces and commands.log in %s\n", work)

	if pr {
		for _, n := range ns {
			md, err := prOnly(src, work, Shape{Libs: n, Apps: max(1, n/10), Seed: 1}, runs, log)
			if err != nil {
				return fmt.Errorf("N=%d: %w", n, err)
			}
			fmt.Println(md)
		}
		return nil
	}
	var all []sizeResult
	for _, n := range ns {
		r, err := measureSize(src, work, Shape{Libs: n, Apps: max(1, n/10), Seed: 1}, runs, remote, log)
		if err != nil {
			return fmt.Errorf("N=%d: %w", n, err)
		}
		all = append(all, r)
		fmt.Fprint(os.Stderr, r.markdown())
	}
	if out == "" {
		fmt.Print(renderReport(all))
		return nil
	}
	return writeOut(out, all)
}

// writeOut merges the fresh sizes into out's results.json (sizes measured
// before, in other runs, stay: N = 1000 takes a session of its own) and
// writes RESULTS.md and results.png from all of them.
func writeOut(out string, fresh []sizeResult) error {
	saved := filepath.Join(out, "results.json")
	old, err := loadResults(saved)
	if err != nil {
		return err
	}
	if len(old)+len(fresh) == 0 {
		return fmt.Errorf("%s: no results to render", saved)
	}
	all := merge(old, fresh)
	data, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(saved, append(data, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "RESULTS.md"), []byte(renderReport(all)), 0o644); err != nil {
		return err
	}
	return writePlot(filepath.Join(out, "results.png"), all)
}
