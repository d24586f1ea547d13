package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// phases, in the order they are reported. Go and Bazel each time every one.
var phases = []string{"cold", "rerun", "leaf", "root", "no-op", "leaf-aged"}

// gates are the source gates that `bazel test //...` runs on every command,
// as one test (tagged external: they read the tree, so Bazel never caches
// them; tools/lint/README.md).
var gates = []string{"//:gates_test"}

// sizeResult is every measurement for one Shape.
type sizeResult struct {
	Shape      Shape
	Date       string              // when it was measured, YYYY-MM-DD
	Runs       int                 // how many runs each median is of
	Bazel, Go  map[string][]result // phase -> one result per run
	FirstBuild result              // bazel's first build in a new output base: fetching, and with -remote uploading, included
	PeakRSSMiB float64
	// Bazel only, per run, each on a warm server:
	HeapMiB []float64 // used-heap-size-after-gc right after the cold build and its rerun
	Gates   []result  // a no-op bazel test of the synthetic targets and the source gates
	Gazelle []result  // bazel run //:gazelle over the whole tree (it changes nothing)
	Query   []result  // bazel query //...
	// Affected is tools/affected against the hashes --save wrote, after an
	// edit of the lib in the middle of the graph (once, after the runs).
	Affected *result
	Remote   *remoteResult
}

type remoteResult struct {
	Fetch result // fetching external repositories into the clean output base
	Build result // bazel test served by the warm cache
}

// median of the runs of one phase.
func median(rs []result) result {
	if len(rs) == 0 {
		return result{}
	}
	s := append([]result(nil), rs...)
	sort.Slice(s, func(i, j int) bool { return s[i].Seconds < s[j].Seconds })
	return s[len(s)/2]
}

// agedCommands is how old the Bazel server is, in commands, when leaf-aged
// edits: what a developer's server is after a few minutes of work, its JIT
// warm (issue 37's goal at N = 25).
const agedCommands = 10

func measureSize(src, work string, s Shape, runs int, remote bool, log *os.File) (sizeResult, error) {
	res := sizeResult{Shape: s, Date: time.Now().UTC().Format("2006-01-02"), Runs: runs,
		Bazel: map[string][]result{}, Go: map[string][]result{}}
	ws := filepath.Join(work, fmt.Sprintf("n%d", s.Libs))
	if err := copyTemplate(src, ws); err != nil {
		return res, err
	}
	if err := Generate(ws, "example.com/monorepo", s); err != nil {
		return res, err
	}
	b := bazel{runner: runner{dir: ws, log: log}, outputBase: ws + ".ob"}
	gocache := ws + ".gocache"
	g := gotool{runner{dir: ws, log: log, env: []string{"GOCACHE=" + gocache, "GOFLAGS=-mod=readonly"}}}
	defer b.cmd("shutdown")

	// The first build fetches and warms the output base. With -remote it also
	// fills the remote cache, for a copy of the workspace taken now, before the
	// edits: that saves a cold build per size.
	first := b
	var cache *remoteCache
	if remote {
		var err error
		if cache, err = startRemote(ws); err != nil {
			return res, fmt.Errorf("remote cache: %w", err)
		}
		defer cache.stop()
		first.flags = append(cache.flags(), "--remote_upload_local_results")
	}
	// A git checkout (after the copy above): tools/affected and the gates
	// read the tree as git lists it.
	if err := commitAll(b.runner, "generated"); err != nil {
		return res, err
	}
	var err error
	if res.FirstBuild, err = first.test(); err != nil {
		return res, err
	}
	edits := 0
	edit := func(lib string) error {
		edits++
		return Edit(ws, lib, edits)
	}
	for i := 0; i < runs; i++ {
		// Cold: go with an empty GOCACHE; Bazel after `bazel clean` (outputs and
		// action cache gone, fetched repositories kept) with a new server.
		if err := os.RemoveAll(gocache); err != nil {
			return res, err
		}
		if err := step(&res, "cold", g, b, func() error {
			if _, _, err := b.cmd("clean"); err != nil {
				return err
			}
			_, _, err := b.cmd("shutdown")
			return err
		}); err != nil {
			return res, err
		}
		// The first rerun after cold: for Bazel, on the server the cold build
		// started, whose JIT has not yet compiled the paths a no-op takes.
		if err := step(&res, "rerun", g, b, nil); err != nil {
			return res, err
		}
		heap, err := b.heapAfterGC()
		if err != nil {
			return res, err
		}
		res.HeapMiB = append(res.HeapMiB, heap)
		for _, phase := range []string{"leaf", "root"} {
			lib := s.Leaf()
			if phase == "root" {
				lib = s.Root()
			}
			if err := edit(lib); err != nil {
				return res, err
			}
			// Both tools see the same edit: go first, then Bazel.
			if err := step(&res, phase, g, b, nil); err != nil {
				return res, err
			}
		}
		// No-op on a server that has been working: a developer's steady state.
		if err := step(&res, "no-op", g, b, nil); err != nil {
			return res, err
		}
		// The server has run 6 commands (cold, rerun, info, leaf, root,
		// no-op); no-ops make it agedCommands old, then the leaf again.
		for k := 6; k < agedCommands; k++ {
			if _, err := b.test(); err != nil {
				return res, err
			}
		}
		if err := edit(s.Leaf()); err != nil {
			return res, err
		}
		if err := step(&res, "leaf-aged", g, b, nil); err != nil {
			return res, err
		}
		if err := measureWarm(&res, b); err != nil {
			return res, err
		}
	}
	if res.PeakRSSMiB, err = b.peakRSS(); err != nil {
		return res, err
	}
	if res.Affected, err = measureAffected(b, s); err != nil {
		return res, fmt.Errorf("tools/affected: %w", err)
	}
	if cache != nil {
		if res.Remote, err = cache.measure(log); err != nil {
			return res, fmt.Errorf("remote cache: %w", err)
		}
	}
	return res, nil
}

