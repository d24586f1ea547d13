// Package ocilayout opens OCI image layouts that Bazel hands to actions and
// tests as trees of symlinks (sandboxes, runfiles), which go-containerregistry
// refuses to read blobs through.
package ocilayout

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// Open copies the layout at dir, following symlinks (dir itself may be one, as
// in a `bazel run` runfiles tree), into a temporary directory and returns its index. Call close when done with the index and
// everything read from it.
func Open(dir string) (idx v1.ImageIndex, close func(), err error) {
	tmp, err := os.MkdirTemp("", "ocilayout")
	if err != nil {
		return nil, nil, fmt.Errorf("open OCI layout %s: %w", dir, err)
	}
	close = func() { os.RemoveAll(tmp) }
	src, err := filepath.EvalSymlinks(dir)
	if err != nil {
		close()
		return nil, nil, fmt.Errorf("open OCI layout %s: %w", dir, err)
	}
	if err := copyTree(src, tmp); err != nil {
		close()
		return nil, nil, fmt.Errorf("open OCI layout %s: %w", dir, err)
	}
	idx, err = layout.ImageIndexFromPath(tmp)
	if err != nil {
		close()
		return nil, nil, fmt.Errorf("open OCI layout %s: %w", dir, err)
	}
	return idx, close, nil
}

// Only returns the single manifest of idx: an image, as oci_image writes.
func Only(idx v1.ImageIndex) (v1.Image, error) {
	m, err := idx.IndexManifest()
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	if len(m.Manifests) != 1 {
		return nil, fmt.Errorf("want one image in the layout, got %d manifests", len(m.Manifests))
	}
	img, err := idx.Image(m.Manifests[0].Digest)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", m.Manifests[0].Digest, err)
	}
	return img, nil
}

// copyTree copies the regular files under src, following symlinks, to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
}
