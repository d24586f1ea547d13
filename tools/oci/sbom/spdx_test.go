package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goMod = `module example.com/m

go 1.26.0

require (
	example.org/a v1.2.3
	example.org/c v1.0.0
	example.org/c/d v0.4.0 // a nested module
	example.org/unused v2.0.0+incompatible
)
`

const goSum = `example.org/a v1.2.3 h1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
example.org/a v1.2.3/go.mod h1://////////////////////////////////////////8=
example.org/c v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
example.org/c/d v0.4.0 h1:EBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8=
example.org/unused v2.0.0+incompatible h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
`

const digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func inputs() *Inputs {
	return &Inputs{
		Name:        "app",
		ImportPaths: []string{"example.com/m/apps/app", "example.com/m/libs/x", "example.org/a/p", "example.org/a/p/q", "example.org/c/d/e"},
		GoMod:       []byte(goMod),
		GoSum:       []byte(goSum),
		GoVersion:   "1.26.11",
		ImageDigest: digest,
		Repository:  "registry.example.com/app",
	}
}

func build(t *testing.T, in *Inputs) (document, []byte) {
	t.Helper()
	b, err := Build(in)
	require.NoError(t, err)
	var doc document
	require.NoError(t, json.Unmarshal(b, &doc))
	return doc, b
}

func TestBuildListsWhatTheBinaryLinks(t *testing.T) {
	doc, _ := build(t, inputs())
	assert.Equal(t, "SPDX-2.3", doc.SPDXVersion)
	assert.Equal(t, "app@"+digest, doc.Name)
	assert.Equal(t, "https://example.com/m/spdx/app/sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", doc.DocumentNamespace)
	assert.Equal(t, []string{"SPDXRef-Image"}, doc.DocumentDescribes)
	assert.Equal(t, Created, doc.CreationInfo.Created)

	type row struct{ ID, Name, Version, Checksum, Purl string }
	var got []row
	for _, p := range doc.Packages {
		r := row{p.SPDXID, p.Name, p.VersionInfo, "", p.ExternalRefs[0].Locator}
		if len(p.Checksums) > 0 {
			r.Checksum = p.Checksums[0].Algorithm + ":" + p.Checksums[0].Value
		}
		got = append(got, r)
	}
	assert.Equal(t, []row{
		{"SPDXRef-Image", "app", digest, "SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
			"pkg:oci/app@sha256%3A0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef?repository_url=registry.example.com%2Fapp"},
		{"SPDXRef-Package-main", "example.com/m", "", "", "pkg:golang/example.com/m"},
		{"SPDXRef-Package-stdlib", "stdlib", "go1.26.11", "", "pkg:golang/stdlib@go1.26.11"},
		// The h1: hash, decoded: a SHA-256.
		{"SPDXRef-Package-1", "example.org/a", "v1.2.3", "SHA256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "pkg:golang/example.org/a@v1.2.3"},
		// example.org/c/d/e comes from the nested module, not from example.org/c;
		// neither example.org/c nor example.org/unused is linked.
		{"SPDXRef-Package-2", "example.org/c/d", "v0.4.0", "SHA256:101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f", "pkg:golang/example.org/c/d@v0.4.0"},
	}, got)
	assert.Equal(t, []relationship{
		{"SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Image"},
		{"SPDXRef-Image", "CONTAINS", "SPDXRef-Package-main"},
		{"SPDXRef-Package-main", "DEPENDS_ON", "SPDXRef-Package-stdlib"},
		{"SPDXRef-Package-main", "DEPENDS_ON", "SPDXRef-Package-1"},
		{"SPDXRef-Package-main", "DEPENDS_ON", "SPDXRef-Package-2"},
	}, doc.Relationships)
}

func TestBuildWithoutImageDescribesTheMainModule(t *testing.T) {
	in := inputs()
	in.ImageDigest = ""
	doc, _ := build(t, in)
	assert.Equal(t, []string{"SPDXRef-Package-main"}, doc.DocumentDescribes)
	assert.Equal(t, "https://example.com/m/spdx/app", doc.DocumentNamespace)
	assert.Equal(t, "SPDXRef-Package-main", doc.Packages[0].SPDXID)
}

func TestBuildIsReproducible(t *testing.T) {
	_, a := build(t, inputs())
	in := inputs()
	// The aspect's order does not matter.
	in.ImportPaths = []string{"example.org/c/d/e", "example.org/a/p/q", "example.org/a/p", "example.com/m/libs/x"}
	_, b := build(t, in)
	assert.Equal(t, string(a), string(b))
}

func TestBuildRejectsWhatItCannotName(t *testing.T) {
	for name, tc := range map[string]struct {
		edit func(*Inputs)
		want string
	}{
		"package from no module": {func(in *Inputs) { in.ImportPaths = append(in.ImportPaths, "example.net/z") }, "the binary links example.net/z, which no module in go.mod provides"},
		"no hash":                {func(in *Inputs) { in.GoSum = []byte(strings.SplitN(goSum, "\n", 2)[1]) }, "go.sum has no h1: hash for example.org/a v1.2.3"},
		"bad digest":             {func(in *Inputs) { in.ImageDigest = "sha256:xyz" }, `image digest "sha256:xyz" is not sha256:<64 hex>`},
		"replaced module":        {func(in *Inputs) { in.GoMod = []byte(goMod + "replace example.org/a => ../a\n") }, "go.mod replaces example.org/a, which the image holds"},
	} {
		t.Run(name, func(t *testing.T) {
			in := inputs()
			tc.edit(in)
			_, err := Build(in)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}

func TestBuildListsWhatTheImageHoldsBesideTheBinary(t *testing.T) {
	in := inputs()
	// The base layer: files of example.org/c (not linked) and of the standard
	// library, and of example.org/a, which the binary links too.
	in.Contains = []string{"example.org/c/certs", "time", "example.org/a/p"}
	doc, _ := build(t, in)
	ids := map[string]string{}
	comments := map[string]string{}
	for _, p := range doc.Packages {
		ids[p.Name] = p.SPDXID
		comments[p.Name] = p.Comment
	}
	require.Contains(t, ids, "example.org/c")
	// Each package says where its code is, so a reader does not take the
	// base layer's modules for the binary's.
	assert.Equal(t, "not linked into the binary: the base layer holds files from it", comments["example.org/c"])
	assert.Equal(t, "linked into the binary; the base layer also holds files from it", comments["example.org/a"])
	assert.Equal(t, "linked into the binary; the base layer also holds files from it", comments["stdlib"])
	assert.Equal(t, "linked into the binary", comments["example.org/c/d"])
	assert.Equal(t, "v1.0.0", doc.Packages[len(doc.Packages)-2].VersionInfo, "example.org/c sorts before example.org/c/d")
	rel := map[relationship]bool{}
	for _, r := range doc.Relationships {
		rel[r] = true
	}
	for _, want := range []relationship{
		{"SPDXRef-Image", "CONTAINS", ids["stdlib"]},
		{"SPDXRef-Image", "CONTAINS", ids["example.org/c"]},
		{"SPDXRef-Image", "CONTAINS", ids["example.org/a"]},
		{"SPDXRef-Package-main", "DEPENDS_ON", ids["example.org/a"]},
	} {
		assert.True(t, rel[want], "%v", want)
	}
	assert.False(t, rel[relationship{"SPDXRef-Package-main", "DEPENDS_ON", ids["example.org/c"]}], "the binary does not link example.org/c")

	in.Contains = []string{"example.net/z"}
	_, err := Build(in)
	assert.ErrorContains(t, err, "the image holds files of example.net/z, which no module in go.mod provides")
}
