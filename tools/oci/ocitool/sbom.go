package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// SPDXMediaType is the SBOM artifact's artifactType and its one layer's media type.
const SPDXMediaType types.MediaType = "application/spdx+json"

// emptyMediaType is OCI 1.1's empty descriptor, the config of an artifact with no config.
const emptyMediaType types.MediaType = "application/vnd.oci.empty.v1+json"

// rawManifest is a manifest we wrote ourselves, for remote.Put.
type rawManifest struct {
	raw       []byte
	mediaType types.MediaType
}

func (m rawManifest) RawManifest() ([]byte, error)        { return m.raw, nil }
func (m rawManifest) MediaType() (types.MediaType, error) { return m.mediaType, nil }

// sbomManifest returns the OCI 1.1 artifact manifest that carries sbom and
// refers to subject, and the blobs it names (config, then the SBOM).
func sbomManifest(sbom []byte, subject v1.Descriptor) ([]byte, []v1.Layer, error) {
	config := static.NewLayer([]byte("{}"), emptyMediaType)
	layer := static.NewLayer(sbom, SPDXMediaType)
	var descs []v1.Descriptor
	for _, l := range []v1.Layer{config, layer} {
		d, err := l.Digest()
		if err != nil {
			return nil, nil, err
		}
		size, err := l.Size()
		if err != nil {
			return nil, nil, err
		}
		mt, err := l.MediaType()
		if err != nil {
			return nil, nil, err
		}
		descs = append(descs, v1.Descriptor{MediaType: mt, Size: size, Digest: d})
	}
	descs[1].Annotations = map[string]string{"org.opencontainers.image.title": "sbom.spdx.json"}
	raw, err := json.Marshal(v1.Manifest{
		SchemaVersion: 2,
		MediaType:     types.OCIManifestSchema1,
		ArtifactType:  string(SPDXMediaType),
		Config:        descs[0],
		Layers:        descs[1:],
		Subject:       &subject,
	})
	return raw, []v1.Layer{config, layer}, err
}

// pushSBOM uploads sbom as an artifact whose subject is the pushed image or
// index. go-containerregistry records it the way the registry can: through
// the referrers API, or else in the index under the fallback tag
// sha256-<hex> (Debian's docker-registry 2.8 has no referrers API).
func pushSBOM(ctx context.Context, repo name.Repository, sbom []byte, subject remote.Taggable, opts []remote.Option) (name.Digest, error) {
	raw, err := subject.RawManifest()
	if err != nil {
		return name.Digest{}, err
	}
	var mt struct {
		MediaType types.MediaType `json:"mediaType"`
	}
	if err := json.Unmarshal(raw, &mt); err != nil {
		return name.Digest{}, fmt.Errorf("subject manifest: %w", err)
	}
	h, size, err := v1.SHA256(bytes.NewReader(raw))
	if err != nil {
		return name.Digest{}, err
	}
	manifest, blobs, err := sbomManifest(sbom, v1.Descriptor{MediaType: mt.MediaType, Size: size, Digest: h})
	if err != nil {
		return name.Digest{}, err
	}
	for _, b := range blobs {
		if err := remote.WriteLayer(repo, b, opts...); err != nil {
			return name.Digest{}, fmt.Errorf("upload SBOM blob: %w", err)
		}
	}
	d, _, err := v1.SHA256(bytes.NewReader(manifest))
	if err != nil {
		return name.Digest{}, err
	}
	ref := repo.Digest(d.String())
	if err := remote.Put(ref, rawManifest{manifest, types.OCIManifestSchema1}, append(opts, remote.WithContext(ctx))...); err != nil {
		return name.Digest{}, fmt.Errorf("push SBOM manifest: %w", err)
	}
	return ref, nil
}
