package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// prResult is a pull request's test step measured both ways, from a clean
// output base and a warm remote cache, one run per element.
type prResult struct {
	All      []result // bazel test //libs/... //apps/...
	Affected []result // bazel run //tools/affected, then bazel test on what it printed
	Tool     []result // the tool alone (building it included)
	Known    []result // bazel test on the same targets named by hand: what any selector can reach
	Targets  int      // how many targets it printed
	Lib      string   // the edited lib
}

// measurePR: the workspace as the cache holds it, made a git checkout on
// main, with an edit of one lib in the middle of the graph (uncommitted, as a
// pull request's checkout looks to tools/affected against main), and the
// target hashes main's CI would save. Then, taking turns, each from a new
// output base: testing every synthetic target, testing what tools/affected
// prints against the saved hashes, and testing those targets named by hand
// (what any way of picking them can reach).
func (c *remoteCache) measurePR(log *os.File, s Shape, runs int) (*prResult, error) {
	ws := c.clean
	r := runner{dir: ws, log: log}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"}, {"add", "-A"},
		{"-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-qm", "base"},
	} {
		if _, _, err := r.run("git", args...); err != nil {
			return nil, err
		}
	}
	// Main's CI: the tool in the cache, and this commit's target hashes saved.
	warm := bazel{runner: r, outputBase: ws + ".pr-warm", flags: append(c.flags(), "--remote_upload_local_results")}
	rc := filepath.Join(ws, "user.bazelrc") // the tool's own Bazel commands use the same output base
	hashes := ws + ".pr-hashes.json"
	setOutputBase := func(ob string) error {
		return os.WriteFile(rc, []byte("startup --output_base="+ob+"\n"), 0o644)
	}
	if err := setOutputBase(warm.outputBase); err != nil {
		return nil, err
	}
	if _, _, err := warm.cmd("run", append(warm.flags, "//tools/affected", "--", "--save", hashes)...); err != nil {
		return nil, err
	}
	_, _, _ = warm.cmd("shutdown")
	pr := &prResult{Lib: libName(s.Libs / 2)}
	if err := Edit(ws, pr.Lib, 1); err != nil {
		return nil, err
	}
	for i := 0; i < runs; i++ {
		all := bazel{runner: r, outputBase: fmt.Sprintf("%s.pr-all-%d", ws, i), flags: c.flags()}
		a, err := all.test()
		_, _, _ = all.cmd("shutdown")
		_ = os.RemoveAll(all.outputBase)
		if err != nil {
			return nil, err
		}
		pr.All = append(pr.All, a)

		aff := bazel{runner: r, outputBase: fmt.Sprintf("%s.pr-affected-%d", ws, i), flags: c.flags()}
		if err := setOutputBase(aff.outputBase); err != nil {
			return nil, err
		}
		out, took, err := aff.cmd("run", append(c.flags(), "--noshow_progress", "--ui_event_filters=-info",
			"//tools/affected", "--", "--base-hashes", hashes)...)
		if err != nil {
			return nil, err
		}
		var labels []string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "//libs/") || strings.HasPrefix(l, "//apps/") {
				labels = append(labels, l)
			}
		}
		pr.Targets = len(labels)
		start := time.Now()
		t, err := aff.testTargets(labels)
		_, _, _ = aff.cmd("shutdown")
		_ = os.RemoveAll(aff.outputBase)
		if err != nil {
			return nil, err
		}
		pr.Tool = append(pr.Tool, result{Seconds: took.Seconds()})
		t.Seconds = took.Seconds() + time.Since(start).Seconds()
		pr.Affected = append(pr.Affected, t)

		known := bazel{runner: r, outputBase: fmt.Sprintf("%s.pr-known-%d", ws, i), flags: c.flags()}
		k, err := known.testTargets(labels)
		_, _, _ = known.cmd("shutdown")
		_ = os.RemoveAll(known.outputBase)
		if err != nil {
			return nil, err
		}
		pr.Known = append(pr.Known, k)
	}
	return pr, os.Remove(rc)
}

// testTargets runs bazel test on these labels; none is a pass.
func (b bazel) testTargets(labels []string) (result, error) {
	if len(labels) == 0 {
		return result{}, nil
	}
	out, took, err := b.cmd("test", labels...)
	work, hits := processes(out)
	return result{Seconds: took.Seconds(), Work: work, Hits: hits}, err
}

// markdown is the pull request comparison for one size.
func (p *prResult) markdown(s Shape) string {
	all, aff, tool, known := median(p.All), median(p.Affected), median(p.Tool), median(p.Known)
	return fmt.Sprintf("\nPull request (an edit of %s; clean output bases, warm remote cache; median of %d): "+
		"testing every target %.1f s; tools/affected then its %d targets %.1f s (the tool %.1f s), %.2fx faster; "+
		"the same targets named by hand, with no tool, %.1f s (%.2fx).\n",
		p.Lib, len(p.All), all.Seconds, p.Targets, aff.Seconds, tool.Seconds, all.Seconds/aff.Seconds,
		known.Seconds, all.Seconds/known.Seconds)
}

// prOnly measures a size's pull request tier alone: generate, fill the cache,
// compare (-pr).
func prOnly(src, work string, s Shape, runs int, log *os.File) (string, error) {
	ws := filepath.Join(work, fmt.Sprintf("n%d", s.Libs))
	if err := copyTemplate(src, ws); err != nil {
		return "", err
	}
	if err := Generate(ws, "example.com/monorepo", s); err != nil {
		return "", err
	}
	cache, err := startRemote(ws)
	if err != nil {
		return "", fmt.Errorf("remote cache: %w", err)
	}
	defer cache.stop()
	first := bazel{runner: runner{dir: ws, log: log}, outputBase: ws + ".ob", flags: append(cache.flags(), "--remote_upload_local_results")}
	if _, err := first.test(); err != nil {
		return "", err
	}
	_, _, _ = first.cmd("shutdown")
	pr, err := cache.measurePR(log, s, runs)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("### N = %d libs, %d apps\n%s", s.Libs, s.Apps, pr.markdown(s)), nil
}
