package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// prResult is a pull request's test step measured both ways, from a clean
// output base and a warm remote cache, one run per element.
type prResult struct {
	All      []result // bazel test //...: the pull request tier before tools/affected
	Affected []result // tools/affected/test_affected.sh, as .ci/run pr runs it: the tool main saved
	Tool     []result // the same run until the tool has answered
	Built    []result // the same, building the tool (bazel run) instead of running main's
	BuiltAt  []result // and until that tool has answered
	Analysed []result // the same, main's tool analysing the tree (saved hashes without the graph)
	Known    []result // bazel test on the same targets and gates named by hand: what any selector can reach
	Targets  int      // how many targets the tool printed, the source gates apart
	Gates    int      // and how many source gates beside them
	Lib      string   // the edited lib
}

// measurePR: the workspace as the cache holds it, made a git checkout on
// main, with a one-line edit of one lib (uncommitted, as a
// pull request's checkout looks to tools/affected against main). Main's CI
// first tests //... into the cache and saves its target hashes and the tool
// (--save). Then, taking turns, each from a new output base: the pull request
// tier before tools/affected, `bazel test //...`; the tier now,
// test_affected.sh with what main saved (the saved tool's quick answer from
// the saved graph, then bazel test on the affected targets and the source
// gates); the same building the tool instead (hashes saved, no tool); the
// same with the tool analysing the tree (the hashes without the graph, as
// before quick answers); and those targets and gates named by hand (what any
// way of picking them can reach).
func (c *remoteCache) measurePR(log *os.File, lib string, edit func(root string) error, runs int) (*prResult, error) {
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
	// user.bazelrc (untracked, as a developer's) gives the script's Bazel
	// commands our output base, and no bazel-* symlinks: one left by another
	// output base would be a package to //... .
	rc := filepath.Join(ws, "user.bazelrc")
	setOutputBase := func(ob string) error {
		return os.WriteFile(rc, []byte("startup --output_base="+ob+"\nbuild --symlink_prefix=/\n"), 0o644)
	}
	// Main's CI: //... in the cache, and this commit's target hashes and tool saved.
	warm := bazel{runner: r, outputBase: ws + ".pr-warm", flags: append(c.flags(), "--remote_upload_local_results")}
	saved := ws + ".pr-saved"
	if err := setOutputBase(warm.outputBase); err != nil {
		return nil, err
	}
	if _, _, err := warm.cmd("test", "//..."); err != nil {
		return nil, err
	}
	if _, _, err := warm.cmd("run", append(warm.flags, "//tools/affected", "--", "--save", saved)...); err != nil {
		return nil, err
	}
	_, _, _ = warm.cmd("shutdown")
	// The same hashes without the tool (the tier builds it), and without the
	// graph, as an older --save wrote them (the tool analyses the tree, as it
	// did before its quick answers).
	built, analysed := ws+".pr-saved-built", ws+".pr-saved-analysed"
	if err := copyFile(filepath.Join(saved, "hashes.json"), filepath.Join(built, "hashes.json")); err != nil {
		return nil, err
	}
	if err := copyFile(filepath.Join(saved, "affected"), filepath.Join(analysed, "affected")); err != nil {
		return nil, err
	}
	if err := withoutGraph(filepath.Join(saved, "hashes.json"), filepath.Join(analysed, "hashes.json")); err != nil {
		return nil, err
	}
	pr := &prResult{Lib: lib}
	if err := edit(ws); err != nil {
		return nil, err
	}
	// What the script will test, named by hand: the saved tool's answer.
	cmd := exec.Command(filepath.Join(saved, "affected"), "--base-hashes", filepath.Join(saved, "hashes.json"), "--gates", "--json")
	cmd.Dir = ws
	cmd.Env = append(os.Environ(), "BUILD_WORKSPACE_DIRECTORY="+ws) // as bazel run gives it, not monobench's own
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	labels, gates, err := answerOf(string(out))
	if err != nil {
		return nil, err
	}
	pr.Targets, pr.Gates = len(labels)-gates, gates

	// tier runs test_affected.sh as .ci/run pr does, in a new output base,
	// and checks it tested what the tool answered, with the tool it was given.
	tier := func(name, dir string) (tool, total result, err error) {
		ob := fmt.Sprintf("%s.pr-%s", ws, name)
		b := bazel{runner: r, outputBase: ob}
		defer func() {
			_, _, _ = b.cmd("shutdown")
			_ = os.RemoveAll(ob)
		}()
		if err := setOutputBase(ob); err != nil {
			return tool, total, err
		}
		tr := runner{dir: ws, log: log, env: []string{"AFFECTED_SAVED=" + dir, "BAZEL_REMOTE_CACHE=" + c.url}}
		out, took, answered, err := tr.runUntil("affected: ", "tools/affected/test_affected.sh")
		if err != nil {
			return tool, total, err
		}
		by := "bazel run //tools/affected"
		if _, err := os.Stat(filepath.Join(dir, "affected")); err == nil {
			by = filepath.Join(dir, "affected")
		}
		if err := testedAsAsked(out, len(labels), by); err != nil {
			return tool, total, err
		}
		work, hits := processes(out)
		return result{Seconds: answered.Seconds()}, result{Seconds: took.Seconds(), Work: work, Hits: hits}, nil
	}
	for i := 0; i < runs; i++ {
		all := bazel{runner: r, outputBase: fmt.Sprintf("%s.pr-all-%d", ws, i), flags: c.flags()}
		if err := setOutputBase(all.outputBase); err != nil {
			return nil, err
		}
		a, err := all.testTargets([]string{"//..."})
		_, _, _ = all.cmd("shutdown")
		_ = os.RemoveAll(all.outputBase)
		if err != nil {
			return nil, err
		}
		pr.All = append(pr.All, a)

		tool, t, err := tier(fmt.Sprintf("affected-%d", i), saved)
		if err != nil {
			return nil, err
		}
		pr.Tool, pr.Affected = append(pr.Tool, tool), append(pr.Affected, t)

		if tool, t, err = tier(fmt.Sprintf("built-%d", i), built); err != nil {
			return nil, err
		}
		pr.BuiltAt, pr.Built = append(pr.BuiltAt, tool), append(pr.Built, t)

		if _, t, err = tier(fmt.Sprintf("analysed-%d", i), analysed); err != nil {
			return nil, err
		}
		pr.Analysed = append(pr.Analysed, t)

		known := bazel{runner: r, outputBase: fmt.Sprintf("%s.pr-known-%d", ws, i), flags: c.flags()}
		if err := setOutputBase(known.outputBase); err != nil {
			return nil, err
		}
		k, err := known.testTargets(labels)
		_, _, _ = known.cmd("shutdown")
		_ = os.RemoveAll(known.outputBase)
		if err != nil {
			return nil, err
		}
		pr.Known = append(pr.Known, k)
	}
	for _, d := range []string{saved, built, analysed} {
		_ = os.RemoveAll(d)
	}
	return pr, os.Remove(rc)
}

