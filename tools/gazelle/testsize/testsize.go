// Package testsize is a Gazelle language that makes Go tests small: it sets
// size = "small" (a 60 s timeout, little memory) on each go_test that
// Gazelle's Go language generates. Unit tests here take well under a second,
// and Bazel warns about every test whose size is bigger than it needs
// ("There were tests whose specified size is too big"); go_test's default
// is medium.
//
// A test that needs more keeps a size set by hand: Gazelle adds the attribute
// only where a rule lacks it and never changes an existing one.
package testsize

import (
	"github.com/bazelbuild/bazel-gazelle/config"
	"github.com/bazelbuild/bazel-gazelle/language"
	"github.com/bazelbuild/bazel-gazelle/rule"
)

// Size is the size given to a generated go_test.
const Size = "small"

type lang struct{ language.BaseLang }

// NewLanguage returns the test size language, for gazelle_binary.
func NewLanguage() language.Language { return &lang{} }

func (*lang) Name() string { return "monorepo_testsize" }

func (*lang) Loads() []rule.LoadInfo { return nil }

func (*lang) Fix(*config.Config, *rule.File) {}

// GenerateRules generates no rules of its own: it sets size on the go_test
// rules the Go language generated for this package.
func (*lang) GenerateRules(args language.GenerateArgs) language.GenerateResult {
	for _, r := range args.OtherGen {
		if r.Kind() == "go_test" && r.Attr("size") == nil {
			r.SetAttr("size", Size)
		}
	}
	return language.GenerateResult{}
}
