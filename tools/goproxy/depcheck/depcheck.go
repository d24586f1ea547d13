// Package depcheck checks that the Bazel repositories of Go modules
// (tools/goproxy/go_deps.bzl, written by `bazel run //:gazelle-update-repos`)
// match go.mod and go.sum, the single source of truth for Go dependencies.
package depcheck

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/bazelbuild/buildtools/build"
	"golang.org/x/mod/modfile"
)

// FixCommand is what resolves every problem Check reports but a hash mismatch.
const FixCommand = "bazel run //:gazelle-update-repos && bazel run //:gazelle"

// Problem is one disagreement Check reports. Hash names MODULE@VERSION when
// the problem is that go.sum and go_deps.bzl pin the same version with two
// hashes: then one of them was edited by hand or tampered with, and
// FixCommand would copy go.sum's hash over the other without a question.
type Problem struct{ Text, Hash string }

// Advice says how to resolve problems: FixCommand, unless a hash moved.
func Advice(problems []Problem) string {
	var moved []string
	for _, p := range problems {
		if p.Hash != "" {
			moved = append(moved, p.Hash)
		}
	}
	if len(moved) == 0 {
		return "Fix with: " + FixCommand
	}
	return fmt.Sprintf(`The same module version has two hashes (%s): go.sum or go_deps.bzl was edited by hand,
or tampered with. Do not run gazelle-update-repos first: it copies go.sum's hash, right or wrong.
Find the true one: go mod download %s
  (it checks the proxy's download against go.sum; a SECURITY ERROR means go.sum's hash is the
  wrong one. go mod verify does not notice: it only checks the module cache.)
Restore the file that is wrong (git log -p go.sum tools/goproxy/go_deps.bzl), then: %s`,
		strings.Join(moved, ", "), strings.Join(moved, " "), FixCommand)
}

// Repository is one go_repository of go_deps.bzl.
type Repository struct{ Name, Importpath, Version, Sum string }

// Check returns one line per disagreement between go.mod, go.sum and
// go_deps.bzl (named by the paths given for messages), or nil when: every
// module go.mod requires has a go_repository at the same version, and every
// go_repository of a module that go.sum lists is at a version go.sum lists,
// with go.sum's hash where it records one (none stale, none hand-edited).
// Repositories of modules go.sum does not mention at all are allowed: Gazelle
// writes the whole `go list -m all` graph, go.sum only the part the build reads.
func Check(goModPath string, goMod []byte, goSum []byte, depsPath string, deps []byte) ([]Problem, error) {
	mf, err := modfile.ParseLax(goModPath, goMod, nil)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", goModPath, err)
	}
	sums, graph, paths, err := parseSum(goSum)
	if err != nil {
		return nil, err
	}
	repos, err := Repositories(depsPath, deps)
	if err != nil {
		return nil, err
	}

	var problems []Problem
	add := func(format string, args ...any) {
		problems = append(problems, Problem{Text: fmt.Sprintf(format, args...)})
	}
	byPath := map[string]Repository{}
	for _, r := range repos {
		byPath[r.Importpath] = r
		key := r.Importpath + "@" + r.Version
		want, hashed := sums[key]
		switch {
		case paths[r.Importpath] && !graph[key]:
			add("%s: go_repository %s is %s@%s, but go.sum lists other versions of it", depsPath, r.Name, r.Importpath, r.Version)
		case hashed && want != r.Sum:
			problems = append(problems, Problem{
				Text: fmt.Sprintf("%s: go_repository %s has sum %s, go.sum says %s for %s@%s", depsPath, r.Name, r.Sum, want, r.Importpath, r.Version),
				Hash: key,
			})
		}
	}
	for _, req := range mf.Require {
		r, ok := byPath[req.Mod.Path]
		switch {
		case !ok:
			add("%s requires %s %s, but %s has no go_repository for it", goModPath, req.Mod.Path, req.Mod.Version, depsPath)
		case r.Version != req.Mod.Version:
			add("%s requires %s %s, but go_repository %s is at %s", goModPath, req.Mod.Path, req.Mod.Version, r.Name, r.Version)
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].Text < problems[j].Text })
	return problems, nil
}

// parseSum returns the h1: hashes of module zips by module@version, the set
// of every module@version in go.sum (modules whose code the build never needs
// have only a /go.mod line), and the set of module paths.
func parseSum(data []byte) (sums map[string]string, graph, paths map[string]bool, err error) {
	sums, graph, paths = map[string]string{}, map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 || !strings.HasPrefix(f[2], "h1:") {
			return nil, nil, nil, fmt.Errorf("go.sum line %d: want MODULE VERSION h1:HASH, got %q", n, sc.Text())
		}
		version, isGoMod := strings.CutSuffix(f[1], "/go.mod")
		graph[f[0]+"@"+version] = true
		paths[f[0]] = true
		if !isGoMod {
			sums[f[0]+"@"+version] = f[2]
		}
	}
	return sums, graph, paths, sc.Err()
}

// Repositories reads the go_repository calls of a macro file such as
// go_deps.bzl, each with the importpath, version and sum update-repos writes.
func Repositories(path string, data []byte) ([]Repository, error) {
	f, err := build.ParseBzl(path, data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	var repos []Repository
	for _, r := range f.Rules("go_repository") {
		rp := Repository{Name: r.Name(), Importpath: r.AttrString("importpath"), Version: r.AttrString("version"), Sum: r.AttrString("sum")}
		if rp.Importpath == "" || rp.Version == "" || rp.Sum == "" {
			return nil, fmt.Errorf("%s: go_repository %s: want importpath, version and sum, as update-repos writes them", path, rp.Name)
		}
		repos = append(repos, rp)
	}
	return repos, nil
}
