package main

import (
	"bytes"
	"context"
	"crypto"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	"github.com/sigstore/sigstore/pkg/signature"
	"github.com/sigstore/sigstore/pkg/signature/dsse"
	"github.com/sigstore/sigstore/pkg/signature/payload"
)

// Where and how cosign keeps signatures and attestations in a registry (its
// "tag" scheme): an image tagged sha256-<hex>.sig (or .att) beside the signed
// digest, one layer per signature. `cosign verify --key` and `cosign
// verify-attestation --key` read exactly these.
const (
	simpleSigningMediaType types.MediaType = "application/vnd.dev.cosign.simplesigning.v1+json"
	dsseMediaType          types.MediaType = "application/vnd.dsse.envelope.v1+json"
	signatureAnnotation                    = "dev.cosignproject.cosign/signature"
	predicateAnnotation                    = "predicateType"
	inTotoPayloadType                      = "application/vnd.in-toto+json"
	inTotoStatementType                    = "https://in-toto.io/Statement/v0.1"
	// SPDXPredicateType is what `cosign verify-attestation --type spdxjson` looks for.
	SPDXPredicateType = "https://spdx.dev/Document"
)

// SigningKeyEnv holds a PEM private key for image_push to sign with (a CI
// secret); COSIGN_PASSWORD decrypts it if it is encrypted, as for cosign.
const SigningKeyEnv = "IMAGE_SIGNING_KEY"

// loadSigner reads a PEM private key: cosign's encrypted format (cosign
// generate-key-pair), encrypted or plain PKCS #8, or an EC key. password
// decrypts an encrypted one.
func loadSigner(pemBytes []byte, password string) (signature.Signer, error) {
	key, err := cryptoutils.UnmarshalPEMToPrivateKey(pemBytes, cryptoutils.StaticPasswordFunc([]byte(password)))
	if err != nil {
		return nil, fmt.Errorf("signing key: %w (a PEM private key, e.g. from cosign generate-key-pair, with its password in COSIGN_PASSWORD)", err)
	}
	return signature.LoadSigner(key, crypto.SHA256)
}

// loadVerifier reads a PEM public key (cosign.pub).
func loadVerifier(path string) (signature.Verifier, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--key: %w", err)
	}
	pub, err := cryptoutils.UnmarshalPEMToPublicKey(b)
	if err != nil {
		return nil, fmt.Errorf("--key %s: %w (want a PEM public key, e.g. cosign.pub)", path, err)
	}
	return signature.LoadVerifier(pub, crypto.SHA256)
}

// sigTag is the tag cosign keeps digest's signatures (suffix "sig") or
// attestations ("att") under.
func sigTag(repo name.Repository, digest v1.Hash, suffix string) name.Tag {
	return repo.Tag(fmt.Sprintf("%s-%s.%s", digest.Algorithm, digest.Hex, suffix))
}

// signImage signs digest (pushed to repo) in cosign's format, and, if sbom
// is not nil, attests it as a signed in-toto statement of SPDX predicate
// type. It returns the signature's and the attestation's references.
func signImage(ctx context.Context, repo name.Repository, digest v1.Hash, signer signature.Signer, sbom []byte, opts []remote.Option) (name.Digest, name.Digest, error) {
	ref := repo.Digest(digest.String())
	simple, err := payload.Cosign{Image: ref}.MarshalJSON()
	if err != nil {
		return name.Digest{}, name.Digest{}, err
	}
	sig, err := signer.SignMessage(bytes.NewReader(simple))
	if err != nil {
		return name.Digest{}, name.Digest{}, fmt.Errorf("sign %s: %w", ref, err)
	}
	sigRef, err := appendLayer(ctx, sigTag(repo, digest, "sig"), static.NewLayer(simple, simpleSigningMediaType),
		map[string]string{signatureAnnotation: base64.StdEncoding.EncodeToString(sig)}, opts)
	if err != nil {
		return name.Digest{}, name.Digest{}, err
	}
	if sbom == nil {
		return sigRef, name.Digest{}, nil
	}
	statement, err := json.Marshal(inTotoStatement{
		Type:          inTotoStatementType,
		PredicateType: SPDXPredicateType,
		Subject:       []subject{{Name: repo.Name(), Digest: map[string]string{digest.Algorithm: digest.Hex}}},
		Predicate:     json.RawMessage(sbom),
	})
	if err != nil {
		return name.Digest{}, name.Digest{}, fmt.Errorf("SBOM statement: %w", err)
	}
	envelope, err := dsse.WrapSigner(signer, inTotoPayloadType).SignMessage(bytes.NewReader(statement))
	if err != nil {
		return name.Digest{}, name.Digest{}, fmt.Errorf("attest %s: %w", ref, err)
	}
	attRef, err := appendLayer(ctx, sigTag(repo, digest, "att"), static.NewLayer(envelope, dsseMediaType),
		map[string]string{signatureAnnotation: "", predicateAnnotation: SPDXPredicateType}, opts)
	return sigRef, attRef, err
}

