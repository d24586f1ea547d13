// Command generate writes the repository's generated Go code, which is
// checked in so that plain `go build`, `go test` and gopls see it, and which
// Bazel compiles as ordinary sources:
//
//   - for every .proto file, NAME.pb.go beside it (protoc-gen-go) and, when
//     it has a service, NAME_grpc.pb.go (protoc-gen-go-grpc), compiled by
//     //tools/proto/protoc with -I at the repository root, as proto_library
//     compiles it;
//   - every //go:generate line whose command is one of the pinned generators
//     (mockgen, protoc, protoc-gen-go, protoc-gen-go-grpc), run in its
//     package's directory as `go generate` runs it.
//
// Run it with `bazel run //:generate` (the tools built by Bazel) or
// `go run ./tools/generate` (the tools built by the go command, at go.mod's
// versions). With -check it writes into a scratch copy instead and fails
// naming every file that would change: //:generate_test.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
)

// generators are the commands a //go:generate line may run, by name, with the
// package the go command builds each from when no -tool flag gives it.
var generators = map[string]string{
	"protoc":             "./tools/proto/protoc",
	"protoc-gen-go":      "google.golang.org/protobuf/cmd/protoc-gen-go",
	"protoc-gen-go-grpc": "google.golang.org/grpc/cmd/protoc-gen-go-grpc",
	"mockgen":            "go.uber.org/mock/mockgen",
}

// toolFlags are the -tool NAME=PATH flags: generators built elsewhere (Bazel).
type toolFlags map[string]string

func (t toolFlags) String() string { return fmt.Sprint(map[string]string(t)) }

func (t toolFlags) Set(s string) error {
	name, p, ok := strings.Cut(s, "=")
	if _, known := generators[name]; !ok || !known {
		return fmt.Errorf("want NAME=PATH with NAME one of %s", strings.Join(names(), ", "))
	}
	t[name] = runfile(p)
	return nil
}

var (
	check = flag.Bool("check", false, "write into a scratch copy and fail if any file would change")
	tools = toolFlags{}
	goCmd = flag.String("go", "", "the go command the generators run (mockgen formats with it); default: go on PATH")
)

func init() {
	flag.Var(tools, "tool", "NAME=PATH of a generator built elsewhere (Bazel); the others are built with the go command")
}

