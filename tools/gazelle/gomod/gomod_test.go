package gomod

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProvided(t *testing.T) {
	modules, err := Modules([]byte("module example.com/mono\n\ngo 1.26\n\nrequire (\n\tgithub.com/stretchr/testify v1.12.1\n\tgolang.org/x/mod v0.30.0 // indirect\n)\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"example.com/mono", "github.com/stretchr/testify", "golang.org/x/mod"}, modules)
	for imp, want := range map[string]bool{
		"fmt":                                true,
		"net/http/httptest":                  true,
		"example.com/mono/libs/greeting":     true,
		"github.com/stretchr/testify/assert": true,
		"golang.org/x/mod":                   true,
		"github.com/pkg/errors":              false,
		"github.com/stretchr/testifyx":       false, // a prefix of the path, not of an element
		"example.com/monorepo/libs/x":        false,
	} {
		assert.Equal(t, want, Provided(imp, modules), imp)
	}
	_, err = Modules([]byte("go 1.26\n"))
	assert.ErrorContains(t, err, "no module line")
}

func TestMessage(t *testing.T) {
	got := Message(map[string][]string{
		"github.com/pkg/errors": {"apps/b", "apps/a", "apps/b"},
		"example.org/x/y":       {""},
	})
	assert.Equal(t, "no module in go.mod provides these imports:\n"+
		"  example.org/x/y, imported by .\n"+
		"  github.com/pkg/errors, imported by apps/a, apps/b\n"+
		"Add the modules, then their repositories and the BUILD files (nothing was written):\n"+
		"  go get example.org/x/y github.com/pkg/errors && bazel run //:gazelle-update-repos && bazel run //:gazelle", got)
}
