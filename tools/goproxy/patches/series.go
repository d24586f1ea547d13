package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bazelbuild/buildtools/build"
	"github.com/bluekeyes/go-gitdiff/gitdiff"
	"golang.org/x/mod/module"
)

// seriesPackage is the Bazel package whose labels patches.bzl lists.
const seriesPackage = "//tools/goproxy/patches:"

// Module is one entry of pins.bzl's MODULES: a Go module pinned by version.
type Module struct {
	Path    string
	Version string
}

// readSeries reads patches.bzl's PATCHES: repository name -> patch files,
// relative to the folder of patches.bzl, in the order they apply.
func readSeries(path string) (map[string][]string, error) {
	dict, err := readDict(path, "PATCHES")
	if err != nil {
		return nil, err
	}
	series := map[string][]string{}
	for _, kv := range dict.List {
		name := stringKey(kv)
		list, ok := kv.Value.(*build.ListExpr)
		for i := 0; ok && i < len(list.List); i++ {
			s, isString := list.List[i].(*build.StringExpr)
			ok = isString && strings.HasPrefix(s.Value, seriesPackage)
			if ok {
				series[name] = append(series[name], strings.TrimPrefix(s.Value, seriesPackage))
			}
		}
		if name == "" || !ok {
			return nil, fmt.Errorf("%s: PATCHES[%q]: want a list of %q labels", path, name, seriesPackage+"DIR/NAME.patch")
		}
	}
	return series, nil
}

// readModules reads pins.bzl's MODULES: repository name -> module path and version.
func readModules(path string) (map[string]Module, error) {
	dict, err := readDict(path, "MODULES")
	if err != nil {
		return nil, err
	}
	mods := map[string]Module{}
	for _, kv := range dict.List {
		name := stringKey(kv)
		call, _ := kv.Value.(*build.CallExpr)
		var m Module
		for _, arg := range callArgs(call) {
			if a, ok := arg.(*build.AssignExpr); ok {
				lhs, _ := a.LHS.(*build.Ident)
				rhs, _ := a.RHS.(*build.StringExpr)
				if lhs != nil && rhs != nil && lhs.Name == "module" {
					m.Path = rhs.Value
				} else if lhs != nil && rhs != nil && lhs.Name == "version" {
					m.Version = rhs.Value
				}
			}
		}
		if name == "" || m.Path == "" || m.Version == "" {
			return nil, fmt.Errorf("%s: MODULES[%q]: want struct(module = ..., version = ..., sum = ...)", path, name)
		}
		mods[name] = m
	}
	return mods, nil
}

