package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"example.com/monorepo/tools/affected/graph"
)

// Saved is one commit's target hashes, written by --save (CI's main job, whose
// analysis is warm) and read by --base-hashes (a pull request's job), which
// then analyses only its own tree.
type Saved struct {
	// Format is savedFormat when this version of the tool wrote it.
	Format int    `json:"format"`
	Commit string `json:"commit"`
	// Global is each global file's digest without comments, "" when absent.
	Global map[string]string `json:"global"`
	// Hashes are the targets' hashes, hex.
	Hashes map[string]string `json:"hashes"`
	// Targets, Reach and Shaping answer a change that only edits source
	// files without analysing the working tree (quick): the targets of
	// `//...`, what each source file can change, and the other paths the
	// hashes read (.bzl files, files that external repositories read).
	Targets []graph.Target `json:"targets,omitempty"`
	Reach   *graph.Reach   `json:"reach,omitempty"`
	Shaping []string       `json:"shaping,omitempty"`
}

// savedFormat changes whenever what --save writes or what its hashes mean
// does; another format is not read.
const savedFormat = 2

// What --save writes into its directory: the hashes, and this binary, which
// a pull request's CI runs without building it (test_affected.sh).
const (
	savedHashes = "hashes.json"
	savedTool   = "affected"
)

// saveDir writes the working tree's hashes and this binary into dir.
func saveDir(ctx context.Context, root, dir string, head *side) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	if err := save(ctx, root, filepath.Join(dir, savedHashes), head); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("--save: finding this binary: %w", err)
	}
	return copyExecutable(self, filepath.Join(dir, savedTool))
}

// copyExecutable copies the file from to to, executable, replacing it whole.
func copyExecutable(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	defer src.Close()
	tmp, err := os.CreateTemp(filepath.Dir(to), ".affected-*")
	if err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		return fmt.Errorf("--save: copying %s: %w", from, err)
	}
	if err := tmp.Chmod(0o755); err != nil {
		tmp.Close()
		return fmt.Errorf("--save: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	return os.Rename(tmp.Name(), to)
}

// save writes the working tree's hashes; the tree must be a commit, unedited.
func save(ctx context.Context, root, file string, head *side) error {
	status, err := git(ctx, root, "status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return err
	}
	if status != "" {
		return fmt.Errorf("--save describes a commit, and the working tree has uncommitted changes:\n%s", status)
	}
	commit, err := git(ctx, root, "rev-parse", "HEAD")
	if err != nil {
		return err
	}
	global, err := globalDigests(root)
	if err != nil {
		return err
	}
	reach := head.graph.Reach()
	s := Saved{Format: savedFormat, Commit: commit, Global: global, Hashes: map[string]string{}, Targets: head.graph.Targets(), Reach: &reach}
	for label, h := range head.graph.Hash(head.sources) {
		s.Hashes[label] = hex.EncodeToString(h)
	}
	s.Shaping = graph.Shaping(head.sources) // what Hash read
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	return nil
}

// readSaved reads what --save wrote; the error says why it cannot be used.
func readSaved(file string) (*Saved, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("no saved hashes: %w", err)
	}
	var s Saved
	if err := json.Unmarshal(data, &s); err != nil || s.Commit == "" || s.Hashes == nil {
		return nil, fmt.Errorf("%s holds no saved hashes (%v)", file, err)
	}
	if s.Format != savedFormat {
		return nil, fmt.Errorf("%s was written by another version of tools/affected (format %d; this one reads %d): run the binary saved beside it", file, s.Format, savedFormat)
	}
	return &s, nil
}

// quick answers from the saved graph alone when the working tree differs
// from the saved commit only in the contents of files that are no BUILD,
// .bzl, global or other graph-shaping file: then the graph is the same, and
// a target is affected exactly when an edited file is among its inputs,
// transitively (graph.Reach). Otherwise it says why the tree must be
// analysed.
func quick(ctx context.Context, root string, s *Saved) ([]graph.Target, string) {
	if s.Reach == nil {
		return nil, "the saved hashes hold no graph (written by an older --save)"
	}
	diff, err := git(ctx, root, "diff", "--no-renames", "--name-status", "-z", s.Commit, "--")
	if err != nil {
		return nil, fmt.Sprintf("cannot compare with the saved commit %s: %v", s.Commit, err)
	}
	untracked, err := git(ctx, root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err.Error()
	}
	if untracked != "" {
		files := strings.Split(strings.TrimSuffix(untracked, "\x00"), "\x00")
		return nil, fmt.Sprintf("%d untracked files (%s, ...): a glob may take them", len(files), files[0])
	}
	shaping := map[string]bool{}
	for _, p := range s.Shaping {
		shaping[p] = true
	}
	var seeds []string
	fields := strings.Split(strings.TrimSuffix(diff, "\x00"), "\x00")
	for i := 0; i+1 < len(fields); i += 2 {
		status, p := fields[i], fields[i+1]
		if status != "M" {
			return nil, fmt.Sprintf("%s is %s (a new or deleted file can change the graph)", p, statusName(status))
		}
		if why := shapes(p, shaping); why != "" {
			return nil, fmt.Sprintf("%s changed: %s", p, why)
		}
		if l := s.Reach.Label(p); l != "" {
			seeds = append(seeds, l)
		}
	}
	reached := s.Reach.From(seeds)
	var out []graph.Target
	for _, t := range s.Targets {
		if reached[t.Label] {
			out = append(out, t)
		}
	}
	return out, ""
}

// shapes says why an edit of p can change the graph itself, "" if it cannot.
func shapes(p string, shaping map[string]bool) string {
	switch base := path.Base(p); {
	case base == "BUILD" || base == "BUILD.bazel" || base == "WORKSPACE" || base == "WORKSPACE.bazel" || base == ".bazelignore":
		return "it defines packages or repositories"
	case strings.HasSuffix(base, ".bzl"):
		return "a .bzl file defines rules and macros"
	case slices.Contains(globalFiles, p):
		return "a global file"
	}
	for d := p; d != "." && d != "/"; d = path.Dir(d) {
		if shaping[d] {
			return "an external repository reads it"
		}
	}
	return ""
}

// statusName is what a git diff --name-status letter means.
func statusName(s string) string {
	switch s {
	case "A":
		return "new"
	case "D":
		return "deleted"
	case "T":
		return "of another type"
	}
	return "changed (" + s + ")"
}

// compareSaved fills a.Targets against saved hashes, or returns why it
// cannot tell.
func compareSaved(a *Answer, root string, s *Saved, head *side) (string, error) {
	a.Base = s.Commit
	now, err := globalDigests(root)
	if err != nil {
		return "", err
	}
	if f := firstGlobalChange(now, s.Global); f != "" {
		return globalReason(f), nil
	}
	hashes := head.graph.Hash(head.sources)
	for _, t := range head.graph.Targets() {
		if hex.EncodeToString(hashes[t.Label]) != s.Hashes[t.Label] {
			a.Targets = append(a.Targets, t)
		}
	}
	return "", nil
}
