// Command vulncheck is `bazel run //:vulncheck`: govulncheck (golang.org/x/vuln,
// pinned in go.mod) in source mode over the workspace, against the Go
// vulnerability database built from the pinned golang.org/x/vulndb module,
// with the pinned Go SDK. It exits 0 with one line when no known
// vulnerability is reachable from our code, and 1 naming each one that is.
//
// Usage (the BUILD file passes the flags):
//
//	vulncheck -go PATH -db DIR -db_name NAME [PATTERN ...]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/vuln/scan"
)

func main() {
	goBin := flag.String("go", "", "the go command (the pinned SDK's)")
	db := flag.String("db", "", "the vulnerability database directory (v1 layout)")
	dbName := flag.String("db_name", "", "what to call the database in the report, e.g. golang.org/x/vulndb@VERSION")
	dir := flag.String("C", os.Getenv("BUILD_WORKSPACE_DIRECTORY"), "the module to check (default: the workspace `bazel run` was called in)")
	flag.Parse()
	if *goBin == "" || *db == "" || *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: bazel run //:vulncheck [-- PATTERN ...]  (vulncheck -go PATH -db DIR [-C DIR] [PATTERN ...])")
		os.Exit(2)
	}
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	rep, err := run(*goBin, *db, *dir, patterns)
	if err != nil {
		fmt.Fprintf(os.Stderr, "vulncheck: %v\n", err)
		os.Exit(2)
	}
	if *dbName != "" {
		rep.DB = *dbName
	}
	rep.Write(os.Stdout, strings.Join(patterns, " "))
	if len(rep.Reachable) > 0 {
		os.Exit(1)
	}
}

// run scans the patterns in dir and parses what govulncheck found.
func run(goBin, db, dir string, patterns []string) (*Report, error) {
	goBin, err := filepath.Abs(goBin)
	if err != nil {
		return nil, err
	}
	if db, err = filepath.Abs(db); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(db, "index", "modules.json")); err != nil {
		return nil, fmt.Errorf("%s is not a v1 vulnerability database: %w", db, err)
	}
	// govulncheck loads packages with `go list`: the pinned SDK's, never
	// another toolchain.
	os.Setenv("PATH", filepath.Dir(goBin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	os.Setenv("GOTOOLCHAIN", "local")
	os.Unsetenv("GOROOT")

	args := append([]string{"-C", dir, "-db", "file://" + db, "-format", "json", "-scan", "symbol"}, patterns...)
	var out, stderr bytes.Buffer
	cmd := scan.Command(context.Background(), args...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("govulncheck %s: %w", strings.Join(args, " "), err)
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("govulncheck %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	rep, err := Parse(&out)
	if err != nil {
		return nil, fmt.Errorf("%w\n%s", err, stderr.String())
	}
	return rep, nil
}
