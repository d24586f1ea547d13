package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Saved is one commit's target hashes, written by --save (CI's main job, whose
// analysis is warm) and read by --base-hashes (a pull request's job), which
// then analyses only its own tree.
type Saved struct {
	Commit string `json:"commit"`
	// Global is each global file's digest without comments, "" when absent.
	Global map[string]string `json:"global"`
	// Hashes are the targets' hashes, hex.
	Hashes map[string]string `json:"hashes"`
}

// globalDigests digests the global files of a checkout as globalChange
// compares them.
func globalDigests(root string) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range globalFiles {
		data, err := os.ReadFile(filepath.Join(root, f))
		if os.IsNotExist(err) {
			out[f] = ""
			continue
		}
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(significant(data))
		out[f] = hex.EncodeToString(sum[:])
	}
	return out, nil
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
	s := Saved{Commit: commit, Global: global, Hashes: map[string]string{}}
	for label, h := range head.graph.Hash(head.sources) {
		s.Hashes[label] = hex.EncodeToString(h)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return fmt.Errorf("--save: %w", err)
	}
	return nil
}

// compareSaved fills a.Targets against saved hashes, or returns why it
// cannot tell.
func compareSaved(a *Answer, root, file string, head *side) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Sprintf("no saved hashes: %v", err), nil
	}
	var s Saved
	if err := json.Unmarshal(data, &s); err != nil || s.Commit == "" || s.Hashes == nil {
		return fmt.Sprintf("%s holds no saved hashes (%v)", file, err), nil
	}
	a.Base = s.Commit
	now, err := globalDigests(root)
	if err != nil {
		return "", err
	}
	for _, f := range globalFiles {
		if now[f] != s.Global[f] {
			return f + " changed (beyond comments): it can change every target", nil
		}
	}
	hashes := head.graph.Hash(head.sources)
	for _, t := range head.graph.Targets() {
		if hex.EncodeToString(hashes[t.Label]) != s.Hashes[t.Label] {
			a.Targets = append(a.Targets, t)
		}
	}
	return "", nil
}
