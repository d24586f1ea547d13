package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// result is one timed command.
type result struct {
	Seconds float64
	// Work is what the tool redid: Bazel's executed processes (not internal,
	// not cache hits), or the number of go packages tested anew.
	Work int
	// Hits is Bazel's "remote cache hit" processes.
	Hits int
}

// runner runs one tool in one workspace.
type runner struct {
	dir string
	env []string
	log *os.File
}

func (r runner) run(name string, args ...string) (string, time.Duration, error) {
	out, took, _, err := r.runUntil("", name, args...)
	return out, took, err
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}

// bazel is one workspace with its own output base, driven through tools/bazel.
type bazel struct {
	runner
	outputBase string
	flags      []string // after `test`, e.g. --remote_cache=...
}

var targets = []string{"//libs/...", "//apps/..."}

func (b bazel) cmd(command string, extra ...string) (string, time.Duration, error) {
	args := []string{"--output_base=" + b.outputBase, command}
	if command == "test" {
		args = append(args, b.flags...)
	}
	return b.run("tools/bazel", append(args, extra...)...)
}

var processesRE = regexp.MustCompile(`INFO: (\d+) processes?: (.*)\.`)

// processes reads Bazel's summary line, e.g. "120 processes: 6 internal,
// 100 linux-sandbox, 14 remote cache hit.", into work and hits.
func processes(out string) (work, hits int) {
	m := processesRE.FindAllStringSubmatch(out, -1)
	if m == nil {
		return 0, 0
	}
	for _, part := range strings.Split(m[len(m)-1][2], ", ") {
		n, kind, _ := strings.Cut(part, " ")
		v, _ := strconv.Atoi(n)
		switch kind {
		case "internal":
		case "remote cache hit":
			hits += v
		default:
			work += v
		}
	}
	return work, hits
}

// test runs bazel test on the synthetic targets.
func (b bazel) test() (result, error) {
	out, took, err := b.cmd("test", targets...)
	work, hits := processes(out)
	return result{Seconds: took.Seconds(), Work: work, Hits: hits}, err
}

// heapAfterGC is what `bazel info used-heap-size-after-gc` says (it collects
// garbage first), in MiB.
func (b bazel) heapAfterGC() (float64, error) {
	out, _, err := b.cmd("info", "used-heap-size-after-gc")
	if err != nil {
		return 0, err
	}
	return parseMiB(tail(out, 1))
}

// parseMiB reads Bazel's sizes ("1234MB", "2GB") as MiB: Bazel's "MB" is
// 1024*1024 bytes.
func parseMiB(s string) (float64, error) {
	s = strings.TrimSpace(s)
	for unit, mib := range map[string]float64{"KB": 1.0 / 1024, "MB": 1, "GB": 1024} {
		if v, ok := strings.CutSuffix(s, unit); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0, fmt.Errorf("bazel info: %q: %w", s, err)
			}
			return f * mib, nil
		}
	}
	return 0, fmt.Errorf("bazel info: %q is no size", s)
}

// timed runs one Bazel command and times it.
func (b bazel) timed(command string, args ...string) (result, error) {
	out, took, err := b.cmd(command, args...)
	work, hits := processes(out)
	return result{Seconds: took.Seconds(), Work: work, Hits: hits}, err
}

// peakRSS is the Bazel server's peak resident memory (VmHWM), in MiB.
func (b bazel) peakRSS() (float64, error) {
	out, _, err := b.cmd("info", "server_pid")
	if err != nil {
		return 0, err
	}
	pid := strings.TrimSpace(tail(out, 1))
	status, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%s/status", pid)
}

// gotool is the plain go command on the same workspace, with its own GOCACHE.
type gotool struct{ runner }

// test runs `go build` then `go test` on the synthetic packages, as a
// developer without Bazel does.
func (g gotool) test() (result, error) {
	_, t1, err := g.run("go", "build", "./libs/...", "./apps/...")
	if err != nil {
		return result{}, err
	}
	out, t2, err := g.run("go", "test", "./libs/...", "./apps/...")
	fresh := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "ok ") && !strings.Contains(line, "(cached)") {
			fresh++
		}
	}
	return result{Seconds: (t1 + t2).Seconds(), Work: fresh}, err
}
