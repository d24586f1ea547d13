package main

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// imageSpec is everything an image is made of. Two equal specs give images
// with equal digests: nothing is read from the clock or the environment.
type imageSpec struct {
	Binary     []byte            // the static executable, placed at /app/<Name>
	Name       string            // executable name
	OS, Arch   string            // platform, e.g. linux/amd64
	Variant    string            // CPU variant, e.g. v8 for arm64; optional
	UID, GID   int               // user the entrypoint runs as
	Labels     map[string]string // OCI config labels
	Env        []string          // KEY=VALUE, added to PATH-less defaults
	Base       []byte            // the base layer, an uncompressed tar (ocitool base)
	Created    time.Time         // the one timestamp used everywhere
	Annotation map[string]string // manifest annotations
}

// buildImage assembles a two-layer OCI image: the base layer (users, home,
// tmp, CA roots, data files) and an app layer with the binary.
func buildImage(s imageSpec) (v1.Image, error) {
	if len(s.Binary) == 0 {
		return nil, fmt.Errorf("image %q: no binary", s.Name)
	}
	if s.Name == "" || strings.ContainsAny(s.Name, "/ ") {
		return nil, fmt.Errorf("image: invalid executable name %q", s.Name)
	}
	if s.OS == "" || s.Arch == "" {
		return nil, fmt.Errorf("image %q: platform os/arch is required", s.Name)
	}
	if s.UID == 0 || s.GID == 0 {
		return nil, fmt.Errorf("image %q: refusing to run as root (uid %d, gid %d)", s.Name, s.UID, s.GID)
	}
	if len(s.Base) == 0 {
		return nil, fmt.Errorf("image %q: no base layer", s.Name)
	}
	app, err := buildTar([]entry{{Path: "/app/" + s.Name, Mode: 0o555, Data: s.Binary}}, s.Created)
	if err != nil {
		return nil, fmt.Errorf("image %q app layer: %w", s.Name, err)
	}

	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	for _, l := range []struct {
		why  string
		data []byte
	}{{"base: users, tmp, CA roots, data files", s.Base}, {"app: /app/" + s.Name, app}} {
		data := l.data
		layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}, tarball.WithMediaType(types.OCILayer))
		if err != nil {
			return nil, fmt.Errorf("image %q layer %q: %w", s.Name, l.why, err)
		}
		img, err = mutate.Append(img, mutate.Addendum{
			Layer:   layer,
			History: v1.History{CreatedBy: "ocitool: " + l.why, Created: v1.Time{Time: s.Created}},
		})
		if err != nil {
			return nil, fmt.Errorf("image %q: append layer: %w", s.Name, err)
		}
	}

	cf, err := img.ConfigFile()
	if err != nil {
		return nil, fmt.Errorf("image %q: config: %w", s.Name, err)
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture, cf.Variant = s.OS, s.Arch, s.Variant
	cf.Created = v1.Time{Time: s.Created}
	cf.Config.Entrypoint = []string{path.Join("/app", s.Name)}
	cf.Config.User = fmt.Sprintf("%d:%d", s.UID, s.GID)
	cf.Config.WorkingDir = "/home/nonroot"
	env := append([]string{"HOME=/home/nonroot"}, s.Env...)
	sort.Strings(env)
	cf.Config.Env = env
	cf.Config.Labels = s.Labels
	img, err = mutate.ConfigFile(img, cf)
	if err != nil {
		return nil, fmt.Errorf("image %q: set config: %w", s.Name, err)
	}
	if len(s.Annotation) > 0 {
		img = mutate.Annotations(img, s.Annotation).(v1.Image)
	}
	return img, nil
}
