package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// indexLayout writes an OCI layout holding one index of one random image.
func indexLayout(t *testing.T) (string, string) {
	t.Helper()
	img, err := random.Image(64, 1)
	require.NoError(t, err)
	idx := mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img})
	dir := filepath.Join(t.TempDir(), "index")
	p, err := layout.Write(dir, empty.Index)
	require.NoError(t, err)
	require.NoError(t, p.AppendIndex(idx))
	d, err := idx.Digest()
	require.NoError(t, err)
	return dir, d.String()
}

// launcher writes a script standing in for image_push's: it runs BODY with
// the arguments it was given.
func launcher(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "push.sh")
	require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755))
	return path
}

func TestCheckFailsWhenNothingIsPushed(t *testing.T) {
	dir, digest := indexLayout(t)
	// Prints the right reference but pushes nothing: the registry must say so.
	fake := launcher(t, `echo "$2@`+digest+`"`)
	_, err := check(fake, dir, "dev")
	assert.ErrorContains(t, err, "HEAD")
}

func TestCheckFailsWhenTheLauncherFails(t *testing.T) {
	dir, _ := indexLayout(t)
	_, err := check(launcher(t, "echo refused >&2; exit 3"), dir, "dev")
	assert.ErrorContains(t, err, "refused")
}

func TestCheckFailsOnAnotherDigest(t *testing.T) {
	dir, _ := indexLayout(t)
	_, err := check(launcher(t, `echo "$2@sha256:0000000000000000000000000000000000000000000000000000000000000000"`), dir, "dev")
	assert.ErrorContains(t, err, "in its output")
}

func TestLayoutDigestNeedsALayout(t *testing.T) {
	_, err := layoutDigest(t.TempDir())
	assert.ErrorContains(t, err, "read layout")
}
