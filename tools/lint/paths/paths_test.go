package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheck(t *testing.T) {
	exists := func(p string) bool {
		return map[string]bool{"tools/oci": true, "tools/oci/README.md": true, "docs/a.md": true, ".ci/run": true}[p]
	}
	for _, tc := range []struct {
		name, file, text string
		want             []Problem
	}{
		{"existing paths", "x.sh", "# see tools/oci/README.md and .ci/run.\n", nil},
		{"a moved file", "x.sh", "ok\n# read by tools/goproxy/deps.bzl\n", []Problem{{"x.sh", 2, "tools/goproxy/deps.bzl"}}},
		{"a trailing dot is punctuation", "x.go", "// in tools/oci.\n", nil},
		{"labels, import paths, URLs and longer paths are not ours", "x.md",
			"`//tools/lint:nogo` example.com/monorepo/tools/x golang.org/x/tools/go https://e.com/tools/x a/tools/x\n", nil},
		{"patterns", "x.md", "tools/new/templates/lib/NAME.go.tmpl tools/ci/*.sh tools/x/<dir> tools/...\n", nil},
		{"a relative Markdown link", "docs/b.md", "[a](a.md) [gone](c.md#x) [up](../tools/oci)\n", []Problem{{"docs/b.md", 1, "docs/c.md"}}},
		{"anchors and URLs in links", "docs/b.md", "[s](#setup) [u](https://x/y) [m](mailto:a@b)\n", nil},
		{"links only in Markdown", "x.go", "// [a](c.md)\n", nil},
		{"testdata describes its own tree", "tools/gazelle/testdata/x/README.md", "tools/nope [a](b.md)\n", nil},
		{"so do tests", "tools/x/x_test.go", "// tools/nope\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, check(tc.file, []byte(tc.text), exists))
		})
	}
}

func TestProblemString(t *testing.T) {
	assert.Equal(t, "x.sh:2: tools/y does not exist", Problem{"x.sh", 2, "tools/y"}.String())
}
