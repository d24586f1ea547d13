package main

import (
	"os"
	"path/filepath"
	"testing"

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