// measureWarm times, on the warm server, what a developer runs besides
// builds: a no-op with the source gates (their tools built first, untimed),
// Gazelle over the whole tree (built first), which must change no BUILD file,
// and a query of every target.
func measureWarm(res *sizeResult, b bazel) error {
	withGates := append(append([]string(nil), targets...), gates...)
	if _, _, err := b.cmd("test", withGates...); err != nil {
		return err
	}
	r, err := b.timed("test", withGates...)
	if err != nil {
		return err
	}
	res.Gates = append(res.Gates, r)
	for k := 0; k < 2; k++ {
		if r, err = b.timed("run", "//:gazelle"); err != nil {
			return err
		}
	}
	if out, _, err := b.run("git", "status", "--porcelain", "--", "*.bazel"); err != nil || out != "" {
		return fmt.Errorf("gazelle changed the generated BUILD files (the generator and tools/gazelle disagree): %v\n%s", err, out)
	}
	res.Gazelle = append(res.Gazelle, r)
	if r, err = b.timed("query", "//..."); err != nil {
		return err
	}
	res.Query = append(res.Query, r)
	return nil
}

// measureAffected: what tools/affected costs a developer on a warm server.
// Main's hashes saved (untimed) for the tree as committed, then an edit of
// the lib in the middle of the graph, then the tool against them. The tool
// runs Bazel itself: user.bazelrc points it at the same output base.
func measureAffected(b bazel, s Shape) (*result, error) {
	if err := commitAll(b.runner, "edits"); err != nil {
		return nil, err
	}
	rc := filepath.Join(b.dir, "user.bazelrc")
	if err := os.WriteFile(rc, []byte("startup --output_base="+b.outputBase+"\n"), 0o644); err != nil {
		return nil, err
	}
	defer os.Remove(rc)
	saved := b.dir + ".affected"
	defer os.RemoveAll(saved)
	if _, _, err := b.cmd("run", "//tools/affected", "--", "--save", saved); err != nil {
		return nil, err
	}
	if err := Edit(b.dir, libName(s.Libs/2), 1000); err != nil {
		return nil, err
	}
	out, took, err := b.cmd("run", "--noshow_progress", "--ui_event_filters=-info", "//tools/affected", "--", "--base-hashes", filepath.Join(saved, "hashes.json"))
	if err != nil {
		return nil, err
	}
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "//") {
			n++
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("it printed no target after an edit of %s:\n%s", libName(s.Libs/2), tail(out, 20))
	}
	return &result{Seconds: took.Seconds(), Work: n}, nil
}

// commitAll commits the workspace as it is (git init on the first call),
// with an identity of its own.
func commitAll(r runner, msg string) error {
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"}, {"add", "-A"},
		{"-c", "user.name=monobench", "-c", "user.email=monobench@localhost", "commit", "-qm", msg},
	} {
		if _, _, err := r.run("git", args...); err != nil {
			return err
		}
	}
	return nil
}