func main() {
	flag.Parse()
	if err := generate(); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func generate() error {
	root, err := workspaceRoot()
	if err != nil {
		return err
	}
	bin, cleanup, err := buildTools(root, tools)
	if err != nil {
		return err
	}
	defer cleanup()
	changed, err := run(root, bin, *check)
	if err != nil {
		return err
	}
	if *check {
		if len(changed) > 0 {
			return fmt.Errorf("generated code is stale: %s would change.\nFix with: bazel run //:generate", strings.Join(changed, ", "))
		}
		return nil
	}
	for _, c := range changed {
		fmt.Println("generate: wrote", c)
	}
	fmt.Printf("generate: %d files changed\n", len(changed))
	return nil
}

func names() []string {
	var n []string
	for k := range generators {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// workspaceRoot is the source tree: BUILD_WORKSPACE_DIRECTORY under bazel run;
// under bazel test the directory the runfiles' WORKSPACE links to; else the
// nearest directory above with a go.mod (go run, go test).
func workspaceRoot() (string, error) {
	if ws := os.Getenv("BUILD_WORKSPACE_DIRECTORY"); ws != "" {
		return ws, nil
	}
	if srcdir := os.Getenv("TEST_SRCDIR"); srcdir != "" {
		ws, err := filepath.EvalSymlinks(filepath.Join(srcdir, os.Getenv("TEST_WORKSPACE"), "WORKSPACE"))
		return filepath.Dir(ws), err
	}
	dir, err := os.Getwd()
	for ; err == nil; dir = filepath.Dir(dir) {
		if _, serr := os.Stat(filepath.Join(dir, "go.mod")); serr == nil {
			return dir, nil
		} else if filepath.Dir(dir) == dir {
			return "", errors.New("no go.mod in this directory or above")
		}
	}
	return "", err
}

// run generates everything in root (or, with check, in a scratch copy of it)
// with the generators in bin, and returns the files that changed, relative
// to root.
func run(root, bin string, check bool) ([]string, error) {
	files, err := sourceFiles(root)
	if err != nil {
		return nil, err
	}
	modPath, err := modulePath(root)
	if err != nil {
		return nil, err
	}
	dir := root
	if check {
		if dir, err = os.MkdirTemp("", "generate-"); err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		for _, f := range files {
			if err := copyFile(filepath.Join(root, f), filepath.Join(dir, f)); err != nil {
				return nil, err
			}
		}
	}
	before := snapshot(dir, files)
	if err := generateProtos(dir, files, modPath, bin); err != nil {
		return nil, err
	}
	if err := runGoGenerate(dir, files, bin); err != nil {
		return nil, err
	}
	after, err := sourceFilesIn(dir, files)
	if err != nil {
		return nil, err
	}
	return diff(before, snapshot(dir, after)), nil
}

// sourceFiles lists the tree's files as git does (tracked, and untracked but
// not ignored, so no bazel-* trees), or every file when it is no git checkout.
func sourceFiles(root string) ([]string, error) {
	out, err := exec.Command("git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err == nil {
		var files []string
		for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if _, serr := os.Lstat(filepath.Join(root, f)); f != "" && serr == nil {
				files = append(files, f)
			}
		}
		return files, nil
	}
	var files []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if skipWalk(d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	return files, err
}

// sourceFilesIn adds the files generation created in dir to files.
func sourceFilesIn(dir string, files []string) ([]string, error) {
	seen := map[string]bool{}
	for _, f := range files {
		seen[f] = true
	}
	all := append([]string(nil), files...)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if skipWalk(d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.Type().IsRegular() && strings.HasSuffix(rel, ".go") && !seen[rel] {
			all = append(all, rel)
		}
		return nil
	})
	return all, err
}

// skipWalk: what a walk of a tree that is no git checkout passes over: Bazel's
// convenience symlinks (bazel-bin, ...) and .git.
func skipWalk(d fs.DirEntry) bool {
	return strings.HasPrefix(d.Name(), "bazel-") || d.Name() == ".git"
}

// skipped: trees that are not the repository's own code.
func skipped(f string) bool {
	return strings.Contains("/"+f, "/testdata/") || strings.HasPrefix(f, "tools/shims/")
}

func snapshot(dir string, files []string) map[string][]byte {
	s := map[string][]byte{}
	for _, f := range files {
		if data, err := os.ReadFile(filepath.Join(dir, f)); err == nil {
			s[f] = data
		}
	}
	return s
}

func diff(before, after map[string][]byte) []string {
	var changed []string
	for f, a := range after {
		if b, ok := before[f]; !ok || !bytes.Equal(a, b) {
			changed = append(changed, f)
		}
	}
	for f := range before {
		if _, ok := after[f]; !ok {
			changed = append(changed, f)
		}
	}
	sort.Strings(changed)
	return changed
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

func modulePath(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	p := modfile.ModulePath(data)
	if p == "" {
		return "", errors.New("go.mod has no module line")
	}
	return p, nil
}

// buildTools returns a directory with every generator: those -tool gave, the
// others built with the go command from root's module (go.mod's versions).
func buildTools(root string, tools map[string]string) (string, func(), error) {
	bin, err := os.MkdirTemp("", "generate-bin-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(bin) }
	for _, name := range names() {
		if p, ok := tools[name]; ok {
			err = os.Symlink(p, filepath.Join(bin, name))
		} else {
			cmd := exec.Command("go", "build", "-o", filepath.Join(bin, name), generators[name])
			cmd.Dir, cmd.Stderr = root, os.Stderr
			if err = cmd.Run(); err != nil {
				err = fmt.Errorf("go build %s: %w", generators[name], err)
			}
		}
		if err != nil {
			cleanup()
			return "", nil, err
		}
	}
	return bin, cleanup, nil
}

var (
	goPackageRE = regexp.MustCompile(`(?m)^\s*option\s+go_package\s*=\s*"([^";]*)(;[^"]*)?"\s*;`)
	serviceRE   = regexp.MustCompile(`(?m)^\s*service\s+\w+`)
	sourceRE    = regexp.MustCompile(`(?m)^// source: (\S+\.proto)$`)
)

// generateProtos writes NAME.pb.go (and NAME_grpc.pb.go for services) beside
// every .proto file, and deletes generated files whose .proto is gone.
func generateProtos(dir string, files []string, modPath, bin string) error {
	var protos, grpc []string
	exists := map[string]bool{}
	for _, f := range files {
		exists[f] = true
	}
	for _, f := range files {
		if skipped(f) {
			continue
		}
		if strings.HasSuffix(f, ".pb.go") {
			data, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				return err
			}
			if m := sourceRE.FindSubmatch(data); m != nil && !exists[string(m[1])] {
				if err := os.Remove(filepath.Join(dir, f)); err != nil {
					return err
				}
			}
			continue
		}
		if !strings.HasSuffix(f, ".proto") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return err
		}
		want := modPath + "/" + path.Dir(f)
		if m := goPackageRE.FindSubmatch(data); m == nil || string(m[1]) != want {
			return fmt.Errorf("%s: want option go_package = %q; (its directory's import path), so that go build and Bazel find the generated code where Gazelle expects it", f, want)
		}
		protos = append(protos, f)
		if serviceRE.Match(data) {
			grpc = append(grpc, f)
		}
	}
	for _, set := range []struct {
		plugin string
		files  []string
	}{{"go", protos}, {"go-grpc", grpc}} {
		if len(set.files) == 0 {
			continue
		}
		args := []string{"-I.", "--plugin=protoc-gen-" + set.plugin + "=" + filepath.Join(bin, "protoc-gen-"+set.plugin),
			"--" + set.plugin + "_out=.", "--" + set.plugin + "_opt=paths=source_relative"}
		cmd := exec.Command(filepath.Join(bin, "protoc"), append(args, set.files...)...)
		cmd.Dir, cmd.Stderr = dir, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("protoc --%s_out %s: %w", set.plugin, strings.Join(set.files, " "), err)
		}
	}
	return nil
}

// toolPath is PATH with the generators, and the go command they may run, first.
func toolPath(bin string) string {
	p := bin + string(os.PathListSeparator) + os.Getenv("PATH")
	if *goCmd != "" {
		p = filepath.Dir(runfile(*goCmd)) + string(os.PathListSeparator) + p
	}
	return p
}

// runfile resolves a path given as $(rootpath): a test runs in its package's
// directory, not at the runfiles root.
func runfile(p string) string {
	if srcdir := os.Getenv("TEST_SRCDIR"); srcdir != "" && !filepath.IsAbs(p) {
		return filepath.Join(srcdir, os.Getenv("TEST_WORKSPACE"), p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}

// runGoGenerate runs each //go:generate line of the repository's Go files
// whose command is a generator, as `go generate` would, with the generators
// first on PATH.
func runGoGenerate(dir string, files []string, bin string) error {
	for _, f := range files {
		if skipped(f) || !strings.HasSuffix(f, ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, f))
		if errors.Is(err, fs.ErrNotExist) {
			continue // a generated file that generateProtos removed
		} else if err != nil {
			return err
		}
		pkg := ""
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if pkg == "" && strings.HasPrefix(line, "package ") {
				pkg = strings.Fields(line)[1]
			}
			cmdline, ok := strings.CutPrefix(line, "//go:generate ")
			if !ok {
				continue
			}
			words := strings.Fields(cmdline)
			if len(words) == 0 {
				continue
			}
			if _, known := generators[words[0]]; !known {
				return fmt.Errorf("%s:%d: //go:generate %s: not one of the pinned generators (%s); add it to tools/generate", f, n, words[0], strings.Join(names(), ", "))
			}
			cmd := exec.Command(filepath.Join(bin, words[0]), words[1:]...)
			cmd.Dir = filepath.Join(dir, path.Dir(f))
			cmd.Env = append(os.Environ(), "PATH="+toolPath(bin),
				"GOFILE="+path.Base(f), "GOLINE="+fmt.Sprint(n), "GOPACKAGE="+pkg)
			cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s:%d: %s: %w", f, n, cmdline, err)
			}
		}
	}
	return nil
}
