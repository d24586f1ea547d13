// Command new scaffolds a library or an app that builds, tests and (for an
// app) has images from the first minute:
//
//	bazel run //tools/new -- lib NAME     # libs/NAME: package, doc comment, testify test
//	bazel run //tools/new -- app NAME     # apps/NAME: main.go (flags, exit codes), its test, images
//	bazel run //tools/new -- proto NAME   # libs/NAMEpb: NAME.proto (a service), its Go code
//	bazel run //tools/new -- module PATH  # renames the Go module (go.mod, imports, BUILD files, docs)
//
// It writes the files from the templates in templates/ (for a proto, then
// its Go code with //tools/generate), then runs our Gazelle (//tools/gazelle)
// on the new package for its BUILD file: the same file `bazel run //:gazelle`
// writes, images included. Bad names, existing
// packages and runs outside the repository are refused before anything is
// written. `module` replaces the module path in every file git tracks, then
// regenerates the proto Go code and runs Gazelle on the whole repository.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	os.Exit(run(os.Args[1:], os.Getenv("BUILD_WORKSPACE_DIRECTORY"), os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code (0 ok, 1 refused
// or failed, 2 bad usage). The BUILD file sets -gazelle to our Gazelle.
func run(args []string, root string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gazelle := fs.String("gazelle", "", "path of the Gazelle binary that writes the BUILD file")
	generate := fs.String("generate", "", "path of //tools/generate, which writes a proto's Go code")
	var generateArgs []string
	fs.Func("generate_arg", "an argument for -generate (repeated)", func(s string) error {
		generateArgs = append(generateArgs, s)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: bazel run //tools/new -- lib|app|proto NAME, or: module PATH")
		return 2
	}
	if root == "" {
		fmt.Fprintln(stderr, "new: BUILD_WORKSPACE_DIRECTORY is not set: run it with `bazel run //tools/new -- lib|app NAME`")
		return 2
	}
	if *gazelle == "" {
		fmt.Fprintln(stderr, "new: no -gazelle flag: run it with `bazel run //tools/new -- lib|app NAME`")
		return 2
	}
	kind, name := fs.Arg(0), fs.Arg(1)
	if err := CheckRoot(root); err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return 1
	}
	mod, err := ModulePath(root)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return 1
	}
	if kind == "module" {
		return renameModule(root, mod, name, *gazelle, *generate, generateArgs, stdout, stderr)
	}
	files, err := Plan(kind, name, mod)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		if errors.Is(err, ErrUsage) {
			return 2
		}
		return 1
	}
	written, err := Write(root, files)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		return 1
	}
	for _, p := range written {
		fmt.Fprintln(stdout, "created", p)
	}
	dir := PackageDir(kind, name)
	if kind == "proto" {
		if err := runGenerate(*generate, generateArgs, root, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "new: %s is written, but not its Go code: %v\n", dir, err)
			return 1
		}
	}
	if err := runGazelle(*gazelle, root, dir, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "new: the Go files are written, but not %s/BUILD.bazel: %v\n", dir, err)
		return 1
	}
	fmt.Fprintln(stdout, "created", dir+"/BUILD.bazel (Gazelle)")
	fmt.Fprintf(stdout, "next: bazel test //%s/...", dir)
	if kind == "app" {
		fmt.Fprintf(stdout, " && bazel run //%s", dir)
	}
	fmt.Fprintln(stdout)
	return 0
}

// renameModule renames the Go module from mod to path, then regenerates what
// embeds it (the proto Go code) and every BUILD file.
func renameModule(root, mod, path, gazelle, generate string, generateArgs []string, stdout, stderr io.Writer) int {
	changed, err := RenameModule(root, mod, path)
	if err != nil {
		fmt.Fprintln(stderr, "new:", err)
		if errors.Is(err, ErrUsage) {
			return 2
		}
		return 1
	}
	fmt.Fprintf(stdout, "renamed %s to %s in %d files (git diff shows them)\n", mod, path, len(changed))
	if err := runGenerate(generate, generateArgs, root, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "new: the module is renamed, but not its generated Go code: %v\n", err)
		return 1
	}
	if err := runGazelle(gazelle, root, "", stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "new: the module is renamed, but not the BUILD files: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "regenerated the proto Go code and every BUILD file")
	fmt.Fprintln(stdout, "next: bazel test //... && go test ./..., then commit")
	return 0
}

// runGenerate runs //tools/generate (bazel run //:generate) in root.
func runGenerate(generate string, args []string, root string, stdout, stderr io.Writer) error {
	if generate == "" {
		return errors.New("no -generate flag: run it with `bazel run //tools/new -- proto NAME`")
	}
	bin, err := filepath.Abs(generate)
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, args...) // the -tool paths are relative to this directory, the runfiles root
	cmd.Env = append(os.Environ(), "BUILD_WORKSPACE_DIRECTORY="+root)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("generate failed (%w); fix what it says, then run `bazel run //:generate`", err)
	}
	return nil
}

// runGazelle runs Gazelle on the package dir only (it indexes the rest of the
// tree from its BUILD files to resolve imports), or on everything if dir is "".
func runGazelle(gazelle, root, dir string, stdout, stderr io.Writer) error {
	bin, err := filepath.Abs(gazelle)
	if err != nil {
		return fmt.Errorf("gazelle: %w", err)
	}
	args := []string{"update", "-repo_root", root}
	if dir != "" {
		args = append(args, dir)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "BUILD_WORKSPACE_DIRECTORY="+root) // Gazelle resolves dir against it
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("gazelle failed (%w); fix what it says, then run `bazel run //:gazelle`", err)
	}
	return nil
}
