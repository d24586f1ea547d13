package main

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeIndexLayout writes a two-platform index as oci_image_index does and
// returns the layout directory and the index.
func writeIndexLayout(t *testing.T) (string, v1.ImageIndex) {
	t.Helper()
	amd, err := buildImage(spec())
	require.NoError(t, err)
	s := spec()
	s.Arch = "arm64"
	arm, err := buildImage(s)
	require.NoError(t, err)
	idx, err := buildIndex([]v1.Image{amd, arm})
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "index")
	lp, err := layout.Write(dir, empty.Index)
	require.NoError(t, err)
	require.NoError(t, lp.AppendIndex(idx))
	return dir, idx
}

func testPushOptions(repo string) pushOptions {
	return pushOptions{Repository: repo, Tags: []string{"dev"}, Timeout: 30 * time.Second, Keychain: authn.DefaultKeychain}
}

func TestPushIndexRoundTrips(t *testing.T) {
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	repo := strings.TrimPrefix(srv.URL, "http://") + "/hello_world"
	dir, idx := writeIndexLayout(t)

	var stdout bytes.Buffer
	require.NoError(t, run([]string{"push", "--image", dir, "--repository", repo, "--default_tag", "dev", "--tag", "v1", "--tag", "latest"}, &stdout))

	want, err := idx.Digest()
	require.NoError(t, err)
	assert.Contains(t, stdout.String(), repo+"@"+want.String())
	for _, tag := range []string{"v1", "latest"} {
		ref, err := name.NewTag(repo + ":" + tag)
		require.NoError(t, err)
		got, err := remote.Index(ref)
		require.NoError(t, err, tag)
		d, err := got.Digest()
		require.NoError(t, err)
		assert.Equal(t, want, d, "tag %s points at the index we built", tag)
	}
	devRef, err := name.NewTag(repo + ":dev")
	require.NoError(t, err)
	_, err = remote.Head(devRef)
	assert.Error(t, err, "--tag replaces the default tags")

	m, err := idx.IndexManifest()
	require.NoError(t, err)
	for _, desc := range m.Manifests {
		ref, err := name.NewDigest(repo + "@" + desc.Digest.String())
		require.NoError(t, err)
		img, err := remote.Image(ref)
		require.NoError(t, err)
		layers, err := img.Layers()
		require.NoError(t, err)
		assert.Len(t, layers, 2, "%s pulled back with its layers", desc.Platform)
	}
}

func TestPushExplainsUnreachableRegistry(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there now
	dir, _ := writeIndexLayout(t)

	start := time.Now()
	_, err = pushLayout(context.Background(), dir, testPushOptions(addr+"/hello_world"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "registry "+addr+" is unreachable")
	assert.Less(t, time.Since(start), 25*time.Second, "bounded retries, not minutes of backoff")
}

func TestPushExplainsRefusedCredentials(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
		http.Error(w, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`, http.StatusUnauthorized)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	dir, _ := writeIndexLayout(t)

	_, err := pushLayout(context.Background(), dir, testPushOptions(host+"/hello_world"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "refused us (HTTP 401)")
	assert.Contains(t, err.Error(), "docker login "+host)
}

func TestPushRejectsBadFlags(t *testing.T) {
	dir, _ := writeIndexLayout(t)
	assert.ErrorContains(t, run([]string{"push", "--image", dir}, &bytes.Buffer{}), "--image and --repository are required")
	assert.ErrorContains(t, run([]string{"push", "--image", dir, "--repository", "Not A Repo"}, &bytes.Buffer{}), "want HOST[:PORT]/PATH")
	assert.ErrorContains(t, run([]string{"push", "--image", dir, "--repository", "localhost:1/x", "--tag", "bad tag!"}, &bytes.Buffer{}), `--tag "bad tag!"`)
}
