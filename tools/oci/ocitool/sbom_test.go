package main

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pushWithSBOM pushes an index and an SBOM to the registry behind handler and
// returns the repository, the index's digest and the launcher's output.
func pushWithSBOM(t *testing.T, handler http.Handler, sbom []byte) (name.Repository, string, string) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	repo, err := name.NewRepository(strings.TrimPrefix(srv.URL, "http://") + "/hello_world")
	require.NoError(t, err)
	dir, idx := writeIndexLayout(t)
	file := filepath.Join(t.TempDir(), "sbom.spdx.json")
	require.NoError(t, os.WriteFile(file, sbom, 0o644))
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"push", "--image", dir, "--repository", repo.String(), "--sbom", file}, &stdout))
	d, err := idx.Digest()
	require.NoError(t, err)
	return repo, d.String(), stdout.String()
}

// referredSBOM finds the SPDX artifact that refers to digest (through the
// referrers API or the fallback tag, as remote.Referrers does) and returns
// its one layer's bytes.
func referredSBOM(t *testing.T, repo name.Repository, digest string) []byte {
	t.Helper()
	refs, err := remote.Referrers(repo.Digest(digest))
	require.NoError(t, err)
	m, err := refs.IndexManifest()
	require.NoError(t, err)
	require.Len(t, m.Manifests, 1)
	assert.Equal(t, string(SPDXMediaType), m.Manifests[0].ArtifactType)
	art, err := remote.Image(repo.Digest(m.Manifests[0].Digest.String()))
	require.NoError(t, err)
	am, err := art.Manifest()
	require.NoError(t, err)
	require.NotNil(t, am.Subject)
	assert.Equal(t, digest, am.Subject.Digest.String())
	assert.Equal(t, emptyMediaType, am.Config.MediaType)
	layers, err := art.Layers()
	require.NoError(t, err)
	require.Len(t, layers, 1)
	rc, err := layers[0].Compressed()
	require.NoError(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	return b
}

func quietRegistry() http.Handler {
	return registry.New(registry.Logger(log.New(io.Discard, "", 0)))
}

func TestPushSBOMThroughTheReferrersAPI(t *testing.T) {
	sbom := []byte(`{"spdxVersion":"SPDX-2.3"}` + "\n")
	repo, digest, out := pushWithSBOM(t, quietRegistry(), sbom)
	assert.Contains(t, out, "sbom "+repo.String()+"@sha256:")
	assert.Equal(t, sbom, referredSBOM(t, repo, digest))
}

// A registry without the referrers API (404, as Debian's docker-registry 2.8
// answers) gets the artifact listed under the fallback tag sha256-<hex>.
func TestPushSBOMUnderTheFallbackTag(t *testing.T) {
	reg := quietRegistry()
	noReferrers := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/referrers/") {
			http.NotFound(w, r)
			return
		}
		reg.ServeHTTP(w, r)
	})
	sbom := []byte(`{"spdxVersion":"SPDX-2.3","name":"fallback"}` + "\n")
	repo, digest, _ := pushWithSBOM(t, noReferrers, sbom)
	fallback, err := remote.Index(repo.Tag(strings.Replace(digest, ":", "-", 1)))
	require.NoError(t, err, "the fallback tag exists")
	m, err := fallback.IndexManifest()
	require.NoError(t, err)
	require.Len(t, m.Manifests, 1)
	assert.Equal(t, string(SPDXMediaType), m.Manifests[0].ArtifactType)
	assert.Equal(t, sbom, referredSBOM(t, repo, digest))
}
