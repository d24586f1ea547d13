package main

import (
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/partial"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"
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
	_, err := check(fake, dir, "dev", "")
	assert.ErrorContains(t, err, "HEAD")
}

func TestCheckFailsWhenTheLauncherFails(t *testing.T) {
	dir, _ := indexLayout(t)
	_, err := check(launcher(t, "echo refused >&2; exit 3"), dir, "dev", "")
	assert.ErrorContains(t, err, "refused")
}

func TestCheckFailsOnAnotherDigest(t *testing.T) {
	dir, _ := indexLayout(t)
	_, err := check(launcher(t, `echo "$2@sha256:0000000000000000000000000000000000000000000000000000000000000000"`), dir, "dev", "")
	assert.ErrorContains(t, err, "in its output")
}

func TestLayoutDigestNeedsALayout(t *testing.T) {
	_, err := layoutDigest(t.TempDir())
	assert.ErrorContains(t, err, "read layout")
}

// pushImage pushes a random image to a fresh in-process registry and returns
// its REPOSITORY@DIGEST.
func pushImage(t *testing.T) (name.Digest, v1.Image) {
	t.Helper()
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	t.Cleanup(srv.Close)
	img, err := random.Image(64, 1)
	require.NoError(t, err)
	d, err := img.Digest()
	require.NoError(t, err)
	ref, err := name.NewDigest(strings.TrimPrefix(srv.URL, "http://") + "/app@" + d.String())
	require.NoError(t, err)
	require.NoError(t, remote.Write(ref, img))
	return ref, img
}

func TestCheckSBOMFailsWithoutAnArtifact(t *testing.T) {
	ref, _ := pushImage(t)
	file := filepath.Join(t.TempDir(), "sbom.spdx.json")
	require.NoError(t, os.WriteFile(file, []byte("{}"), 0o644))
	_, err := checkSBOM(ref.String(), file)
	assert.ErrorContains(t, err, "no application/spdx+json artifact refers to")
}

func TestCheckSBOMFailsOnOtherBytes(t *testing.T) {
	ref, img := pushImage(t)
	subject, err := partial.Descriptor(img)
	require.NoError(t, err)
	// An SPDX-typed artifact referring to the image, holding random bytes.
	art, err := random.Image(16, 1)
	require.NoError(t, err)
	art = mutate.Subject(mutate.ConfigMediaType(art, spdx), *subject).(v1.Image)
	d, err := art.Digest()
	require.NoError(t, err)
	require.NoError(t, remote.Write(ref.Context().Digest(d.String()), art))
	file := filepath.Join(t.TempDir(), "sbom.spdx.json")
	require.NoError(t, os.WriteFile(file, []byte("{}"), 0o644))
	_, err = checkSBOM(ref.String(), file)
	assert.ErrorContains(t, err, "1 application/spdx+json artifacts refer to")
}
