// Package gomod is a Gazelle language that stops Gazelle when Go code imports
// a package that no module in go.mod provides, before any BUILD file is
// written. Gazelle would otherwise guess a repository for the import
// (@com_github_pkg_errors//:go_default_library, which go_deps.bzl does not
// define) and Bazel would fail later with "The repository ... could not be
// resolved". The message names each import, the package that uses it, and the
// command that adds the module, as `go build` does.
//
// It reads the go.mod at the repository root; without one it does nothing.
package gomod

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bazelbuild/bazel-gazelle/config"
	"github.com/bazelbuild/bazel-gazelle/language"
	"github.com/bazelbuild/bazel-gazelle/rule"
	"golang.org/x/mod/modfile"
)

type lang struct {
	language.BaseLang
	modules []string // the main module's path and every required module's
	missing map[string][]string
}

// NewLanguage returns the go.mod language, for gazelle_binary. It must come
// after Gazelle's Go language, whose rules it reads.
func NewLanguage() language.Language { return &lang{missing: map[string][]string{}} }

func (*lang) Name() string { return "monorepo_gomod" }

func (*lang) Loads() []rule.LoadInfo { return nil }

func (*lang) Fix(*config.Config, *rule.File) {}

// Configure reads go.mod once, at the root.
func (l *lang) Configure(c *config.Config, rel string, _ *rule.File) {
	if rel != "" {
		return
	}
	data, err := os.ReadFile(filepath.Join(c.RepoRoot, "go.mod"))
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	modules, err := Modules(data)
	if err != nil {
		log.Fatalf("go.mod: %v", err)
	}
	l.modules = modules
}

// Modules returns the module path of a go.mod and the paths it requires.
func Modules(goMod []byte) ([]string, error) {
	f, err := modfile.ParseLax("go.mod", goMod, nil)
	if err != nil {
		return nil, err
	}
	if f.Module == nil {
		return nil, errors.New("no module line")
	}
	modules := []string{f.Module.Mod.Path}
	for _, r := range f.Require {
		modules = append(modules, r.Mod.Path)
	}
	return modules, nil
}

// Provided reports whether an import path is in the standard library or in
// one of modules (a module path or a package below it).
func Provided(importPath string, modules []string) bool {
	if !strings.Contains(strings.SplitN(importPath, "/", 2)[0], ".") {
		return true // the standard library: no dot in the first element
	}
	for _, m := range modules {
		if importPath == m || strings.HasPrefix(importPath, m+"/") {
			return true
		}
	}
	return false
}

// GenerateRules generates no rules: it records the imports of the Go rules
// that the Go language generated for this package that go.mod lacks.
func (l *lang) GenerateRules(args language.GenerateArgs) language.GenerateResult {
	if l.modules == nil {
		return language.GenerateResult{}
	}
	for _, r := range args.OtherGen {
		imports, ok := r.PrivateAttr(config.GazelleImportsKey).(rule.PlatformStrings)
		if !ok || !strings.HasPrefix(r.Kind(), "go_") {
			continue
		}
		for _, imp := range imports.Flat() {
			if !Provided(imp, l.modules) {
				l.missing[imp] = append(l.missing[imp], args.Rel)
			}
		}
	}
	return language.GenerateResult{}
}

// DoneGeneratingRules stops Gazelle, before it writes anything, if an import
// is missing.
func (l *lang) DoneGeneratingRules() {
	if len(l.missing) == 0 {
		return
	}
	log.Fatal(Message(l.missing))
}

// Message says which imports (each with the packages that use it) go.mod
// lacks, and the command that adds them.
func Message(missing map[string][]string) string {
	imports := make([]string, 0, len(missing))
	for imp := range missing {
		imports = append(imports, imp)
	}
	sort.Strings(imports)
	var b strings.Builder
	b.WriteString("no module in go.mod provides these imports:\n")
	for _, imp := range imports {
		users := unique(missing[imp])
		fmt.Fprintf(&b, "  %s, imported by %s\n", imp, strings.Join(users, ", "))
	}
	fmt.Fprintf(&b, "Add the modules, then their repositories and the BUILD files (nothing was written):\n"+
		"  go get %s && bazel run //:gazelle-update-repos && bazel run //:gazelle", strings.Join(imports, " "))
	return b.String()
}

func unique(rels []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rels {
		if r == "" {
			r = "."
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}
