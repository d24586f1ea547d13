package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"

	"example.com/monorepo/tools/oci/ocilayout"
)

// pushOptions is what pushCmd reads from its flags.
type pushOptions struct {
	Repository string        // e.g. localhost:5000/hello_world
	Tags       []string      // tags to set; empty: none, push by digest only
	Timeout    time.Duration // for the whole push, retries included
	Keychain   authn.Keychain
	SBOM       []byte // pushed as an artifact referring to the image; nil: none
}

// pushLayout uploads the single image or index of an OCI layout (as oci_image
// and oci_image_index write them), tags it, and pushes the SBOM that refers
// to it. It returns repository@digest of the image and of the SBOM artifact.
func pushLayout(ctx context.Context, dir string, o pushOptions) (string, string, error) {
	repo, err := name.NewRepository(o.Repository)
	if err != nil {
		return "", "", fmt.Errorf("--repository %q: %w (want HOST[:PORT]/PATH, e.g. localhost:5000/hello_world)", o.Repository, err)
	}
	tags := make([]name.Tag, 0, len(o.Tags))
	for _, t := range o.Tags {
		tag, err := name.NewTag(repo.String()+":"+t, name.StrictValidation)
		if err != nil {
			return "", "", fmt.Errorf("--tag %q: %w", t, err)
		}
		tags = append(tags, tag)
	}
	idx, closeLayout, err := ocilayout.Open(dir)
	if err != nil {
		return "", "", err
	}
	defer closeLayout()
	pushed, err := only(idx)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", dir, err)
	}
	d, err := pushed.Digest()
	if err != nil {
		return "", "", fmt.Errorf("%s: digest: %w", dir, err)
	}
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	opts := []remote.Option{
		remote.WithContext(ctx),
		remote.WithAuthFromKeychain(o.Keychain),
		// Fail within seconds when the registry is down, not after minutes of backoff.
		remote.WithRetryBackoff(remote.Backoff{Duration: time.Second, Factor: 2, Steps: 2}),
	}
	ref := repo.Digest(d.String())
	if err := remote.Push(ref, pushed, opts...); err != nil {
		return "", "", explainPushError(repo, err)
	}
	for _, tag := range tags {
		if err := remote.Tag(tag, pushed, opts...); err != nil {
			return "", "", explainPushError(repo, fmt.Errorf("tag %s: %w", tag.TagStr(), err))
		}
	}
	if o.SBOM == nil {
		return ref.String(), "", nil
	}
	sbom, err := pushSBOM(ctx, repo, o.SBOM, pushed, opts)
	if err != nil {
		return "", "", explainPushError(repo, err)
	}
	return ref.String(), sbom.String(), nil
}

// artifact is what a layout holds: a v1.Image or a v1.ImageIndex.
type artifact interface {
	remote.Taggable
	Digest() (v1.Hash, error)
}

// only returns the one manifest of a layout's index, as an image or an index.
func only(idx v1.ImageIndex) (artifact, error) {
	m, err := idx.IndexManifest()
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	if len(m.Manifests) != 1 {
		return nil, fmt.Errorf("want one image or index in the layout, got %d manifests", len(m.Manifests))
	}
	desc := m.Manifests[0]
	if desc.MediaType.IsIndex() {
		return idx.ImageIndex(desc.Digest)
	}
	return idx.Image(desc.Digest)
}

// explainPushError adds what to do to the two failures people meet: a
// registry that does not answer, and one that refuses the credentials.
func explainPushError(repo name.Repository, err error) error {
	host := repo.RegistryStr()
	var terr *transport.Error
	var nerr net.Error
	switch {
	case errors.As(err, &terr) && (terr.StatusCode == 401 || terr.StatusCode == 403):
		return fmt.Errorf("push to %s: registry %s refused us (HTTP %d): log in with `docker login %s` (credentials are read from $DOCKER_CONFIG/config.json or ~/.docker/config.json), or check push rights on %s: %w",
			repo, host, terr.StatusCode, host, repo.RepositoryStr(), err)
	case errors.As(err, &nerr), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("push to %s: registry %s is unreachable: is it running, and is --repository right? %w", repo, host, err)
	default:
		return fmt.Errorf("push to %s: %w", repo, err)
	}
}

// pushCmd is `ocitool push`, what `bazel run //apps/APP:image_push` runs.
// Flags given after `--` on the bazel command line override the rule's
// defaults: the last --repository wins, and any --tag replaces the default tags.
func pushCmd(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("ocitool push", flag.ContinueOnError)
	image := fs.String("image", "", "OCI layout of one image or index (oci_image, oci_image_index)")
	repository := fs.String("repository", "", "repository to push to, HOST[:PORT]/PATH")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up after this long")
	var tags, defaultTags stringsFlag
	fs.Var(&tags, "tag", "tag to set (repeatable); replaces the default tags")
	fs.Var(&defaultTags, "default_tag", "tag set when no --tag is given (repeatable)")
	sbom := fs.String("sbom", "", "SPDX JSON file to push as an artifact referring to the image (oci_sbom)")
	var stampFiles stringsFlag
	fs.Var(&stampFiles, "stamp_file", "workspace status file; {KEY} in default tags is replaced by its KEY (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *image == "" || *repository == "" {
		return fmt.Errorf("push: --image and --repository are required")
	}
	if len(tags) == 0 {
		tags = defaultTags
		if len(stampFiles) > 0 {
			vars, err := readStamps(stampFiles)
			if err != nil {
				return fmt.Errorf("push: %w", err)
			}
			for i, t := range tags {
				if tags[i], err = stamp("push: tag", t, vars); err != nil {
					return err
				}
			}
		}
	}
	o := pushOptions{Repository: *repository, Tags: tags, Timeout: *timeout, Keychain: authn.DefaultKeychain}
	if *sbom != "" {
		b, err := os.ReadFile(*sbom)
		if err != nil {
			return fmt.Errorf("push: --sbom: %w", err)
		}
		o.SBOM = b
	}
	ref, sbomRef, err := pushLayout(context.Background(), *image, o)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	fmt.Fprintln(stdout, ref)
	for _, t := range tags {
		fmt.Fprintf(stdout, "tagged %s:%s\n", *repository, t)
	}
	if sbomRef != "" {
		fmt.Fprintf(stdout, "sbom %s\n", sbomRef)
	}
	return nil
}