// answerOf reads tools/affected's --json --gates answer: the labels to test,
// and how many of them are source gates.
func answerOf(out string) ([]string, int, error) {
	var a struct {
		Everything bool
		Targets    []struct {
			Label string
			Gate  bool
		}
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		return nil, 0, fmt.Errorf("tools/affected --json: %w", err)
	}
	if a.Everything {
		return nil, 0, fmt.Errorf("tools/affected answered everything for a one-line edit")
	}
	var labels []string
	gates := 0
	for _, t := range a.Targets {
		labels = append(labels, t.Label)
		if t.Gate {
			gates++
		}
	}
	return labels, gates, nil
}

var testingRE = regexp.MustCompile(`test_affected\.sh: testing (\d+) targets, the affected ones and the source gates \((.*)\)`)

// testedAsAsked checks that test_affected.sh's output says it tested this
// many targets with the tool by: not //... after a failure, not another
// answer than the tool's, not another tool.
func testedAsAsked(out string, targets int, by string) error {
	m := testingRE.FindStringSubmatch(out)
	if m == nil {
		return fmt.Errorf("test_affected.sh did not test the affected targets:\n%s", tail(out, 20))
	}
	if m[1] != strconv.Itoa(targets) {
		return fmt.Errorf("test_affected.sh tested %s targets; the tool answered %d", m[1], targets)
	}
	if m[2] != by {
		return fmt.Errorf("test_affected.sh ran %s, not %s", m[2], by)
	}
	return nil
}

