// Package goimage is a Gazelle language that gives every app its production
// images and deploy target. For each go_binary at or under the apps root it
// emits
//
//	go_image(name = "image", binary = ":APP")      # tools/oci/go_image.bzl
//
// and, where the package holds k8s.template.yaml,
//
//	k8s_manifest(name = "k8s", push = ":image_push", template = "k8s.template.yaml")
//
// It runs after Gazelle's Go language and finds the go_binary among the rules
// that language generated, so a BUILD file that does not exist yet gets its
// images on the first run. When the binary or the template goes away, so do the
// targets. Directive:
//
//	# gazelle:go_image_exclude PATH   no images for PATH (relative to this BUILD
//	                                  file's directory; "." for itself) and below
package goimage

import (
	"fmt"
	"log"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bazelbuild/bazel-gazelle/config"
	"github.com/bazelbuild/bazel-gazelle/language"
	"github.com/bazelbuild/bazel-gazelle/rule"

	"example.com/monorepo/tools/gazelle/visibility"
)

const (
	name             = "monorepo_goimage"
	excludeDirective = "go_image_exclude"

	// Image is the name of the go_image target; the macro derives the other
	// targets' names from it (image_index, image_push, ...).
	Image = "image"
	// Manifest is the name of the k8s_manifest target.
	Manifest = "k8s"
	// Template is the file that makes a package get a k8s_manifest.
	Template = "k8s.template.yaml"
)

// excluded holds repository-relative packages whose images are turned off.
type excluded []string

func (e excluded) has(rel string) bool {
	for _, x := range e {
		if visibility.Under(rel, x) {
			return true
		}
	}
	return false
}

func get(c *config.Config) excluded {
	e, _ := c.Exts[name].(excluded)
	return e
}

type lang struct{ language.BaseLang }

// NewLanguage returns the image language, for gazelle_binary.
func NewLanguage() language.Language { return &lang{} }

func (*lang) Name() string { return name }

func (*lang) KnownDirectives() []string { return []string{excludeDirective} }

func (*lang) Configure(c *config.Config, rel string, f *rule.File) {
	e := get(c)
	if f != nil {
		for _, d := range f.Directives {
			if d.Key != excludeDirective {
				continue
			}
			p, err := checkExclude(c.RepoRoot, rel, d.Value)
			if err != nil {
				visibility.Fatal(c, f, d, err)
			}
			e = append(e[:len(e):len(e)], p)
		}
	}
	c.Exts[name] = e
}

func checkExclude(repoRoot, rel, value string) (string, error) {
	clean := path.Clean(value)
	if value == "" || path.IsAbs(value) || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("want a package path relative to this BUILD file's directory, e.g. hello_server/bare, or . for this package")
	}
	p := path.Join(rel, clean)
	if fi, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(p))); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s is not a directory; fix the path or delete the directive", p)
	}
	return p, nil
}

func (*lang) Kinds() map[string]rule.KindInfo {
	return map[string]rule.KindInfo{
		"go_image": {
			NonEmptyAttrs:  map[string]bool{"binary": true},
			MergeableAttrs: map[string]bool{"binary": true},
		},
		"k8s_manifest": {
			NonEmptyAttrs:  map[string]bool{"template": true},
			MergeableAttrs: map[string]bool{"push": true, "template": true},
		},
	}
}

func (*lang) Loads() []rule.LoadInfo {
	return []rule.LoadInfo{
		{Name: "//tools/oci:go_image.bzl", Symbols: []string{"go_image"}},
		{Name: "//tools/deploy:defs.bzl", Symbols: []string{"k8s_manifest"}},
	}
}

func (*lang) Fix(*config.Config, *rule.File) {}

func (*lang) GenerateRules(args language.GenerateArgs) language.GenerateResult {
	var res language.GenerateResult
	if !visibility.Under(args.Rel, visibility.AppsRoot(args.Config)) {
		return res
	}
	var bin *rule.Rule
	for _, r := range args.OtherGen {
		if r.Kind() == "go_binary" {
			bin = r
		}
	}
	if bin == nil || get(args.Config).has(args.Rel) {
		res.Empty = []*rule.Rule{rule.NewRule("go_image", Image), rule.NewRule("k8s_manifest", Manifest)}
		return res
	}
	if bin.Name() == Image {
		log.Fatalf("%s: the binary is named %q, like the image targets: rename the directory, "+
			"or put # gazelle:%s %s in the parent directory's BUILD file", args.Rel, Image, excludeDirective, path.Base(args.Rel))
	}
	img := rule.NewRule("go_image", Image)
	img.SetAttr("binary", ":"+bin.Name())
	res.Gen = append(res.Gen, img)
	if has(args.RegularFiles, Template) {
		k := rule.NewRule("k8s_manifest", Manifest)
		k.SetAttr("push", ":"+Image+"_push")
		k.SetAttr("template", Template)
		res.Gen = append(res.Gen, k)
	} else {
		res.Empty = append(res.Empty, rule.NewRule("k8s_manifest", Manifest))
	}
	res.Imports = make([]interface{}, len(res.Gen))
	return res
}

func has(files []string, want string) bool {
	for _, f := range files {
		if f == want {
			return true
		}
	}
	return false
}
