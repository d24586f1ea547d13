package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Placeholder is what a template writes where the container image goes.
const Placeholder = "{IMAGE}"

// yamlLine finds the line number in a YAML error.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parserErrors are yaml.v3's parser errors (the others come from its scanner).
// yaml.v3 counts their lines from 0 (decode.go, (*parser).fail), its
// scanner's from 1; lineOf adds the one.
var parserErrors = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected key",
	"did not find expected node content",
}

// Resolve returns the template with every Placeholder outside comment lines
// replaced by image. It fails, naming the template's file and line as
// FILE:LINE: ..., when the template has no Placeholder or is not valid YAML.
// The replacement keeps every line where it was, so the lines of an error are
// the template's.
func Resolve(name string, template []byte, image string) ([]byte, error) {
	orig := strings.SplitAfter(string(template), "\n")
	lines := slices.Clone(orig)
	found := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "#") || !strings.Contains(l, Placeholder) {
			continue
		}
		lines[i] = strings.ReplaceAll(l, Placeholder, image)
		found = true
	}
	if !found {
		return nil, fmt.Errorf("%s: no %s outside comments: write image: \"%s\" where the container image goes", name, Placeholder, Placeholder)
	}
	out := []byte(strings.Join(lines, ""))
	dec := yaml.NewDecoder(bytes.NewReader(out))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			line, msg := lineOf(err)
			if line == 0 || line > len(lines) {
				return nil, fmt.Errorf("%s: not valid YAML: %s", name, msg)
			}
			// The line before too: YAML often notices a mistake one line late.
			var quote strings.Builder
			for l := max(line-1, 1); l <= line; l++ {
				fmt.Fprintf(&quote, "\n%6d | %s", l, strings.TrimRight(orig[l-1], "\n"))
			}
			return nil, fmt.Errorf("%s:%d: not valid YAML: %s%s", name, line, msg, quote.String())
		}
	}
}

// lineOf returns the 1-based line of a yaml.v3 error (0 if it names none)
// and its message without the "yaml: line N: " prefix.
func lineOf(err error) (int, string) {
	msg := err.Error()
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 0, strings.TrimPrefix(msg, "yaml: ")
	}
	line, _ := strconv.Atoi(m[1])
	msg = strings.TrimPrefix(msg, m[0])
	if slices.Contains(parserErrors, msg) {
		line++
	}
	return line, msg
}
