package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"
)

const spdx = "application/spdx+json"

// checkSBOM checks that the registry lists an SPDX artifact referring to ref
// (REPOSITORY@DIGEST), through the referrers API or the sha256-<hex>
// fallback tag, whose one layer is the file's bytes. It returns the
// artifact's reference.
func checkSBOM(ref, file string) (string, error) {
	want, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	d, err := name.NewDigest(ref, name.Insecure)
	if err != nil {
		return "", fmt.Errorf("parse %s: %w", ref, err)
	}
	refs, err := remote.Referrers(d)
	if err != nil {
		return "", fmt.Errorf("referrers of %s: %w", ref, err)
	}
	m, err := refs.IndexManifest()
	if err != nil {
		return "", fmt.Errorf("referrers of %s: %w", ref, err)
	}
	found := 0
	for _, desc := range m.Manifests {
		if desc.ArtifactType != spdx {
			continue
		}
		found++
		art := d.Context().Digest(desc.Digest.String())
		img, err := remote.Image(art)
		if err != nil {
			return "", fmt.Errorf("pull %s: %w", art, err)
		}
		layers, err := img.Layers()
		if err != nil || len(layers) != 1 {
			return "", fmt.Errorf("%s: want one layer (%v)", art, err)
		}
		rc, err := layers[0].Compressed()
		if err != nil {
			return "", fmt.Errorf("%s: %w", art, err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return "", fmt.Errorf("%s: %w", art, err)
		}
		if bytes.Equal(got, want) {
			return art.String(), nil
		}
	}
	if found == 0 {
		return "", fmt.Errorf("no %s artifact refers to %s", spdx, ref)
	}
	return "", fmt.Errorf("%d %s artifacts refer to %s, none holds the bytes of %s", found, spdx, ref, file)
}
