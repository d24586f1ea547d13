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

// phases, in the order they are reported.
var phases = []string{"cold", "rerun", "leaf", "root", "no-op"}

// sizeResult is every measurement for one Shape.
type sizeResult struct {
	Shape       Shape
	Bazel, Go   map[string][]result // phase -> one result per run
	FirstBuild  result              // bazel's first build in a new output base: fetching, and with -remote uploading, included
	PeakRSSMiB  float64
	Remote      *remoteResult
	BazelTarget int // synthetic packages: libs + apps
}

type remoteResult struct {
	Fetch result // fetching external repositories into the clean output base
	Build result // bazel test served by the warm cache
}

// median of the runs of one phase.
func median(rs []result) result {
	s := append([]result(nil), rs...)
	sort.Slice(s, func(i, j int) bool { return s[i].Seconds < s[j].Seconds })
	return s[len(s)/2]
}

func measureSize(src, work string, s Shape, runs int, remote bool, log *os.File) (sizeResult, error) {
	res := sizeResult{Shape: s, Bazel: map[string][]result{}, Go: map[string][]result{}}
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
	var err error
	if res.FirstBuild, err = first.test(); err != nil {
		return res, err
	}
	edits := 0
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
		for _, phase := range []string{"leaf", "root"} {
			lib := s.Leaf()
			if phase == "root" {
				lib = s.Root()
			}
			edits++
			if err := Edit(ws, lib, edits); err != nil {
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
	}
	if res.PeakRSSMiB, err = b.peakRSS(); err != nil {
		return res, err
	}
	if cache != nil {
		if res.Remote, err = cache.measure(log); err != nil {
			return res, fmt.Errorf("remote cache: %w", err)
		}
	}
	return res, nil
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
	out, err := exec.Command("git", "-C", src, "ls-files", "-z").Output()
	if err != nil {
		return fmt.Errorf("git ls-files in %s: %w", src, err)
	}
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if strings.HasPrefix(f, "libs/") || strings.HasPrefix(f, "apps/") {
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
