package graph

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bazelbuild/buildtools/build"
)

// RepoDef is one external repository as `bazel query //external:*
// --output=build` prints it.
type RepoDef struct {
	class string
	body  string // the rule call, attributes in Bazel's canonical order
	def   string // where its repository rule is defined, "" if native
}

// ParseRepos reads `bazel query '//external:*' --output=build`: a block per
// repository, the rule call then comments saying where it was instantiated
// and, for a Starlark repository rule, defined.
func ParseRepos(r io.Reader) (map[string]RepoDef, error) {
	repos := map[string]RepoDef{}
	var cur RepoDef
	var name string
	inBody, inDef := false, false
	flush := func() {
		if name != "" {
			repos[name] = cur
		}
		cur, name, inBody, inDef = RepoDef{}, "", false, false
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "# Rule ") && strings.Contains(line, " defined at "):
			inDef = true
		case strings.HasPrefix(line, "#"):
			if inDef && cur.def == "" {
				// "#   /path/file.bzl:458:32 in <toplevel>"
				cur.def = strings.Fields(strings.TrimPrefix(line, "#"))[0]
			}
			inDef = false
		case !inBody && strings.HasSuffix(line, "("):
			inBody, cur.class = true, strings.TrimSuffix(line, "(")
			cur.body = line + "\n"
		case inBody:
			cur.body += line + "\n"
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "name = "); ok {
				name = strings.Trim(v, `",`)
			}
			if line == ")" {
				inBody = false
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading query //external:*: %w", err)
	}
	return repos, nil
}

// NewTreeSources hashes the files of the checkout at root (absolute), whose
// WORKSPACE names the main repository workspace, with its external
// repositories as ParseRepos read them.
func NewTreeSources(root, workspace string, repos map[string]RepoDef) Sources {
	return newTreeSources(root, workspace, repos)
}

// treeSources hashes the files of one checkout (Sources).
type treeSources struct {
	root      string // the workspace, absolute
	workspace string // its name in WORKSPACE's workspace(name = ...)
	repos     map[string]RepoDef
	files     map[string][]byte
	repoHash  map[string][]byte
	shaping   map[string]bool // the paths read that are no source file (Shaping)
}

func newTreeSources(root, workspace string, repos map[string]RepoDef) *treeSources {
	return &treeSources{root: root, workspace: workspace, repos: repos, files: map[string][]byte{}, repoHash: map[string][]byte{}, shaping: map[string]bool{}}
}

// File hashes a main-repository source file (a directory: its tree).
func (t *treeSources) File(label string) []byte {
	pkg, name, _ := strings.Cut(strings.TrimPrefix(label, "//"), ":")
	return t.path(path.Join(pkg, name))
}

// path hashes a file or directory tree below the root, with execute bits.
func (t *treeSources) path(rel string) []byte {
	if v, ok := t.files[rel]; ok {
		return v
	}
	s := sha256.New()
	abs := filepath.Join(t.root, filepath.FromSlash(rel))
	err := filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(abs, p)
		if d.IsDir() {
			if name := d.Name(); p != abs && (strings.HasPrefix(name, "bazel-") || name == ".git") {
				return fs.SkipDir
			}
			fmt.Fprintf(s, "dir %s\n", r)
			return nil
		}
		return hashFile(s, p, r)
	})
	if err != nil {
		fmt.Fprintf(s, "unreadable %v\n", err)
	}
	v := s.Sum(nil)
	t.files[rel] = v
	return v
}

func hashFile(s hash.Hash, p, rel string) error {
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(s, "file %s %v\n", rel, info.Mode()&0o111 != 0)
	_, err = io.Copy(s, f)
	return err
}

// mainLabel matches a label into the main repository in a repository rule's
// attributes: a file it reads (patches, build files) or a directory.
var mainLabel = regexp.MustCompile(`"(@[\w.-]*)?//([^":]*)(?::([^"]*))?"`)

// Repo hashes an external repository: its rule call, the definition of its
// repository rule, the main-repository files its attributes name, and for
// local_repository its directory.
func (t *treeSources) Repo(name string) []byte {
	if v, ok := t.repoHash[name]; ok {
		return v
	}
	t.repoHash[name] = []byte("cycle") // not expected: a repository rule defined in a repository it defines
	s := sha256.New()
	r, ok := t.repos[name]
	if name == t.workspace {
		// The main repository by its name: its files are hashed one by one.
		fmt.Fprintf(s, "main\n")
	} else if !ok {
		// Built into Bazel (bazel_tools, local_config_*): the same Bazel, the same host.
		fmt.Fprintf(s, "builtin %s\n", name)
	} else {
		s.Write([]byte(r.body))
		if r.def != "" {
			s.Write(t.Definition(r.def))
		}
		for _, m := range mainLabel.FindAllStringSubmatch(r.body, -1) {
			if m[1] != "" && m[1] != "@" && m[1] != "@"+t.workspace {
				continue
			}
			rel := m[2]
			if m[3] != "" {
				rel = path.Join(m[2], m[3])
			}
			if _, err := os.Stat(filepath.Join(t.root, rel)); err == nil {
				fmt.Fprintf(s, "reads %s\n", rel)
				t.shaping[rel] = true
				s.Write(t.path(rel))
			}
		}
		if r.class == "local_repository" || r.class == "new_local_repository" {
			// A directory of the checkout is hashed whole; one outside it
			// (Bazel's embedded tools) is the same on both sides.
			if p := attr(r.body, "path"); p != "" {
				if filepath.IsAbs(p) {
					if rel, err := filepath.Rel(t.root, p); err == nil && !strings.HasPrefix(rel, "..") {
						p = rel
					}
				}
				if !filepath.IsAbs(p) {
					t.shaping[path.Clean(filepath.ToSlash(p))] = true
					s.Write(t.path(filepath.ToSlash(p)))
				}
			}
		}
	}
	v := s.Sum(nil)
	t.repoHash[name] = v
	return v
}

