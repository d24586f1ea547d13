package main

import (
	"archive/tar"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testBase is a base layer as `ocitool base` writes it, without CA roots.
func testBase() []byte {
	entries, err := baseEntries(baseSpec{UID: 65532, GID: 65532})
	if err != nil {
		panic(err)
	}
	data, err := buildTar(entries, time.Unix(0, 0).UTC())
	if err != nil {
		panic(err)
	}
	return data
}

func spec() imageSpec {
	return imageSpec{
		Binary: []byte("\x7fELF fake binary"), Base: testBase(), Name: "hello", OS: "linux", Arch: "amd64",
		UID: 65532, GID: 65532, Created: time.Unix(0, 0).UTC(),
		Labels: map[string]string{"org.opencontainers.image.version": "dev"},
	}
}

func TestBuildImageIsReproducible(t *testing.T) {
	a, err := buildImage(spec())
	require.NoError(t, err)
	b, err := buildImage(spec())
	require.NoError(t, err)
	da, err := a.Digest()
	require.NoError(t, err)
	db, err := b.Digest()
	require.NoError(t, err)
	assert.Equal(t, da, db, "same inputs, same digest")

	other := spec()
	other.Binary = []byte("\x7fELF another binary")
	c, err := buildImage(other)
	require.NoError(t, err)
	dc, err := c.Digest()
	require.NoError(t, err)
	assert.NotEqual(t, da, dc, "a different binary must change the digest")
}

func TestBuildImageRunsAsNonRootWithoutShell(t *testing.T) {
	img, err := buildImage(spec())
	require.NoError(t, err)
	cf, err := img.ConfigFile()
	require.NoError(t, err)
	assert.Equal(t, "65532:65532", cf.Config.User)
	assert.Equal(t, []string{"/app/hello"}, cf.Config.Entrypoint)
	assert.Equal(t, "linux", cf.OS)
	assert.Equal(t, "amd64", cf.Architecture)
	assert.Equal(t, "dev", cf.Config.Labels["org.opencontainers.image.version"])
	assert.True(t, cf.Created.Time.Equal(time.Unix(0, 0)))

	layers, err := img.Layers()
	require.NoError(t, err)
	require.Len(t, layers, 2)
	files := map[string]*tar.Header{}
	contents := map[string]string{}
	for _, l := range layers {
		rc, err := l.Uncompressed()
		require.NoError(t, err)
		tr := tar.NewReader(rc)
		prev := ""
		for {
			hdr, err := tr.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			assert.Greater(t, hdr.Name, prev, "entries sorted")
			prev = hdr.Name
			assert.Zero(t, hdr.Uid, hdr.Name)
			assert.Zero(t, hdr.Gid, hdr.Name)
			assert.Empty(t, hdr.Uname, hdr.Name)
			assert.True(t, hdr.ModTime.Equal(time.Unix(0, 0)), "%s mtime %v", hdr.Name, hdr.ModTime)
			data, err := io.ReadAll(tr)
			require.NoError(t, err)
			files[hdr.Name] = hdr
			contents[hdr.Name] = string(data)
		}
		require.NoError(t, rc.Close())
	}
	for name := range files {
		assert.NotContains(t, []string{"bin/sh", "bin/bash", "bin/busybox"}, strings.TrimSuffix(name, "/"), "no shell")
	}
	require.Contains(t, files, "app/hello")
	assert.Equal(t, int64(0o555), files["app/hello"].Mode)
	assert.Equal(t, "\x7fELF fake binary", contents["app/hello"])
	assert.Contains(t, contents["etc/passwd"], "nonroot:x:65532:65532:")
	assert.Contains(t, contents["etc/group"], "nonroot:x:65532:")
	assert.Equal(t, int64(0o1777), files["tmp/"].Mode)
}

func TestBuildImageRejectsBadSpecs(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(*imageSpec)
		wantErr string
	}{
		{"no binary", func(s *imageSpec) { s.Binary = nil }, "no binary"},
		{"root user", func(s *imageSpec) { s.UID = 0 }, "refusing to run as root"},
		{"no platform", func(s *imageSpec) { s.Arch = "" }, "platform os/arch is required"},
		{"bad name", func(s *imageSpec) { s.Name = "a/b" }, "invalid executable name"},
		{"no base", func(s *imageSpec) { s.Base = nil }, "no base layer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := spec()
			tc.mutate(&s)
			_, err := buildImage(s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
}
