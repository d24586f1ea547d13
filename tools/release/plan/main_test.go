package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// digestFile writes an oci_image_index .digest output.
func digestFile(t *testing.T, digest string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "image_index.digest")
	require.NoError(t, os.WriteFile(p, []byte(digest+"\n"), 0o644))
	return p
}

// A real registry in process: one app pushed under :main, one never pushed.
func TestPlanAgainstARegistry(t *testing.T) {
	srv := httptest.NewServer(registry.New())
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	idx, err := random.Index(64, 1, 1)
	require.NoError(t, err)
	ref, err := name.NewTag(host + "/org/same:main")
	require.NoError(t, err)
	require.NoError(t, remote.WriteIndex(ref, idx))
	held, err := idx.Digest()
	require.NoError(t, err)

	out := filepath.Join(t.TempDir(), "plan.json")
	var stdout bytes.Buffer
	newDigest := "sha256:" + strings.Repeat("ab", 32)
	require.NoError(t, run(context.Background(), []string{"--registry", host + "/org/", "--tag", "main", "--out", out,
		"same=" + digestFile(t, held.String()), "fresh=" + digestFile(t, newDigest)}, &stdout))

	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 4)
	assert.Regexp(t, `^same\s+sha256:[0-9a-f]{12}\s+sha256:[0-9a-f]{12}\s+no$`, lines[1])
	assert.Regexp(t, `^fresh\s+\(none\)\s+sha256:abababababab\s+yes$`, lines[2])
	assert.Equal(t, "push: fresh", lines[3])

	var p Plan
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &p))
	assert.Equal(t, Plan{Tag: "main", Apps: []App{
		{App: "same", Repository: host + "/org/same", Registry: held.String(), Digest: held.String(), Changed: false},
		{App: "fresh", Repository: host + "/org/fresh", Registry: "", Digest: newDigest, Changed: true},
	}}, p)
}

func TestPlanExplainsAnUnreachableRegistry(t *testing.T) {
	srv := httptest.NewServer(registry.New())
	host := strings.TrimPrefix(srv.URL, "http://")
	srv.Close()
	err := run(context.Background(), []string{"--registry", host, "--out", filepath.Join(t.TempDir(), "p.json"),
		"a=" + digestFile(t, "sha256:"+strings.Repeat("0", 64))}, &bytes.Buffer{})
	assert.ErrorContains(t, err, "is unreachable: is it running, and is IMAGE_REGISTRY right?")
}

func TestPlanRejectsBadArguments(t *testing.T) {
	assert.ErrorContains(t, run(context.Background(), []string{"--registry", "r", "--out", "p"}, &bytes.Buffer{}), "usage")
	assert.ErrorContains(t, run(context.Background(), []string{"--registry", "r", "--out", "p", "noequals"}, &bytes.Buffer{}), "want APP=DIGEST_FILE")
	assert.ErrorContains(t, run(context.Background(), []string{"--registry", "r", "--out", "p", "a=/nonexistent"}, &bytes.Buffer{}), "a: the built digest")
}
