package main

import (
	"flag"
	"fmt"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/tarball"

	"example.com/monorepo/tools/oci/ocilayout"
)

// loadCmd writes the image of an OCI layout as a `docker load` tarball.
func loadCmd(args []string) error {
	fs := flag.NewFlagSet("ocitool load", flag.ContinueOnError)
	image := fs.String("image", "", "OCI layout directory of one image")
	tag := fs.String("tag", "", "repository:tag the loaded image gets, e.g. hello_world:dev")
	out := fs.String("out", "", "tarball to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *image == "" || *tag == "" || *out == "" {
		return fmt.Errorf("load: --image, --tag and --out are required")
	}
	ref, err := name.NewTag(*tag)
	if err != nil {
		return fmt.Errorf("load: --tag %q: %w", *tag, err)
	}
	idx, closeLayout, err := ocilayout.Open(*image)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer closeLayout()
	img, err := ocilayout.Only(idx)
	if err != nil {
		return fmt.Errorf("load: %s: %w", *image, err)
	}
	if err := tarball.WriteToFile(*out, ref, img); err != nil {
		return fmt.Errorf("load: write %s: %w", *out, err)
	}
	return nil
}