// inTotoStatement is an in-toto v0.1 statement, the DSSE payload cosign attests.
type inTotoStatement struct {
	Type          string          `json:"_type"`
	PredicateType string          `json:"predicateType"`
	Subject       []subject       `json:"subject"`
	Predicate     json.RawMessage `json:"predicate"`
}

type subject struct {
	Name   string            `json:"name"`
	Digest map[string]string `json:"digest"`
}

// appendLayer adds a layer with annotations to the image at tag, or makes
// that image, as cosign does: signatures of a digest accumulate.
func appendLayer(ctx context.Context, tag name.Tag, layer v1.Layer, annotations map[string]string, opts []remote.Option) (name.Digest, error) {
	base := mutate.ConfigMediaType(mutate.MediaType(empty.Image, types.OCIManifestSchema1), types.OCIConfigJSON)
	existing, err := remote.Image(tag, opts...)
	switch {
	case err == nil:
		base = existing
	case !isNotFound(err):
		return name.Digest{}, fmt.Errorf("read %s: %w", tag, err)
	}
	img, err := mutate.Append(base, mutate.Addendum{Layer: layer, Annotations: annotations})
	if err != nil {
		return name.Digest{}, err
	}
	if err := remote.Write(tag, img, append(opts, remote.WithContext(ctx))...); err != nil {
		return name.Digest{}, fmt.Errorf("push %s: %w", tag, err)
	}
	d, err := img.Digest()
	if err != nil {
		return name.Digest{}, err
	}
	return tag.Context().Digest(d.String()), nil
}

func isNotFound(err error) bool {
	var terr *transport.Error
	return errors.As(err, &terr) && terr.StatusCode == 404
}

// verifyImage checks that digest in repo has a cosign signature that
// verifier accepts and that names that digest. The error says which digest,
// which key, and what to do.
func verifyImage(ctx context.Context, repo name.Repository, digest v1.Hash, verifier signature.Verifier, keyName string, opts []remote.Option) error {
	ref := repo.Digest(digest.String())
	tag := sigTag(repo, digest, "sig")
	img, err := remote.Image(tag, append(opts, remote.WithContext(ctx))...)
	if isNotFound(err) {
		return fmt.Errorf("%s is not signed (no %s): deploy only what CI's image_push signed (IMAGE_SIGNING_KEY), or sign it: cosign sign --key KEY %s", ref, tag.TagStr(), ref)
	}
	if err != nil {
		return fmt.Errorf("read the signatures of %s: %w", ref, err)
	}
	m, err := img.Manifest()
	if err != nil {
		return fmt.Errorf("read %s: %w", tag, err)
	}
	layers, err := img.Layers()
	if err != nil {
		return fmt.Errorf("read %s: %w", tag, err)
	}
	checked := 0
	for i, desc := range m.Layers {
		if desc.MediaType != simpleSigningMediaType {
			continue
		}
		checked++
		sig, err := base64.StdEncoding.DecodeString(desc.Annotations[signatureAnnotation])
		if err != nil {
			continue
		}
		rc, err := layers[i].Uncompressed()
		if err != nil {
			return fmt.Errorf("read %s: %w", tag, err)
		}
		var body bytes.Buffer
		_, err = body.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("read %s: %w", tag, err)
		}
		if verifier.VerifySignature(bytes.NewReader(sig), bytes.NewReader(body.Bytes())) != nil {
			continue
		}
		var p payload.SimpleContainerImage
		if json.Unmarshal(body.Bytes(), &p) == nil && p.Critical.Image.DockerManifestDigest == digest.String() {
			return nil
		}
	}
	return fmt.Errorf("%s has %d signatures, none by %s: it was signed with another key; check --key (the public half of CI's IMAGE_SIGNING_KEY), and do not deploy it otherwise", ref, checked, keyName)
}

// keyID names a public key in messages: its SHA-256, short.
func keyID(pub crypto.PublicKey) string {
	skid, err := cryptoutils.SKID(pub)
	if err != nil {
		return "?"
	}
	return hex.EncodeToString(skid)[:16]
}
