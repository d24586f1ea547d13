package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// ModulePath returns the module path in root's go.mod.
func ModulePath(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("read the module path: %w", err)
	}
	p := modfile.ModulePath(data)
	if p == "" {
		return "", fmt.Errorf("%s has no module line", filepath.Join(root, "go.mod"))
	}
	return p, nil
}

// ReplacePath replaces every occurrence of the module path from in text by
// to, where it stands as a whole path: followed by "/", a quote, a space, a
// sentence's full stop or anything else that cannot continue a module path,
// never by a letter, digit, "-", "_", "~" or a "." that goes on (so
// example.com/mono does not touch example.com/monograph or example.com/mono.v2).
// It returns the new text and the number of replacements.
func ReplacePath(text, from, to string) (string, int) {
	var b strings.Builder
	n := 0
	for {
		i := strings.Index(text, from)
		if i < 0 {
			b.WriteString(text)
			return b.String(), n
		}
		end := i + len(from)
		b.WriteString(text[:i])
		if continues(text, end) || i > 0 && continuesPath(text[i-1]) && text[i-1] != '/' {
			b.WriteString(from)
		} else {
			b.WriteString(to)
			n++
		}
		text = text[end:]
	}
}

// continues reports whether the path that ends at text[end] goes on: a
// character that a module path may hold follows, except for a "." that ends
// a sentence (no letter or digit after it).
func continues(text string, end int) bool {
	if end >= len(text) || !continuesPath(text[end]) {
		return false
	}
	if text[end] == '.' && (end+1 >= len(text) || !continuesPath(text[end+1]) || text[end+1] == '.') {
		return false
	}
	return true
}

func continuesPath(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".-_~", c) >= 0
}

// RenameModule replaces the module path from by to in every file git tracks
// under root (go.mod, imports, the Gazelle prefix, BUILD files, templates,
// docs), and returns the files it changed. It changes nothing unless to is a
// valid module path, root is a git checkout without uncommitted changes (so
// `git diff` shows the rename and `git checkout .` undoes it), and from
// appears somewhere. Binary files are left alone; Go files are gofmt'ed.
func RenameModule(root, from, to string) ([]string, error) {
	if err := module.CheckPath(to); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUsage, err)
	}
	if to == from {
		return nil, fmt.Errorf("%w: the module is %s already", ErrUsage, from)
	}
	status, err := git(root, "status", "--porcelain")
	if err != nil {
		return nil, err
	}
	if len(status) > 0 {
		return nil, fmt.Errorf("%s has uncommitted changes: commit or stash them first, so that `git diff` shows the rename alone and `git checkout .` undoes it", root)
	}
	list, err := git(root, "ls-files", "-z")
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, p := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		full := filepath.Join(root, p)
		info, err := os.Lstat(full)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the work tree, a symlink or a submodule
		}
		data, err := os.ReadFile(full)
		if err != nil {
			return changed, err
		}
		if bytes.IndexByte(data, 0) >= 0 {
			continue // binary
		}
		text, n := ReplacePath(string(data), from, to)
		if n == 0 {
			continue
		}
		out := []byte(text)
		if strings.HasSuffix(p, ".go") {
			// A longer or shorter path can move gofmt's alignment (composite literals, comments).
			if formatted, err := format.Source(out); err == nil {
				out = formatted
			}
		}
		if err := os.WriteFile(full, out, info.Mode().Perm()); err != nil {
			return changed, fmt.Errorf("write %s: %w (git checkout . undoes what was written)", p, err)
		}
		changed = append(changed, p)
	}
	if len(changed) == 0 {
		return nil, fmt.Errorf("no tracked file mentions %s", from)
	}
	return changed, nil
}

func git(root string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", root}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s in %s: %v: %s (renaming the module needs a git checkout)", args[0], root, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
