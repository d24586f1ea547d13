package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// globalFiles change how Bazel runs, not one target: their flags, its version,
// the repositories and toolchains. When one differs beyond comments, every
// target may have changed. (user.bazelrc is the same file on both sides.)
var globalFiles = []string{".bazelrc", ".bazelversion", "WORKSPACE", "tools/bazel"}

// globalChange names the first global file that differs between two
// checkouts, ignoring comment and blank lines; "" when none does.
func globalChange(head, base string) (string, error) {
	now, err := globalDigests(head)
	if err != nil {
		return "", err
	}
	was, err := globalDigests(base)
	if err != nil {
		return "", err
	}
	return firstGlobalChange(now, was), nil
}

// firstGlobalChange names the first global file whose digests differ.
func firstGlobalChange(now, was map[string]string) string {
	for _, f := range globalFiles {
		if now[f] != was[f] {
			return f
		}
	}
	return ""
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

// significant drops comment lines and blank lines.
func significant(data []byte) []byte {
	var out []byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		out = append(out, t...)
		out = append(out, '\n')
	}
	return out
}

// git runs git in dir and returns its trimmed output.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// defaultBase is the merge base of HEAD with origin/main, or with main.
func defaultBase(ctx context.Context, root string) (string, error) {
	var errs []string
	for _, b := range []string{"origin/main", "main"} {
		mb, err := git(ctx, root, "merge-base", "HEAD", b)
		if err == nil {
			return mb, nil
		}
		errs = append(errs, err.Error())
	}
	return "", fmt.Errorf("no merge base with main (give --base REV): %s", strings.Join(errs, "; "))
}

// checkoutBase makes dir a git worktree of root's repository at commit rev (a
// detached HEAD, no other files), reusing the one a previous run left so that
// its output base stays warm. Untracked files in root that Bazel reads
// (user.bazelrc) are copied, so both sides build with the same flags.
func checkoutBase(ctx context.Context, root, dir, rev string) error {
	if _, err := git(ctx, dir, "rev-parse", "--git-dir"); err != nil || !sameRepo(ctx, root, dir) {
		_ = os.RemoveAll(dir)
		if _, err := git(ctx, root, "worktree", "prune"); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return err
		}
		if _, err := git(ctx, root, "worktree", "add", "--detach", "--force", dir, rev); err != nil {
			return err
		}
	} else {
		if _, err := git(ctx, dir, "checkout", "--detach", "--force", rev); err != nil {
			return err
		}
		if _, err := git(ctx, dir, "clean", "-d", "--force", "--quiet"); err != nil {
			return err
		}
	}
	user := filepath.Join(root, "user.bazelrc")
	data, err := os.ReadFile(user)
	if os.IsNotExist(err) {
		return removeIfExists(filepath.Join(dir, "user.bazelrc"))
	}
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "user.bazelrc"), data, 0o644)
}

func removeIfExists(p string) error {
	if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// sameRepo: dir is a worktree of root's repository.
func sameRepo(ctx context.Context, root, dir string) bool {
	a, errA := git(ctx, root, "rev-parse", "--git-common-dir")
	b, errB := git(ctx, dir, "rev-parse", "--git-common-dir")
	if errA != nil || errB != nil {
		return false
	}
	abs := func(wd, p string) string {
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		r, err := filepath.EvalSymlinks(p)
		if err != nil {
			return p
		}
		return r
	}
	return abs(root, a) == abs(dir, b)
}

// workDir is where the base checkout and its output base live by default:
// one per workspace, under the user's cache directory.
func workDir(root string) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for the base checkout (give --work DIR): %w", err)
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(cache, "monorepo-affected", hex.EncodeToString(sum[:6])), nil
}
