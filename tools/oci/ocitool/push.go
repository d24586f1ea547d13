package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"
	"github.com/sigstore/sigstore/pkg/signature"

	"example.com/monorepo/tools/oci/ocilayout"
)

// pushOptions is what pushCmd reads from its flags.
type pushOptions struct {
	Repository string        // e.g. localhost:5000/hello_world
	Tags       []string      // tags to set; empty: none, push by digest only
	Timeout    time.Duration // for the whole push, retries included
	Keychain   authn.Keychain
	SBOM       []byte           // pushed as an artifact referring to the image; nil: none
	Signer     signature.Signer // signs the pushed digest and attests the SBOM; nil: unsigned
}

// pushed is what pushLayout pushed, as repository@digest references ("" for
// what it did not push).
type pushed struct {
	Image, SBOM, Signature, Attestation string
}

// pushLayout uploads the single image or index of an OCI layout (as oci_image
// and oci_image_index write them), tags it, pushes the SBOM that refers to it,
// and, with a signer, signs it and attests the SBOM in cosign's format.
func pushLayout(ctx context.Context, dir string, o pushOptions) (pushed, error) {
	var out pushed
	repo, err := name.NewRepository(o.Repository)
	if err != nil {
		return out, fmt.Errorf("--repository %q: %w (want HOST[:PORT]/PATH, e.g. localhost:5000/hello_world)", o.Repository, err)
	}
	tags := make([]name.Tag, 0, len(o.Tags))
	for _, t := range o.Tags {
		tag, err := name.NewTag(repo.String()+":"+t, name.StrictValidation)
		if err != nil {
			return out, fmt.Errorf("--tag %q: %w", t, err)
		}
		tags = append(tags, tag)
	}
	idx, closeLayout, err := ocilayout.Open(dir)
	if err != nil {
		return out, err
	}
	defer closeLayout()
	image, err := only(idx)
	if err != nil {
		return out, fmt.Errorf("%s: %w", dir, err)
	}
	d, err := image.Digest()
	if err != nil {
		return out, fmt.Errorf("%s: digest: %w", dir, err)
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
	if err := remote.Push(ref, image, opts...); err != nil {
		return out, explainPushError(repo, err)
	}
	out.Image = ref.String()
	for _, tag := range tags {
		if err := remote.Tag(tag, image, opts...); err != nil {
			return out, explainPushError(repo, fmt.Errorf("tag %s: %w", tag.TagStr(), err))
		}
	}
	if o.SBOM != nil {
		sbom, err := pushSBOM(ctx, repo, o.SBOM, image, opts)
		if err != nil {
			return out, explainPushError(repo, err)
		}
		out.SBOM = sbom.String()
	}
	if o.Signer != nil {
		sig, att, err := signImage(ctx, repo, d, o.Signer, o.SBOM, opts)
		if err != nil {
			return out, explainPushError(repo, err)
		}
		out.Signature = sig.String()
		if o.SBOM != nil {
			out.Attestation = att.String()
		}
	}
	return out, nil
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
	key := fs.String("key", "", "PEM private key to sign the pushed digest with; default: $"+SigningKeyEnv)
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
	keyPEM := []byte(os.Getenv(SigningKeyEnv))
	if *key != "" {
		b, err := os.ReadFile(*key)
		if err != nil {
			return fmt.Errorf("push: --key: %w", err)
		}
		keyPEM = b
	}
	if len(keyPEM) > 0 {
		signer, err := loadSigner(keyPEM, os.Getenv("COSIGN_PASSWORD"))
		if err != nil {
			return fmt.Errorf("push: %w", err)
		}
		o.Signer = signer
	}
	out, err := pushLayout(context.Background(), *image, o)
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	fmt.Fprintln(stdout, out.Image)
	for _, t := range tags {
		fmt.Fprintf(stdout, "tagged %s:%s\n", *repository, t)
	}
	if out.SBOM != "" {
		fmt.Fprintf(stdout, "sbom %s\n", out.SBOM)
	}
	if o.Signer == nil {
		fmt.Fprintf(stdout, "unsigned: no signing key (%s or --key); CI's main job signs what it ships\n", SigningKeyEnv)
		return nil
	}
	pub, err := o.Signer.PublicKey()
	if err != nil {
		return fmt.Errorf("push: %w", err)
	}
	fmt.Fprintf(stdout, "signed %s with key %s\n", out.Signature, keyID(pub))
	if out.Attestation != "" {
		fmt.Fprintf(stdout, "attested the SBOM %s\n", out.Attestation)
	}
	return nil
}

// verifyCmd is `ocitool verify`, what `bazel run //apps/APP:image_verify`
// runs before a deploy: the digest must carry a cosign signature by --key.
func verifyCmd(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("ocitool verify", flag.ContinueOnError)
	repository := fs.String("repository", "", "repository the image was pushed to, HOST[:PORT]/PATH")
	digest := fs.String("digest", "", "the digest to deploy, sha256:...")
	digestFile := fs.String("digest_file", "", "file holding the digest (what image_push pushes)")
	key := fs.String("key", "", "the public key CI signs with (PEM, e.g. cosign.pub)")
	timeout := fs.Duration("timeout", time.Minute, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *repository == "" || *digest == "" && *digestFile == "" {
		return fmt.Errorf("verify: --repository and --digest (or --digest_file) are required")
	}
	if *key == "" {
		return fmt.Errorf("verify: no --key: give the public key CI signs with, e.g. bazel run //apps/APP:image_verify -- --key cosign.pub")
	}
	if *digest == "" {
		b, err := os.ReadFile(*digestFile)
		if err != nil {
			return fmt.Errorf("verify: --digest_file: %w", err)
		}
		*digest = strings.TrimSpace(string(b))
	}
	h, err := v1.NewHash(*digest)
	if err != nil {
		return fmt.Errorf("verify: --digest %q: %w", *digest, err)
	}
	repo, err := name.NewRepository(*repository)
	if err != nil {
		return fmt.Errorf("verify: --repository %q: %w", *repository, err)
	}
	verifier, err := loadVerifier(*key)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	opts := []remote.Option{remote.WithAuthFromKeychain(authn.DefaultKeychain)}
	if err := verifyImage(ctx, repo, h, verifier, *key, opts); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	fmt.Fprintf(stdout, "verified %s@%s: signed by %s\n", repo, h, *key)
	return nil
}
