// Package stamp is a Gazelle language that writes x_defs from the Go source.
// A package-level string variable whose doc comment has the line
//
//	//bazel:stamp STABLE_VERSION
//
// gets x_defs = {"NAME": "{STABLE_VERSION}"} on its package's go_binary
// (package main) or go_library. `bazel build --config=release` then links in
// the value tools/release/status.sh gives that key; other builds keep the
// variable's own value, so their outputs do not depend on the commit.
//
// Gazelle owns x_defs on go_binary and go_library: a stale or hand-written one
// is replaced by what the source declares (a "# keep" comment keeps one). It
// runs after Gazelle's Go language and sets the attribute on the rule that
// language generated; a marker that cannot work stops Gazelle with file:line.
package stamp

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bazelbuild/bazel-gazelle/config"
	"github.com/bazelbuild/bazel-gazelle/language"
	"github.com/bazelbuild/bazel-gazelle/rule"
)

// Marker starts the comment line that asks for a variable to be stamped.
const Marker = "//bazel:stamp"

// keyRE is what Bazel's workspace status keys look like (tools/release/status.sh).
var keyRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

type lang struct{ language.BaseLang }

// NewLanguage returns the stamp language, for gazelle_binary.
func NewLanguage() language.Language { return &lang{} }

func (*lang) Name() string { return "monorepo_stamp" }

func (*lang) Loads() []rule.LoadInfo { return nil }

// Fix drops x_defs from existing go_binary and go_library rules (but kept
// ones), so that GenerateRules' value replaces them: Gazelle's Go language
// does not merge x_defs, it only adds it where it is missing.
func (*lang) Fix(_ *config.Config, f *rule.File) {
	for _, r := range f.Rules {
		if (r.Kind() == "go_binary" || r.Kind() == "go_library") && r.Attr("x_defs") != nil && !r.ShouldKeep() && !keep(r, "x_defs") {
			r.DelAttr("x_defs")
		}
	}
}

func keep(r *rule.Rule, attr string) bool {
	cs := r.AttrComments(attr)
	if cs == nil {
		return false
	}
	isKeep := func(token string) bool {
		t := strings.TrimSpace(strings.TrimPrefix(token, "#"))
		return t == "keep" || strings.HasPrefix(t, "keep: ")
	}
	for _, c := range cs.Before {
		if isKeep(c.Token) {
			return true
		}
	}
	for _, c := range cs.Suffix {
		if isKeep(c.Token) {
			return true
		}
	}
	return false
}

// GenerateRules generates no rules of its own: it sets x_defs on the
// go_binary or go_library the Go language generated for this package.
func (*lang) GenerateRules(args language.GenerateArgs) language.GenerateResult {
	pkg, defs, err := Scan(args.Dir, args.Rel, args.RegularFiles)
	if err != nil {
		log.Fatal(err)
	}
	if len(defs) == 0 {
		return language.GenerateResult{}
	}
	kind := "go_library"
	if pkg == "main" {
		kind = "go_binary" // the main package links as "main", not its import path
	}
	for _, r := range args.OtherGen {
		if r.Kind() == kind {
			r.SetAttr("x_defs", defs)
		}
	}
	return language.GenerateResult{}
}

// Scan reads the package's non-test Go files in dir and returns the package
// name and the x_defs its markers ask for (variable name -> "{KEY}"). rel is
// dir relative to the repository root, for messages.
func Scan(dir, rel string, files []string) (string, map[string]string, error) {
	var pkg string
	defs := map[string]string{}
	sort.Strings(files)
	for _, name := range files {
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return "", nil, fmt.Errorf("%s: %w", path.Join(rel, name), err)
		}
		fset := token.NewFileSet()
		mode := parser.PackageClauseOnly // most files: just the package name
		if bytes.Contains(src, []byte(Marker)) {
			mode = parser.ParseComments | parser.SkipObjectResolution
		}
		f, err := parser.ParseFile(fset, name, src, mode)
		if err != nil {
			continue // Gazelle's Go language reports it
		}
		if pkg == "" {
			pkg = f.Name.Name
		}
		if mode == parser.PackageClauseOnly {
			continue
		}
		if err := scanFile(fset, f, path.Join(rel, name), defs); err != nil {
			return "", nil, err
		}
	}
	return pkg, defs, nil
}

func scanFile(fset *token.FileSet, f *ast.File, file string, defs map[string]string) error {
	where := func(p token.Pos) string { return fmt.Sprintf("%s:%d", file, fset.Position(p).Line) }
	used := map[token.Pos]bool{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			doc := vs.Doc
			if doc == nil && !gd.Lparen.IsValid() {
				doc = gd.Doc
			}
			if doc == nil {
				continue
			}
			for _, c := range doc.List {
				key, ok := marker(c.Text)
				if !ok {
					continue
				}
				used[c.Pos()] = true
				if err := checkVar(vs, key); err != nil {
					return fmt.Errorf("%s: %s %s: %v", where(c.Pos()), Marker, key, err)
				}
				v := vs.Names[0].Name
				if _, dup := defs[v]; dup {
					return fmt.Errorf("%s: %s: %s has a second %s line; keep one", where(c.Pos()), Marker, v, Marker)
				}
				defs[v] = "{" + key + "}"
			}
		}
	}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if _, ok := marker(c.Text); ok && !used[c.Pos()] {
				return fmt.Errorf("%s: %s must be in the doc comment of a package-level var, right above it", where(c.Pos()), Marker)
			}
		}
	}
	return nil
}

// marker returns the key of a marker comment line.
func marker(text string) (string, bool) {
	if text != Marker && !strings.HasPrefix(text, Marker+" ") {
		return "", false
	}
	return strings.TrimSpace(strings.TrimPrefix(text, Marker)), true
}

func checkVar(vs *ast.ValueSpec, key string) error {
	if !keyRE.MatchString(key) {
		return fmt.Errorf("want one workspace status key in capitals, e.g. %s STABLE_VERSION", Marker)
	}
	if len(vs.Names) != 1 {
		return fmt.Errorf("declare one variable per marker, not %d", len(vs.Names))
	}
	v := vs.Names[0].Name
	if t, ok := vs.Type.(*ast.Ident); vs.Type != nil && (!ok || t.Name != "string") {
		return fmt.Errorf("%s is not a string variable: the linker's -X sets strings only", v)
	}
	if len(vs.Values) > 0 {
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if ok && lit.Kind != token.STRING {
			return fmt.Errorf("%s is not a string variable: the linker's -X sets strings only", v)
		} else if !ok {
			return fmt.Errorf("%s is initialized by an expression, which the linker's -X cannot override: use a string literal or no value", v)
		}
	}
	return nil
}