// runUntil runs a command, its stdout and stderr as one output, and says how
// long it took, and until it printed a line starting with marker (if marker is
// not "": else, or if it never did, the whole run).
func (r runner) runUntil(marker, name string, args ...string) (string, time.Duration, time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), r.env...)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return "", 0, 0, err
	}
	cmd.Stderr = cmd.Stdout
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return "", 0, 0, err
	}
	var out strings.Builder
	var at time.Duration
	rd := bufio.NewReader(pipe)
	for {
		line, err := rd.ReadString('\n')
		if at == 0 && marker != "" && strings.HasPrefix(line, marker) {
			at = time.Since(start)
		}
		out.WriteString(line)
		if err != nil {
			break
		}
	}
	err = cmd.Wait()
	took := time.Since(start)
	if at == 0 {
		at = took
	}
	if r.log != nil {
		note := ""
		if marker != "" {
			note = fmt.Sprintf(", %q after %.2fs", marker, at.Seconds())
		}
		fmt.Fprintf(r.log, "$ (cd %s && %s)  # %.2fs%s\n%s\n", r.dir, strings.Join(append(append(append([]string(nil), r.env...), name), args...), " "), took.Seconds(), note, out.String())
	}
	if err != nil {
		return out.String(), took, at, fmt.Errorf("%s %s in %s: %w\n%s", name, strings.Join(args, " "), r.dir, err, tail(out.String(), 40))
	}
	return out.String(), took, at, nil
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
func (p *prResult) markdown() string {
	all, aff, tool, built, builtAt := median(p.All), median(p.Affected), median(p.Tool), median(p.Built), median(p.BuiltAt)
	an, known := median(p.Analysed), median(p.Known)
	return fmt.Sprintf("\nPull request (an edit of %s; clean output bases, warm remote cache; median of %d): "+
		"`bazel test //...` %.1f s; test_affected.sh (.ci/run pr's tests: the tool main saved, then its %d targets and %d source gates) %.1f s, %.2fx faster "+
		"(the tool answered after %.1f s); the same building the tool (bazel run) %.1f s (%.2fx; answered after %.1f s); "+
		"the same with the tool analysing the tree %.1f s (%.2fx); the same targets and gates named by hand, with no tool, %.1f s (%.2fx).\n",
		p.Lib, len(p.All), all.Seconds, p.Targets, p.Gates, aff.Seconds, all.Seconds/aff.Seconds, tool.Seconds,
		built.Seconds, all.Seconds/built.Seconds, builtAt.Seconds,
		an.Seconds, all.Seconds/an.Seconds, known.Seconds, all.Seconds/known.Seconds)
}

// repoLib is the lib that -pr -n 0 (this repository) edits: every app
// imports it.
const repoLib = "greeting"

// prOnly measures a size's pull request tier alone: generate (for N = 0,
// copy this repository as it is), then measurePR, which fills the cache as
// main's CI would (-pr).
func prOnly(src, work string, s Shape, runs int, log *os.File) (string, error) {
	ws := filepath.Join(work, fmt.Sprintf("n%d", s.Libs))
	title := fmt.Sprintf("### N = %d libs, %d apps\n", s.Libs, s.Apps)
	lib := libName(s.Libs / 2)
	edit := func(root string) error { return Edit(root, lib, 1) }
	if s.Libs == 0 {
		ws, title, lib = filepath.Join(work, "repo"), "### This repository\n", repoLib
		edit = func(root string) error { return AppendLine(filepath.Join(root, "libs", repoLib, repoLib+".go")) }
		if err := copyTracked(src, ws, nil); err != nil {
			return "", err
		}
	} else {
		if err := copyTemplate(src, ws); err != nil {
			return "", err
		}
		if err := Generate(ws, "example.com/monorepo", s); err != nil {
			return "", err
		}
	}
	cache, err := startRemote(ws)
	if err != nil {
		return "", fmt.Errorf("remote cache: %w", err)
	}
	defer cache.stop()
	pr, err := cache.measurePR(log, lib, edit, runs)
	if err != nil {
		return "", err
	}
	return title + pr.markdown(), nil
}
