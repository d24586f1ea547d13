// Package visibility is a Gazelle language that keeps apps private from the
// first run: every package at or under the apps root gets
//
//	package(default_visibility = ["//apps:__subpackages__"])
//
// so that libs/ and tools/ cannot depend on an app. It runs before Gazelle's Go
// language, which then writes no visibility attribute of its own (Gazelle's
// language/go skips it when an earlier language generated a package rule with
// default_visibility).
//
// It replaces Gazelle's language/bazel/visibility, which adds the package rule
// only to BUILD files that exist already, so a new app's first BUILD file came
// out public (bazel-gazelle #1666), and it reads that language's directive too.
// Directives:
//
//	# gazelle:apps_root DIR              where apps live, relative to the repository root
//	                                     (default "apps"); root BUILD file only
//	# gazelle:default_visibility L[,L]   this package and below get these labels instead
package visibility

import (
	"fmt"
	"log"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bazelbuild/bazel-gazelle/config"
	"github.com/bazelbuild/bazel-gazelle/label"
	"github.com/bazelbuild/bazel-gazelle/language"
	"github.com/bazelbuild/bazel-gazelle/rule"
)

const (
	name = "monorepo_visibility"

	appsRootDirective   = "apps_root"
	defaultVisDirective = "default_visibility"

	// DefaultAppsRoot is the apps root when no apps_root directive sets one.
	DefaultAppsRoot = "apps"
)

// settings is what the directives set for one directory and below.
type settings struct {
	appsRoot   string
	defaultVis []string // from default_visibility; nil if none applies
}

func get(c *config.Config) settings {
	if s, ok := c.Exts[name].(settings); ok {
		return s
	}
	return settings{appsRoot: DefaultAppsRoot}
}

// AppsRoot returns the apps root in effect for c, relative to the
// repository root (for the image language, which also acts on apps only).
func AppsRoot(c *config.Config) string { return get(c).appsRoot }

// Under reports whether the package rel is root or below it.
func Under(rel, root string) bool {
	return rel == root || strings.HasPrefix(rel, root+"/")
}

type lang struct{ language.BaseLang }

// NewLanguage returns the visibility language, for gazelle_binary.
func NewLanguage() language.Language { return &lang{} }

func (*lang) Name() string { return name }

func (*lang) KnownDirectives() []string {
	return []string{appsRootDirective, defaultVisDirective}
}

func (*lang) Configure(c *config.Config, rel string, f *rule.File) {
	s := get(c)
	if f != nil {
		for _, d := range f.Directives {
			switch d.Key {
			case appsRootDirective:
				root, err := checkAppsRoot(c.RepoRoot, rel, d.Value)
				if err != nil {
					Fatal(c, f, d, err)
				}
				s.appsRoot = root
			case defaultVisDirective:
				vis, err := checkLabels(d.Value)
				if err != nil {
					Fatal(c, f, d, err)
				}
				s.defaultVis = vis
			}
		}
	}
	c.Exts[name] = s
}

func checkAppsRoot(repoRoot, rel, value string) (string, error) {
	if rel != "" {
		return "", fmt.Errorf("it is read in the root BUILD.bazel only; move it there")
	}
	clean := path.Clean(value)
	if value == "" || path.IsAbs(value) || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("want a directory below the repository root, e.g. %q", DefaultAppsRoot)
	}
	if fi, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(clean))); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s is not a directory of this repository; create it or fix the path", clean)
	}
	return clean, nil
}

func checkLabels(value string) ([]string, error) {
	var vis []string
	for _, v := range strings.Split(value, ",") {
		v = strings.TrimSpace(v)
		if _, err := label.Parse(v); err != nil || v == "" {
			return nil, fmt.Errorf("%q is not a label; want e.g. //apps:__subpackages__ or //visibility:public", v)
		}
		vis = append(vis, v)
	}
	return vis, nil
}

// Fatal stops Gazelle on a bad directive, before any BUILD file is written
// (Gazelle writes after the whole tree is walked), naming the file, the
// directive and the fix.
func Fatal(c *config.Config, f *rule.File, d rule.Directive, err error) {
	file := f.Path
	if rel, relErr := filepath.Rel(c.RepoRoot, f.Path); relErr == nil {
		file = filepath.ToSlash(rel)
	}
	log.Fatalf("%s: # gazelle:%s %s: %v", file, d.Key, d.Value, err)
}

func (*lang) Kinds() map[string]rule.KindInfo {
	return map[string]rule.KindInfo{
		"package": {MatchAny: true, MergeableAttrs: map[string]bool{"default_visibility": true}},
	}
}

func (*lang) Loads() []rule.LoadInfo { return nil }

func (*lang) Fix(*config.Config, *rule.File) {}

// GenerateRules emits the package rule for a directory that has a BUILD file
// or Go files (Gazelle's own language needed the BUILD file to exist).
func (*lang) GenerateRules(args language.GenerateArgs) language.GenerateResult {
	s := get(args.Config)
	vis := s.defaultVis
	if vis == nil && Under(args.Rel, s.appsRoot) {
		vis = []string{"//" + s.appsRoot + ":__subpackages__"}
	}
	if vis == nil || (args.File == nil && !hasGo(args.RegularFiles)) {
		return language.GenerateResult{}
	}
	r := rule.NewRule("package", "")
	r.SetAttr("default_visibility", vis)
	return language.GenerateResult{Gen: []*rule.Rule{r}, Imports: []interface{}{nil}}
}

func hasGo(files []string) bool {
	for _, f := range files {
		if strings.HasSuffix(f, ".go") {
			return true
		}
	}
	return false
}
