// Command patches applies the patch series of a rule set fetched through the
// Go proxy (patches.bzl) to a version of its module, to move the pin or to
// refresh the patches:
//
//	bazel run //tools/goproxy/patches -- io_bazel_rules_go v0.58.0
//
// It downloads the module with `go mod download`, extracts it into a new git
// repository (-dir, default a new temporary directory) and commits each patch
// that applies exactly (every hunk at the line it names), in order, one commit
// per patch. At the first that does not, it stops and says how to go on: make
// that patch's change by hand, commit it, and run again with -continue DIR.
// With -write, once every patch has its commit, it rewrites the patch files
// from those commits, each keeping its header (README.md beside this file).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "patches:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("patches", flag.ContinueOnError)
	dir := fl.String("dir", "", "the git repository to create (default: a new temporary directory)")
	cont := fl.String("continue", "", "go on in this repository, made by an earlier run, after its last commit")
	write := fl.Bool("write", false, "rewrite the series' patch files from the repository's commits")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: bazel run //tools/goproxy/patches -- [-dir DIR | -continue DIR] [-write] REPOSITORY [VERSION]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() < 1 || fl.NArg() > 2 {
		fl.Usage()
		return errors.New("want a repository name of tools/goproxy/pins.bzl (io_bazel_rules_go, bazel_gazelle) and an optional version")
	}
	ws := os.Getenv("BUILD_WORKSPACE_DIRECTORY")
	if ws == "" {
		return errors.New("run me with bazel run //tools/goproxy/patches -- ...")
	}
	patchDir := filepath.Join(ws, "tools/goproxy/patches")
	series, err := readSeries(filepath.Join(patchDir, "patches.bzl"))
	if err != nil {
		return err
	}
	mods, err := readModules(filepath.Join(ws, "tools/goproxy/pins.bzl"))
	if err != nil {
		return err
	}
	repo := fl.Arg(0)
	m, ok := mods[repo]
	if !ok || len(series[repo]) == 0 {
		return fmt.Errorf("%s: no such repository with patches in tools/goproxy/patches/patches.bzl", repo)
	}
	if fl.NArg() == 2 {
		m.Version = fl.Arg(1)
	}

	g := gitRepo(*cont)
	done := map[string]bool{}
	if *cont != "" {
		subjects, err := g.run("log", "--format=%s")
		if err != nil {
			return err
		}
		for _, s := range strings.Split(strings.TrimSpace(subjects), "\n") {
			done[s] = true
		}
		if !done[m.Path+"@"+m.Version] {
			return fmt.Errorf("-continue %s: its first commit is not %s@%s", *cont, m.Path, m.Version)
		}
	} else if g, err = extract(m, *dir); err != nil {
		return err
	}

	for i, p := range series[repo] {
		if done[p] {
			continue
		}
		path := filepath.Join(patchDir, p)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		status := "ok     "
		if _, err := apply(DirTree(g), p, data); err != nil {
			// Hunks that only moved: git applies them where their lines are now; -write renumbers them.
			if _, gerr := g.run("apply", path); gerr != nil {
				fmt.Printf("FAILED  %s\n", err)
				fmt.Printf(`%d of %d patches are committed in %s. To go on:
  cd %s
  git apply --reject %s   # what still fits; the rest in *.rej
  # make the rest of the change by hand, delete the *.rej files, then:
  git add -A && git commit -m %s
  bazel run //tools/goproxy/patches -- -continue %s %s %s
`, i, len(series[repo]), g, g, path, p, g, repo, m.Version)
				return fmt.Errorf("%s@%s: %s does not apply", m.Path, m.Version, p)
			}
			status = "moved  "
		}
		if _, err := g.run("add", "-A", "-f"); err != nil {
			return err
		}
		if _, err := g.run("commit", "-q", "-m", p); err != nil {
			return err
		}
		fmt.Printf("%s %s\n", status, p)
	}
	fmt.Printf("All %d patches apply to %s@%s, one commit each, in %s.\n", len(series[repo]), m.Path, m.Version, g)
	if !*write {
		fmt.Println("To rewrite the patch files from these commits, run again with -continue and -write.")
		return nil
	}
	for _, p := range series[repo] {
		if err := g.export(filepath.Join(patchDir, p), p); err != nil {
			return err
		}
	}
	fmt.Printf("Rewrote %d patch files in %s. Now pin %s@%s in tools/goproxy/pins.bzl and run bazel test //...\n", len(series[repo]), patchDir, m.Path, m.Version)
	return nil
}

// gitRepo is a git repository's work tree, with one commit per patch.
type gitRepo string

func (g gitRepo) run(args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", string(g), "-c", "user.name=patches", "-c", "user.email=patches@localhost"}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		return "", fmt.Errorf("git %s in %s: %w\n%s", strings.Join(args, " "), g, err, stderr)
	}
	return string(out), nil
}

// export rewrites the patch file at path: its header, then the diff of the commit whose subject is name.
func (g gitRepo) export(path, name string) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	log, err := g.run("log", "--format=%H %s")
	if err != nil {
		return err
	}
	var hashes []string
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		if h, subject, _ := strings.Cut(line, " "); subject == name {
			hashes = append(hashes, h)
		}
	}
	if len(hashes) != 1 {
		return fmt.Errorf("%s: want one commit with subject %s, found %d", g, name, len(hashes))
	}
	diff, err := g.run("diff", "--no-color", "--no-ext-diff", hashes[0]+"~1", hashes[0])
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(header(old)+diff), 0o644)
}

// downloadZip returns the path of m's zip in the go command's module cache, downloading it if needed.
func downloadZip(m Module) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", m.Path+"@"+m.Version)
	cmd.Dir = os.TempDir() // outside any module
	out, err := cmd.Output()
	var info struct{ Zip, Error string }
	if jerr := json.Unmarshal(out, &info); err != nil || jerr != nil || info.Error != "" {
		return "", fmt.Errorf("go mod download %s@%s: %v %s", m.Path, m.Version, err, info.Error)
	}
	return info.Zip, nil
}

// extract downloads m with the go command and commits its files in a new git repository.
func extract(m Module, dir string) (gitRepo, error) {
	zip, err := downloadZip(m)
	if err != nil {
		return "", err
	}
	t, err := readZip(zip, m)
	if err != nil {
		return "", err
	}
	if dir == "" {
		if dir, err = os.MkdirTemp("", "patches-"); err != nil {
			return "", err
		}
	} else if err := os.Mkdir(dir, 0o755); err != nil {
		return "", fmt.Errorf("-dir: %w (it must not exist yet)", err)
	}
	for name, f := range t {
		if err := DirTree(dir).Write(name, f); err != nil {
			return "", err
		}
	}
	g := gitRepo(dir)
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A", "-f"}, {"commit", "-q", "-m", m.Path + "@" + m.Version}} {
		if _, err := g.run(args...); err != nil {
			return "", err
		}
	}
	return g, nil
}