func readDict(path, name string) (*build.DictExpr, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := build.ParseBzl(path, data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	for _, stmt := range f.Stmt {
		if a, ok := stmt.(*build.AssignExpr); ok {
			if id, ok := a.LHS.(*build.Ident); ok && id.Name == name {
				if d, ok := a.RHS.(*build.DictExpr); ok {
					return d, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("%s: no %s = {...}", path, name)
}

func stringKey(kv *build.KeyValueExpr) string {
	s, _ := kv.Key.(*build.StringExpr)
	if s == nil {
		return ""
	}
	return s.Value
}

func callArgs(c *build.CallExpr) []build.Expr {
	if c == nil {
		return nil
	}
	return c.List
}

// File is a file of a module tree: its contents and its permission bits.
type File struct {
	Data []byte
	Mode fs.FileMode
}

// Tree is a module's files by slash-separated path, as a patch names them.
type Tree interface {
	Read(name string) (File, bool, error)
	Write(name string, f File) error
	Remove(name string) error
}

// MemTree is a Tree in memory.
type MemTree map[string]File

// Read returns the file at name, if any.
func (t MemTree) Read(name string) (File, bool, error) {
	f, ok := t[name]
	return f, ok, nil
}

// Write sets the file at name.
func (t MemTree) Write(name string, f File) error {
	t[name] = f
	return nil
}

// Remove deletes the file at name.
func (t MemTree) Remove(name string) error {
	delete(t, name)
	return nil
}

// DirTree is a Tree on disk, below a directory.
type DirTree string

// Read returns the file at name, if any.
func (d DirTree) Read(name string) (File, bool, error) {
	p := filepath.Join(string(d), filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return File{}, false, nil
	} else if err != nil {
		return File{}, false, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return File{}, false, err
	}
	return File{Data: data, Mode: st.Mode().Perm()}, true, nil
}

// Write creates or replaces the file at name, with its parent directories.
func (d DirTree) Write(name string, f File) error {
	p := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, f.Data, f.Mode); err != nil {
		return err
	}
	return os.Chmod(p, f.Mode)
}

// Remove deletes the file at name.
func (d DirTree) Remove(name string) error {
	return os.Remove(filepath.Join(string(d), filepath.FromSlash(name)))
}

// readZip reads a module zip of m (as `go mod download` stores it) into memory,
// without its "module@version/" prefix. Module zips record no modes: every
// file is 0644.
func readZip(path string, m Module) (MemTree, error) {
	esc, err := module.EscapePath(m.Path)
	if err != nil {
		return nil, err
	}
	prefix := esc + "@" + m.Version + "/"
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	t := MemTree{}
	for _, zf := range z.File {
		name, ok := strings.CutPrefix(zf.Name, prefix)
		if !ok {
			return nil, fmt.Errorf("%s: %s is not below %s: not the zip of %s@%s", path, zf.Name, prefix, m.Path, m.Version)
		}
		if strings.HasSuffix(name, "/") {
			continue
		}
		r, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, zf.Name, err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, zf.Name, err)
		}
		t[name] = File{Data: data, Mode: 0o644}
	}
	return t, nil
}

// ApplyError is a patch that does not apply exactly.
type ApplyError struct {
	Patch string // the patch file
	File  string // the file of the module it changes
	Err   error  // gitdiff's error, with the line
}

func (e *ApplyError) Error() string {
	var ge *gitdiff.ApplyError
	if errors.As(e.Err, &ge) && ge.Line > 0 {
		return fmt.Sprintf("%s does not apply to %s, line %d: %v", e.Patch, e.File, ge.Line, e.Err)
	}
	return fmt.Sprintf("%s does not apply to %s: %v", e.Patch, e.File, e.Err)
}

func (e *ApplyError) Unwrap() error { return e.Err }

// apply applies a git-style patch (a/ and b/ prefixes, as Bazel's
// repository_ctx.patch(strip = 1) reads it) to t. Unlike Bazel, which also
// tries every other position of a hunk that does not match, every hunk must
// match at the line its header names: a hunk that moved is an error, so a
// series that passes here is applied by Bazel exactly as written. It returns
// the paths the patch changes, sorted.
func apply(t Tree, name string, patch []byte) ([]string, error) {
	files, _, err := gitdiff.Parse(bytes.NewReader(patch))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no file changes: want the output of git diff", name)
	}
	type write struct {
		name string
		file File
		del  bool
	}
	var writes []write
	for _, f := range files {
		if f.IsBinary || f.IsCopy || f.IsRename {
			return nil, fmt.Errorf("%s: %s: Bazel 4.2.3's patch applies text changes only (no binary, copy or rename)", name, f.NewName)
		}
		target := f.NewName
		if f.IsDelete {
			target = f.OldName
		}
		src, ok, err := t.Read(target)
		if err != nil {
			return nil, err
		}
		if f.IsNew && ok {
			return nil, &ApplyError{Patch: name, File: target, Err: errors.New("creates a file that already exists")}
		} else if !f.IsNew && !ok {
			return nil, &ApplyError{Patch: name, File: target, Err: errors.New("no such file")}
		}
		var out bytes.Buffer
		if err := gitdiff.Apply(&out, bytes.NewReader(src.Data), f); err != nil {
			return nil, &ApplyError{Patch: name, File: target, Err: err}
		}
		mode := src.Mode
		if f.NewMode != 0 {
			mode = f.NewMode.Perm()
		}
		writes = append(writes, write{name: target, file: File{Data: out.Bytes(), Mode: mode}, del: f.IsDelete})
	}
	// Nothing is written unless every file applies.
	var changed []string
	for _, w := range writes {
		var err error
		if w.del {
			err = t.Remove(w.name)
		} else {
			err = t.Write(w.name, w.file)
		}
		if err != nil {
			return nil, err
		}
		changed = append(changed, w.name)
	}
	sort.Strings(changed)
	return changed, nil
}

// header returns what a patch file says before its first diff: why it exists.
func header(patch []byte) string {
	h, _, _ := bytes.Cut(patch, []byte("diff --git "))
	return string(h)
}
