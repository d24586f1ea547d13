package main

import (
	"encoding/json"
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
	Analysed []result // the same, the tool analysing the tree (saved hashes without the graph)
	Known    []result // bazel test on the same targets named by hand: what any selector can reach
	Targets  int      // how many targets it printed
	Lib      string   // the edited lib
}

// measurePR: the workspace as the cache holds it, made a git checkout on
// main, with an edit of one lib in the middle of the graph (uncommitted, as a
// pull request's checkout looks to tools/affected against main), and the
// target hashes main's CI would save. Then, taking turns, each from a new
// output base: testing every synthetic target; testing what tools/affected
// prints against the saved hashes (a quick answer, from the saved graph); the
// same with the tool analysing the tree (the hashes without the graph, as
// before quick answers); and testing those targets named by hand (what any
// way of picking them can reach).
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
	// The same hashes as an older --save wrote them, without the graph: the
	// tool analyses the working tree, as it did before its quick answers.
	analysed := ws + ".pr-hashes-nograph.json"
	if err := withoutGraph(hashes, analysed); err != nil {
		return nil, err
	}
	pr := &prResult{Lib: libName(s.Libs / 2)}
	if err := Edit(ws, pr.Lib, 1); err != nil {
		return nil, err
	}
	// affected: bazel run //tools/affected against a hashes file, then bazel
	// test on what it printed, in one new output base.
	affected := func(name, file string) (tool, total result, labels []string, err error) {
		b := bazel{runner: r, outputBase: fmt.Sprintf("%s.pr-%s", ws, name), flags: c.flags()}
		defer func() {
			_, _, _ = b.cmd("shutdown")
			_ = os.RemoveAll(b.outputBase)
		}()
		if err := setOutputBase(b.outputBase); err != nil {
			return tool, total, nil, err
		}
		out, took, err := b.cmd("run", append(c.flags(), "--noshow_progress", "--ui_event_filters=-info",
			"//tools/affected", "--", "--base-hashes", file)...)
		if err != nil {
			return tool, total, nil, err
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "//libs/") || strings.HasPrefix(l, "//apps/") {
				labels = append(labels, l)
			}
		}
		start := time.Now()
		total, err = b.testTargets(labels)
		total.Seconds = took.Seconds() + time.Since(start).Seconds()
		return result{Seconds: took.Seconds()}, total, labels, err
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

		tool, t, labels, err := affected(fmt.Sprintf("affected-%d", i), hashes)
		if err != nil {
			return nil, err
		}
		pr.Targets = len(labels)
		pr.Tool, pr.Affected = append(pr.Tool, tool), append(pr.Affected, t)

		_, t, again, err := affected(fmt.Sprintf("analysed-%d", i), analysed)
		if err != nil {
			return nil, err
		}
		if strings.Join(again, " ") != strings.Join(labels, " ") {
			return nil, fmt.Errorf("tools/affected answered %d targets from the saved graph and %d analysing the tree", len(labels), len(again))
		}
		pr.Analysed = append(pr.Analysed, t)

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

// withoutGraph copies the hashes file --save wrote without what quick
// answers read, as an older --save wrote it.
func withoutGraph(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	var saved map[string]json.RawMessage
	if err := json.Unmarshal(data, &saved); err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	if saved["reach"] == nil {
		return fmt.Errorf("%s holds no graph (reach): is tools/affected older than monobench?", from)
	}
	delete(saved, "reach")
	delete(saved, "targets")
	delete(saved, "shaping")
	if data, err = json.Marshal(saved); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
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
	all, aff, tool, an, known := median(p.All), median(p.Affected), median(p.Tool), median(p.Analysed), median(p.Known)
	return fmt.Sprintf("\nPull request (an edit of %s; clean output bases, warm remote cache; median of %d): "+
		"testing every target %.1f s; tools/affected then its %d targets %.1f s (the tool %.1f s), %.2fx faster; "+
		"the same with the tool analysing the tree %.1f s (%.2fx); the same targets named by hand, with no tool, %.1f s (%.2fx).\n",
		p.Lib, len(p.All), all.Seconds, p.Targets, aff.Seconds, tool.Seconds, all.Seconds/aff.Seconds,
		an.Seconds, all.Seconds/an.Seconds, known.Seconds, all.Seconds/known.Seconds)
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
