package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os/exec"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
)

// check runs launcher with --repository on a fresh in-process registry and
// returns the REPOSITORY@DIGEST it printed, after checking that the registry
// serves the index of the OCI layout indexDir under that digest and tag, and,
// unless sbom is "", that the SBOM file refers to it (checkSBOM).
func check(launcher, indexDir, tag, sbom string) (string, error) {
	want, err := layoutDigest(indexDir)
	if err != nil {
		return "", err
	}
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	repo := strings.TrimPrefix(srv.URL, "http://") + "/pushcheck"

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(launcher, "--repository", repo)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("push to %s: %w\n%s", repo, err, stderr.String())
	}
	wantRef := repo + "@" + want
	if !strings.Contains(stdout.String(), wantRef+"\n") {
		return "", fmt.Errorf("want %s in its output, got:\n%s", wantRef, stdout.String())
	}
	for _, r := range []string{wantRef, repo + ":" + tag} {
		got, err := remoteDigest(r)
		if err != nil {
			return "", err
		}
		if got != want {
			return "", fmt.Errorf("the registry serves %s as %s, the build made %s", r, got, want)
		}
	}
	if sbom != "" {
		if _, err := checkSBOM(wantRef, sbom); err != nil {
			return "", err
		}
	}
	return wantRef, nil
}

// layoutDigest is the digest of the one index in an OCI layout, as
// oci_image_index writes it.
func layoutDigest(dir string) (string, error) {
	p, err := layout.FromPath(dir)
	if err != nil {
		return "", fmt.Errorf("read layout %s: %w", dir, err)
	}
	top, err := p.ImageIndex()
	if err != nil {
		return "", fmt.Errorf("read layout %s: %w", dir, err)
	}
	m, err := top.IndexManifest()
	if err != nil {
		return "", fmt.Errorf("read layout %s: %w", dir, err)
	}
	if len(m.Manifests) != 1 {
		return "", fmt.Errorf("layout %s holds %d manifests, want 1", dir, len(m.Manifests))
	}
	return m.Manifests[0].Digest.String(), nil
}

// remoteDigest is the digest the registry answers for ref.
func remoteDigest(ref string) (string, error) {
	r, err := name.ParseReference(ref, name.Insecure)
	if err != nil {
		return "", fmt.Errorf("parse %s: %w", ref, err)
	}
	d, err := remote.Head(r)
	if err != nil {
		return "", fmt.Errorf("HEAD %s: %w", ref, err)
	}
	return d.Digest.String(), nil
}
