package ocilayout_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/monorepo/tools/oci/ocilayout"
)

// symlinkTree mirrors src as a tree of symlinks, as Bazel's sandbox does.
func symlinkTree(t *testing.T, src, dst string) {
	require.NoError(t, filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		require.NoError(t, err)
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return os.Symlink(p, filepath.Join(dst, rel))
	}))
}

func TestOpenReadsSymlinkedLayout(t *testing.T) {
	img, err := random.Image(128, 2)
	require.NoError(t, err)
	real := filepath.Join(t.TempDir(), "real")
	lp, err := layout.Write(real, empty.Index)
	require.NoError(t, err)
	require.NoError(t, lp.AppendImage(img))
	linked := filepath.Join(t.TempDir(), "linked")
	symlinkTree(t, real, linked)
	// A symlink to the whole directory, as a `bazel run` runfiles tree has.
	dirLink := filepath.Join(t.TempDir(), "dirlink")
	require.NoError(t, os.Symlink(linked, dirLink))

	want, err := img.Digest()
	require.NoError(t, err)
	for _, dir := range []string{linked, dirLink} {
		idx, closeFn, err := ocilayout.Open(dir)
		require.NoError(t, err, dir)
		got, err := ocilayout.Only(idx)
		require.NoError(t, err, dir)
		gotDigest, err := got.Digest()
		require.NoError(t, err)
		assert.Equal(t, want, gotDigest, dir)
		_, err = got.Layers()
		require.NoError(t, err, dir)
		closeFn()
	}
}

func TestOnlyRejectsTwoImages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "two")
	lp, err := layout.Write(dir, empty.Index)
	require.NoError(t, err)
	for i := 0; i < 2; i++ {
		img, err := random.Image(16, 1)
		require.NoError(t, err)
		require.NoError(t, lp.AppendImage(img))
	}
	idx, closeFn, err := ocilayout.Open(dir)
	require.NoError(t, err)
	defer closeFn()
	_, err = ocilayout.Only(idx)
	assert.ErrorContains(t, err, "want one image in the layout, got 2")
}

func TestOpenMissing(t *testing.T) {
	_, _, err := ocilayout.Open(filepath.Join(t.TempDir(), "missing"))
	assert.ErrorContains(t, err, "open OCI layout")
}
