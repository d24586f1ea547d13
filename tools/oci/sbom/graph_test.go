package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/modfile"
)

var (
	selfSBOM = flag.String("self_sbom", "", "the SBOM oci_sbom wrote for this very tool (set by the BUILD file)")
	goModArg = flag.String("go_mod", "", "the repository's go.mod")
)

func runfile(p string) string {
	return filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"), p)
}

// The rule's aspect over //tools/oci/sbom finds the modules it links:
// golang.org/x/mod at go.mod's version, and not testify or
// go-containerregistry, which go.mod requires but this binary does not link.
func TestOciSbomListsTheLinkedModules(t *testing.T) {
	if *selfSBOM == "" {
		t.Skip("needs -self_sbom: run it with bazel test //tools/oci/sbom:sbom_test")
	}
	b, err := os.ReadFile(runfile(*selfSBOM))
	require.NoError(t, err)
	var doc document
	require.NoError(t, json.Unmarshal(b, &doc))
	gm, err := os.ReadFile(runfile(*goModArg))
	require.NoError(t, err)
	mf, err := modfile.Parse("go.mod", gm, nil)
	require.NoError(t, err)
	required := map[string]string{}
	for _, r := range mf.Require {
		required[r.Mod.Path] = r.Mod.Version
	}

	listed := map[string]string{}
	for _, p := range doc.Packages {
		listed[p.Name] = p.VersionInfo
	}
	assert.Equal(t, required["golang.org/x/mod"], listed["golang.org/x/mod"])
	assert.Equal(t, mf.Toolchain.Name, listed["stdlib"], "the SDK's Go is go.mod's toolchain (pins_test)")
	assert.Contains(t, listed, "example.com/monorepo")
	for _, m := range []string{"github.com/stretchr/testify", "github.com/google/go-containerregistry"} {
		assert.Contains(t, required, m)
		assert.NotContains(t, listed, m, "required in go.mod, not linked into the sbom tool")
	}
	assert.Len(t, doc.Packages, 3, "main, stdlib and golang.org/x/mod: %v", listed)
}
