package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadWritesDockerTarball(t *testing.T) {
	img, err := buildImage(spec())
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "layout")
	lp, err := layout.Write(dir, empty.Index)
	require.NoError(t, err)
	require.NoError(t, lp.AppendImage(img))
	out := filepath.Join(t.TempDir(), "image.tar")

	var stdout bytes.Buffer
	require.NoError(t, run([]string{"load", "--image", dir, "--tag", "hello:dev", "--out", out}, &stdout))

	tag, err := name.NewTag("hello:dev")
	require.NoError(t, err)
	loaded, err := tarball.ImageFromPath(out, &tag)
	require.NoError(t, err)
	want, err := img.ConfigName()
	require.NoError(t, err)
	got, err := loaded.ConfigName()
	require.NoError(t, err)
	assert.Equal(t, want, got, "same config, so the same image ID after docker load")
}

func TestLoadRejectsBadTag(t *testing.T) {
	err := run([]string{"load", "--image", "x", "--tag", "Bad Tag", "--out", "y"}, &bytes.Buffer{})
	assert.ErrorContains(t, err, `--tag "Bad Tag"`)
}
