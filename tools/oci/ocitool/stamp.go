package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// readStamps reads Bazel workspace status files (stable-status.txt,
// volatile-status.txt): one "KEY VALUE" a line.
func readStamps(paths []string) (map[string]string, error) {
	vars := map[string]string{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("stamp file: %w", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, _ := strings.Cut(sc.Text(), " ")
			if k != "" {
				vars[k] = v
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("stamp file %s: %w", p, err)
		}
	}
	return vars, nil
}

var stampKey = regexp.MustCompile(`\{([A-Z0-9_]+)\}`)

// stamp replaces each {KEY} in s by the workspace status value of KEY, as
// rules_go does for x_defs. what names s in the error for a missing key.
func stamp(what, s string, vars map[string]string) (string, error) {
	var missing []string
	out := stampKey.ReplaceAllStringFunc(s, func(m string) string {
		k := m[1 : len(m)-1]
		v, ok := vars[k]
		if !ok {
			missing = append(missing, k)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("%s %q: %s not in the workspace status; stamp with --config=release (tools/release/status.sh sets STABLE_VERSION and STABLE_GIT_COMMIT)",
			what, s, strings.Join(missing, ", "))
	}
	return out, nil
}
