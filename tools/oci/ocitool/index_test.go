package main

import (
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildIndexListsEachPlatform(t *testing.T) {
	amd, err := buildImage(spec())
	require.NoError(t, err)
	s := spec()
	s.Arch, s.Variant = "arm64", "v8"
	arm, err := buildImage(s)
	require.NoError(t, err)

	idx, err := buildIndex([]v1.Image{amd, arm})
	require.NoError(t, err)
	m, err := idx.IndexManifest()
	require.NoError(t, err)
	require.Len(t, m.Manifests, 2)
	assert.Equal(t, "linux/amd64", m.Manifests[0].Platform.String())
	assert.Equal(t, "linux/arm64/v8", m.Manifests[1].Platform.String())
	armDigest, err := arm.Digest()
	require.NoError(t, err)
	assert.Equal(t, armDigest, m.Manifests[1].Digest)
	for _, d := range m.Manifests {
		assert.Empty(t, d.ArtifactType, "images are not artifacts")
	}
}

func TestBuildIndexRejectsDuplicatePlatform(t *testing.T) {
	amd, err := buildImage(spec())
	require.NoError(t, err)
	_, err = buildIndex([]v1.Image{amd, amd})
	assert.ErrorContains(t, err, "platform linux/amd64 is already in the index")
}