// Shaping lists the paths of the checkout, other than source files, that
// src has read so far: .bzl files, and the files and directories external
// repositories read (patches, local_repository paths). An edit of one can
// change the graph itself. Nil for Sources that NewTreeSources did not make.
func Shaping(src Sources) []string {
	t, ok := src.(*treeSources)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(t.shaping))
	for p := range t.shaping {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// attr is a string attribute's value in a rule call as --output=build prints it.
func attr(body, name string) string {
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), name+" = "); ok {
			return strings.Trim(v, `",`)
		}
	}
	return ""
}

// externalPath matches a file in an output base's external repository.
var externalPath = regexp.MustCompile(`/external/([^/]+)/`)

// Definition hashes where a rule is defined ("FILE:LINE:COL: <toplevel>" or
// "FILE:LINE:COL in <toplevel>"): a .bzl file of the main repository with
// everything it loads, or the external repository it is in.
func (t *treeSources) Definition(entry string) []byte {
	file := entry
	if i := strings.Index(file, ".bzl:"); i >= 0 {
		file = file[:i+len(".bzl")]
	}
	if filepath.IsAbs(file) {
		if rel, err := filepath.Rel(t.root, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = filepath.ToSlash(rel)
		} else if m := externalPath.FindStringSubmatch(file); m != nil {
			return t.Repo(m[1])
		} else {
			return []byte("outside " + file)
		}
	}
	s := sha256.New()
	t.bzl(s, file, map[string]bool{})
	return s.Sum(nil)
}

// bzl writes a main-repository .bzl file and what it loads, transitively.
func (t *treeSources) bzl(s hash.Hash, rel string, seen map[string]bool) {
	if seen[rel] {
		return
	}
	seen[rel] = true
	t.shaping[rel] = true
	fmt.Fprintf(s, "bzl %s\n", rel)
	data, err := os.ReadFile(filepath.Join(t.root, filepath.FromSlash(rel)))
	if err != nil {
		fmt.Fprintf(s, "missing\n")
		return
	}
	s.Write(data)
	f, err := build.ParseBzl(rel, data)
	if err != nil {
		return // Bazel fails on it too; its bytes are hashed
	}
	var loads []string
	for _, st := range f.Stmt {
		if l, ok := st.(*build.LoadStmt); ok {
			loads = append(loads, l.Module.Value)
		}
	}
	sort.Strings(loads)
	for _, l := range loads {
		repo, file := t.resolveLoad(rel, l)
		if repo != "" {
			s.Write(t.Repo(repo))
		} else {
			t.bzl(s, file, seen)
		}
	}
}

// resolveLoad turns a load() label in the main-repository file from into an
// external repository's name or a main-repository path.
func (t *treeSources) resolveLoad(from, label string) (repo, file string) {
	if strings.HasPrefix(label, "@") {
		name, rest, _ := strings.Cut(label[1:], "//")
		if name != "" && name != t.workspace {
			return name, ""
		}
		label = "//" + rest
	}
	if rest, ok := strings.CutPrefix(label, "//"); ok {
		pkg, name, _ := strings.Cut(rest, ":")
		if name == "" {
			name = path.Base(pkg)
		}
		return "", path.Join(pkg, name)
	}
	return "", path.Join(t.pkgOf(path.Dir(from)), strings.TrimPrefix(label, ":"))
}

// pkgOf is the package a directory belongs to: it or the nearest parent with
// a BUILD file.
func (t *treeSources) pkgOf(dir string) string {
	for d := dir; ; d = path.Dir(d) {
		for _, b := range []string{"BUILD.bazel", "BUILD"} {
			if _, err := os.Stat(filepath.Join(t.root, filepath.FromSlash(d), b)); err == nil {
				return d
			}
		}
		if d == "." || d == "/" {
			return dir
		}
	}
}

var workspaceName = regexp.MustCompile(`workspace\(\s*name\s*=\s*"([^"]+)"`)

// WorkspaceName is the name the WORKSPACE file at root gives the main
// repository, "" if none.
func WorkspaceName(root string) string {
	data, _ := os.ReadFile(filepath.Join(root, "WORKSPACE"))
	if m := workspaceName.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}
