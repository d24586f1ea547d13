package main

import (
	"archive/zip"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckELF(t *testing.T) {
	self, err := os.ReadFile("/proc/self/exe")
	require.NoError(t, err)
	// The test binary itself is an ELF for this machine; arm64 must be refused.
	assert.ErrorContains(t, checkELF(self, "arm64"), "image says arm64")
	assert.ErrorContains(t, checkELF([]byte("#!/bin/sh\necho hi\n"), "amd64"), "not an ELF binary")
	assert.ErrorContains(t, checkELF(self, "riscv64"), "no known ELF machine")
}

func TestCheckRejectsImageWithoutEntrypointBinary(t *testing.T) {
	img, err := random.Image(64, 1)
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "layout")
	lp, err := layout.Write(dir, empty.Index)
	require.NoError(t, err)
	require.NoError(t, lp.AppendImage(img))

	err = check(dir, []byte("binary"), "65532:65532")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `runs as ""`)
}

func TestCheckRejectsMissingLayout(t *testing.T) {
	err := check(filepath.Join(t.TempDir(), "nope"), nil, "65532:65532")
	assert.ErrorContains(t, err, "open OCI layout")
}

func TestCheckDataWantsCARootsAndTimeZones(t *testing.T) {
	files := map[string][]byte{
		"etc/ssl/certs/ca-certificates.crt": testRootPEM(t),
		"usr/share/zoneinfo.zip":            testZip(t, "Europe/Berlin"),
	}
	env := []string{"ZONEINFO=/usr/share/zoneinfo.zip"}
	require.NoError(t, checkData(files, env))

	assert.ErrorContains(t, checkData(files, nil), "ZONEINFO is not set")
	assert.ErrorContains(t, checkData(files, []string{"ZONEINFO=/nope.zip"}), "not a zoneinfo zip")
	files["usr/share/zoneinfo.zip"] = testZip(t, "UTC")
	assert.ErrorContains(t, checkData(files, env), "has no Europe/Berlin")
	files["usr/share/zoneinfo.zip"] = testZip(t, "Europe/Berlin")
	assert.ErrorContains(t, checkData(files, append(env, "SSL_CERT_FILE=/other.pem")), "no CA roots at /other.pem")
	delete(files, "etc/ssl/certs/ca-certificates.crt")
	assert.ErrorContains(t, checkData(files, env), "no CA roots at /etc/ssl/certs/ca-certificates.crt")
}

// testZip makes a zip holding one empty file per name.
func testZip(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		_, err := zw.Create(n)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// testRootPEM makes a self-signed CA certificate, PEM-encoded.
func testRootPEM(t *testing.T) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test root"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}
