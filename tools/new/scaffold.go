package main

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"
)

// templates holds, per kind, the files of a new package, in text/template
// syntax with .Name, .Module, .Dir (libs or apps), .Pkg (the package's
// directory name) and .Service (.Name capitalized). A file's path is its path
// in the new package with NAME replaced by the name and ".tmpl" dropped.
// testdata/golden holds what they render (scaffold_test.go checks), and
// testdata/BUILD.bazel builds and tests it.
//
//go:embed templates
var templates embed.FS

// kinds maps what `new` makes to the folder it goes in and the names it takes.
var kinds = map[string]struct {
	dir    string
	name   *regexp.Regexp
	rule   string
	suffix string // of the package directory, after the name
}{
	// Go package names: lower case letters and digits (Effective Go).
	"lib": {"libs", regexp.MustCompile(`^[a-z][a-z0-9]{0,29}$`), "lower-case letters and digits, starting with a letter (a Go package name)", ""},
	// App names become binaries and image names: underscores allowed, as in hello_world.
	"app": {"apps", regexp.MustCompile(`^[a-z][a-z0-9_]{0,29}$`), "lower-case letters, digits and _, starting with a letter", ""},
	// A proto API NAME lives in libs/NAMEpb (Go package NAMEpb), proto package NAME.v1.
	"proto": {"libs", regexp.MustCompile(`^[a-z][a-z0-9]{0,27}$`), "lower-case letters and digits, starting with a letter", "pb"},
}

// PackageDir is where Plan puts a new kind package called name, relative to the repository root.
func PackageDir(kind, name string) string {
	return kinds[kind].dir + "/" + name + kinds[kind].suffix
}

// reserved are names the go command gives a meaning to.
var reserved = map[string]bool{"internal": true, "testdata": true, "vendor": true, "main": true}

// ErrUsage marks errors in how `new` was called; the message says what to do.
var ErrUsage = errors.New("usage")

// Plan returns the files to create for a new lib, app or proto called name in
// the Go module mod, as paths relative to the repository root, or an error if
// kind or name is not valid.
func Plan(kind, name, mod string) (map[string]string, error) {
	k, ok := kinds[kind]
	if !ok {
		return nil, fmt.Errorf("%w: unknown kind %q: want lib, app, proto or module", ErrUsage, kind)
	}
	if !k.name.MatchString(name) {
		return nil, fmt.Errorf("%w: %s name %q: want %s (it becomes %s)", ErrUsage, kind, name, k.rule, PackageDir(kind, name))
	}
	if token.IsKeyword(name) || reserved[name] {
		return nil, fmt.Errorf("%w: %s name %q is reserved by Go; pick another", ErrUsage, kind, name)
	}
	if kind == "app" && name == "image" {
		return nil, fmt.Errorf("%w: app name %q is the name of its image targets (go_image); pick another", ErrUsage, name)
	}
	data := struct{ Name, Module, Dir, Pkg, Service string }{name, mod, k.dir, name + k.suffix, strings.ToUpper(name[:1]) + name[1:]}
	files := map[string]string{}
	root := "templates/" + kind
	err := fs.WalkDir(templates, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := templates.ReadFile(p)
		if err != nil {
			return err
		}
		t, err := template.New(p).Option("missingkey=error").Parse(string(text))
		if err != nil {
			return fmt.Errorf("template %s: %w", p, err)
		}
		var out bytes.Buffer
		if err := t.Execute(&out, data); err != nil {
			return fmt.Errorf("template %s: %w", p, err)
		}
		rel := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(p, root+"/"), ".tmpl"), "NAME", name)
		files[path.Join(PackageDir(kind, name), rel)] = out.String()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// CheckRoot fails unless root is the repository root (it has a WORKSPACE file).
func CheckRoot(root string) error {
	if _, err := os.Stat(filepath.Join(root, "WORKSPACE")); err != nil {
		return fmt.Errorf("%s is not the repository root (no WORKSPACE): run `bazel run //tools/new -- ...` inside the repo", root)
	}
	return nil
}

// Write creates the planned files under root. It writes nothing if root is
// not the repository root or if the package directory exists already.
func Write(root string, files map[string]string) ([]string, error) {
	if err := CheckRoot(root); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(files))
	dirs := map[string]bool{}
	for p := range files {
		paths = append(paths, p)
		dirs[filepath.Dir(p)] = true
	}
	sort.Strings(paths)
	for d := range dirs {
		if _, err := os.Lstat(filepath.Join(root, d)); err == nil {
			return nil, fmt.Errorf("%s exists already: pick another name, or remove it first", d)
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("check %s: %w", d, err)
		}
	}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", d, err)
		}
	}
	for _, p := range paths {
		if err := os.WriteFile(filepath.Join(root, p), []byte(files[p]), 0o644); err != nil {
			for d := range dirs {
				os.RemoveAll(filepath.Join(root, d))
			}
			return nil, fmt.Errorf("write %s: %w (removed what was written)", p, err)
		}
	}
	return paths, nil
}
