package main

import (
	"flag"
	"fmt"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"example.com/monorepo/tools/oci/ocilayout"
)

// stringsFlag collects a repeated flag.
type stringsFlag []string

func (f *stringsFlag) String() string     { return fmt.Sprint(*f) }
func (f *stringsFlag) Set(v string) error { *f = append(*f, v); return nil }

// buildIndex makes a multi-platform image index of imgs; each image's
// platform comes from its config, and two images may not share one.
func buildIndex(imgs []v1.Image) (v1.ImageIndex, error) {
	idx := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	seen := map[string]bool{}
	for i, img := range imgs {
		cf, err := img.ConfigFile()
		if err != nil {
			return nil, fmt.Errorf("image %d: config: %w", i, err)
		}
		p := &v1.Platform{OS: cf.OS, Architecture: cf.Architecture, Variant: cf.Variant}
		if seen[p.String()] {
			return nil, fmt.Errorf("image %d: platform %s is already in the index", i, p)
		}
		seen[p.String()] = true
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{
			Add:        imageWithoutArtifactType{img},
			Descriptor: v1.Descriptor{Platform: p},
		})
	}
	return idx, nil
}

// imageWithoutArtifactType keeps go-containerregistry from writing
// "artifactType" (the config media type) into the index's descriptors: that
// field is for artifacts, not images, and older clients (skopeo 1.9) refuse
// to copy such an index with its digests preserved.
type imageWithoutArtifactType struct{ v1.Image }

// ArtifactType returns "", so the descriptor leaves the field out.
func (imageWithoutArtifactType) ArtifactType() (string, error) { return "", nil }

func indexCmd(args []string) error {
	fs := flag.NewFlagSet("ocitool index", flag.ContinueOnError)
	var images stringsFlag
	fs.Var(&images, "image", "OCI layout directory of one image (repeatable)")
	out := fs.String("out", "", "directory to write the OCI layout of the index to")
	digestFile := fs.String("digest_file", "", "file to write the index digest to (optional)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(images) == 0 || *out == "" {
		return fmt.Errorf("index: --image (at least one) and --out are required")
	}
	var imgs []v1.Image
	for _, dir := range images {
		idx, closeLayout, err := ocilayout.Open(dir)
		if err != nil {
			return fmt.Errorf("index: %w", err)
		}
		defer closeLayout()
		img, err := ocilayout.Only(idx)
		if err != nil {
			return fmt.Errorf("index: %s: %w", dir, err)
		}
		imgs = append(imgs, img)
	}
	idx, err := buildIndex(imgs)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := writeLayout(*out, *digestFile, idx, func(lp layout.Path) error { return lp.AppendIndex(idx) }); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}