// step times go, then Bazel (after prepare, if any), for one phase.
func step(res *sizeResult, phase string, g gotool, b bazel, prepare func() error) error {
	gr, err := g.test()
	if err != nil {
		return err
	}
	if prepare != nil {
		if err := prepare(); err != nil {
			return err
		}
	}
	br, err := b.test()
	if err != nil {
		return err
	}
	res.Go[phase] = append(res.Go[phase], gr)
	res.Bazel[phase] = append(res.Bazel[phase], br)
	return nil
}

// remoteCache is an nginx WebDAV cache on 127.0.0.1 and a copy of the
// workspace as it was when the cache was filled.
type remoteCache struct {
	url, clean string
	stop       func()
}

// startRemote copies ws to ws-clean and starts the cache.
func startRemote(ws string) (*remoteCache, error) {
	c := &remoteCache{clean: ws + "-clean"}
	if err := copyTree(ws, c.clean); err != nil {
		return nil, err
	}
	var err error
	c.url, c.stop, err = startNginx(ws + ".nginx")
	return c, err
}

// flags use the cache as this repo's .bazelrc says (--config=remote-cache), as
// tools/bazel does when BAZEL_REMOTE_CACHE is set.
func (c *remoteCache) flags() []string {
	return []string{"--config=remote-cache", "--remote_cache=" + c.url}
}

// measure builds the copy in a new output base served by the cache, which
// the first build filled.
func (c *remoteCache) measure(log *os.File) (*remoteResult, error) {
	b := bazel{runner: runner{dir: c.clean, log: log}, outputBase: c.clean + ".ob", flags: c.flags()}
	defer b.cmd("shutdown")
	r := &remoteResult{}
	_, took, err := b.cmd("fetch", targets...)
	if err != nil {
		return nil, err
	}
	r.Fetch = result{Seconds: took.Seconds()}
	if r.Build, err = b.test(); err != nil {
		return nil, err
	}
	return r, nil
}

func startNginx(dir string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	if err := os.MkdirAll(filepath.Join(dir, "data", "cache"), 0o755); err != nil {
		return "", nil, err
	}
	user := ""
	if os.Getuid() == 0 {
		user = "user root root;"
	}
	conf := fmt.Sprintf(`daemon off; worker_processes 1; %s error_log %[2]s/error.log warn; pid %[2]s/nginx.pid;
events {}
http {
  access_log off; client_body_temp_path %[2]s/body; proxy_temp_path %[2]s/proxy;
  fastcgi_temp_path %[2]s/fastcgi; uwsgi_temp_path %[2]s/uwsgi; scgi_temp_path %[2]s/scgi;
  server {
    listen 127.0.0.1:%[3]d;
    location /cache/ { root %[2]s/data; dav_methods PUT; create_full_put_path on; client_max_body_size 0; }
  }
}
`, user, dir, port)
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf), 0o644); err != nil {
		return "", nil, err
	}
	cmd := exec.Command("nginx", "-c", filepath.Join(dir, "nginx.conf"), "-p", dir)
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	// SIGTERM, not SIGKILL: nginx's master then stops its worker, which a
	// killed master would leave running (and listening) under init.
	stop := func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }
	for i := 0; i < 50; i++ {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return fmt.Sprintf("http://127.0.0.1:%d/cache", port), stop, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	return "", nil, fmt.Errorf("nginx did not start on 127.0.0.1:%d (see %s/error.log)", port, dir)
}

// copyTemplate copies the files git tracks in src, except libs/ and apps/
// (Generate writes those), to dst.
func copyTemplate(src, dst string) error {
	return copyTracked(src, dst, func(f string) bool {
		return strings.HasPrefix(f, "libs/") || strings.HasPrefix(f, "apps/")
	})
}

// copyTracked copies the files git tracks in src to dst, but those skip
// (if not nil) says to leave out.
func copyTracked(src, dst string, skip func(string) bool) error {
	out, err := exec.Command("git", "-C", src, "ls-files", "-z").Output()
	if err != nil {
		return fmt.Errorf("git ls-files in %s: %w", src, err)
	}
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if skip != nil && skip(f) {
			continue
		}
		if err := copyFile(filepath.Join(src, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies a generated workspace, minus Bazel's convenience symlinks.
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if strings.HasPrefix(rel, "bazel-") {
			if info.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if info.IsDir() || info.Mode()&os.ModeSymlink != 0 {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(from, to string) error {
	info, err := os.Stat(from)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, info.Mode().Perm())
}
