// Command paths fails when a file of the repository names a path of it that
// does not exist: a relative Markdown link, or a path below tools/, .ci/ or
// .github/ anywhere in a text file. Docs and comments drift when code moves;
// this catches the drift the day it happens. (Paths below apps/ and libs/ are
// not checked: docs and tests name the apps and libs they create.)
//
//	paths FILE...   (run in the repository root, as //:paths_test does)
//
// Tests and files below testdata/ are skipped (they describe trees of their
// own; a test that names a moved file fails by itself), and so is a path with
// a placeholder in it (NAME, DIR, *, <...>, {...}, $VAR, ...).
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"
)

var (
	// A path below one of the top folders, not part of a longer path, label or URL.
	repoPath = regexp.MustCompile(`(?:^|[^\w./@:~-])((?:tools|\.ci|\.github)/[\w./-]*[\w/])`)
	// A Markdown link or image: [text](target).
	mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	// What marks a path as a pattern, not a path.
	placeholder = regexp.MustCompile(`[A-Z]{3,}|\.\.\.|[*<{$]`)
)

// Problem is one path that does not exist, where it is named.
type Problem struct {
	File string
	Line int
	Path string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s does not exist", p.File, p.Line, p.Path)
}

// check returns the missing paths that file names; exists answers for a slash-separated path from the root.
func check(file string, data []byte, exists func(string) bool) []Problem {
	if bytes.IndexByte(data, 0) >= 0 || strings.Contains("/"+file, "/testdata/") ||
		strings.HasSuffix(file, "_test.go") || strings.HasSuffix(file, "_test.sh") {
		return nil
	}
	var probs []Problem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		var named []string
		for _, m := range repoPath.FindAllStringSubmatchIndex(line, -1) {
			if end := m[3]; end < len(line) && placeholder.MatchString(line[end:end+1]) {
				continue // tools/x/NAME_test.go, tools/x/*.sh
			}
			named = append(named, line[m[2]:m[3]])
		}
		if strings.HasSuffix(file, ".md") {
			for _, m := range mdLink.FindAllStringSubmatch(line, -1) {
				target, _, _ := strings.Cut(m[1], "#")
				if target == "" || strings.Contains(target, ":") {
					continue // an anchor in this file, or a URL
				}
				if strings.HasPrefix(target, "/") {
					named = append(named, strings.TrimPrefix(target, "/"))
				} else {
					named = append(named, path.Join(path.Dir(file), target))
				}
			}
		}
		for _, p := range named {
			if !placeholder.MatchString(p) && !exists(path.Clean(p)) {
				probs = append(probs, Problem{File: file, Line: n, Path: p})
			}
		}
	}
	return probs
}

func main() {
	var probs []Problem
	for _, f := range os.Args[1:] {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "paths:", err)
			os.Exit(2)
		}
		probs = append(probs, check(f, data, func(p string) bool {
			_, err := os.Stat(p)
			return err == nil
		})...)
	}
	for _, p := range probs {
		fmt.Fprintln(os.Stderr, p)
	}
	if len(probs) > 0 {
		os.Exit(1)
	}
	fmt.Printf("paths: %d files, every path they name exists\n", len(os.Args)-1)
}
