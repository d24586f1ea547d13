package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
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
