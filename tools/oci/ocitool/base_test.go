package main

import (
	"archive/tar"
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readTar returns the headers and contents of a tar, in order.
func readTar(t *testing.T, data []byte) ([]*tar.Header, map[string][]byte) {
	t.Helper()
	var hdrs []*tar.Header
	contents := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return hdrs, contents
		}
		require.NoError(t, err)
		b, err := io.ReadAll(tr)
		require.NoError(t, err)
		hdrs = append(hdrs, hdr)
		contents[hdr.Name] = b
	}
}

func TestBaseCommandWritesUsersCARootsAndFiles(t *testing.T) {
	dir := t.TempDir()
	zone := filepath.Join(dir, "zoneinfo.zip")
	require.NoError(t, os.WriteFile(zone, []byte("zones"), 0o600))
	out := filepath.Join(dir, "base.tar")
	args := []string{"base", "--uid", "65532", "--gid", "65532", "--ca_certs", "/etc/ssl/certs/ca-certificates.crt",
		"--file", "/usr/share/zoneinfo.zip=" + zone, "--out", out}
	require.NoError(t, run(args, io.Discard))
	data, err := os.ReadFile(out)
	require.NoError(t, err)

	hdrs, contents := readTar(t, data)
	var names []string
	for _, h := range hdrs {
		names = append(names, h.Name)
		assert.Zero(t, h.ModTime.Unix(), h.Name)
	}
	assert.IsIncreasing(t, names, "entries sorted")
	assert.Contains(t, string(contents["etc/passwd"]), "nonroot:x:65532:65532:")
	assert.Equal(t, "zones", string(contents["usr/share/zoneinfo.zip"]))

	pool := x509.NewCertPool()
	require.True(t, pool.AppendCertsFromPEM(contents["etc/ssl/certs/ca-certificates.crt"]))
	_, n := caRootsPEM()
	assert.Greater(t, n, 100, "the NSS bundle holds well over 100 roots")
	var parsed int
	for rest := contents["etc/ssl/certs/ca-certificates.crt"]; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		_, err := x509.ParseCertificate(b.Bytes)
		require.NoError(t, err)
		parsed++
	}
	assert.Equal(t, n, parsed, "every root in the file parses")

	again := filepath.Join(dir, "again.tar")
	require.NoError(t, run(append(args[:len(args)-1], again), io.Discard))
	data2, err := os.ReadFile(again)
	require.NoError(t, err)
	assert.Equal(t, data, data2, "same flags, same bytes")
}

func TestBaseRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "base.tar")
	assert.ErrorContains(t, run([]string{"base", "--uid", "0", "--out", out}, io.Discard), "refusing a root user")
	assert.ErrorContains(t, run([]string{"base", "--file", "/etc/passwd=" + out, "--out", out}, io.Discard), "no such file")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x"), nil, 0o600))
	assert.ErrorContains(t, run([]string{"base", "--file", "/etc/passwd=" + filepath.Join(dir, "x"), "--out", out}, io.Discard), "listed twice")
	assert.ErrorContains(t, run([]string{"base", "--file", "etc/x=" + filepath.Join(dir, "x"), "--out", out}, io.Discard), "clean absolute path")
	assert.NoFileExists(t, out, "nothing written on bad input")
}
