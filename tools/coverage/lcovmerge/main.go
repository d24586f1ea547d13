// Command lcovmerge merges LCOV tracefiles per source file. It is the
// lcov_merger and coverage_report_generator that `bazel coverage` runs
// (through the @remote_coverage_tools shim in tools/shims), so the combined
// report has one record per source file whatever the number of tests.
//
// Flags, as Bazel passes them (unknown --name=value flags are ignored, as
// Bazel's own merger ignores them):
//
//	--output_file=OUT        required
//	--coverage_dir=DIR       merge every non-empty *.dat file under DIR
//	--reports_file=FILE      merge the tracefiles listed in FILE, one a line
//	--filter_sources=REGEXP  drop source files matching REGEXP (repeatable)
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "lcovmerge: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	var out, dir, list string
	var drop []*regexp.Regexp
	for _, a := range args {
		key, val, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("argument %q: want --name=value", a)
		}
		switch key {
		case "--output_file":
			out = val
		case "--coverage_dir":
			dir = val
		case "--reports_file":
			list = val
		case "--filter_sources":
			re, err := regexp.Compile("^(?:" + val + ")$")
			if err != nil {
				return fmt.Errorf("--filter_sources=%s: %w", val, err)
			}
			drop = append(drop, re)
		}
	}
	if out == "" {
		return fmt.Errorf("--output_file= is required")
	}
	inputs, err := tracefiles(dir, list)
	if err != nil {
		return err
	}
	report := NewReport()
	for _, path := range inputs {
		if err := addFile(report, path, drop); err != nil {
			return err
		}
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := report.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return f.Close()
}

// tracefiles lists the non-empty *.dat files under dir (sorted) and the paths
// listed in the file list, in that order.
func tracefiles(dir, list string) ([]string, error) {
	var paths []string
	if dir != "" {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && strings.HasSuffix(p, ".dat") {
				if info, err := d.Info(); err == nil && info.Size() > 0 {
					paths = append(paths, p)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("--coverage_dir: %w", err)
		}
		sort.Strings(paths)
	}
	if list != "" {
		f, err := os.Open(list)
		if err != nil {
			return nil, fmt.Errorf("--reports_file: %w", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if p := strings.TrimSpace(sc.Text()); p != "" {
				paths = append(paths, p)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("--reports_file %s: %w", list, err)
		}
	}
	return paths, nil
}

func addFile(r *Report, path string, drop []*regexp.Regexp) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return r.Add(f, path, drop)
}
