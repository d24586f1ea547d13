package main

import (
	"bytes"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/json"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	"github.com/sigstore/sigstore/pkg/signature/dsse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyPair writes a cosign-style key pair (the private key encrypted with
// password) and returns the paths of the private and the public key.
func keyPair(t *testing.T, password string) (string, string) {
	t.Helper()
	priv, pub, err := cryptoutils.GeneratePEMEncodedECDSAKeyPair(elliptic.P256(), cryptoutils.StaticPasswordFunc([]byte(password)))
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cosign.key"), priv, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cosign.pub"), pub, 0o644))
	return filepath.Join(dir, "cosign.key"), filepath.Join(dir, "cosign.pub")
}

func TestPushSignsAndAttestsThenVerifyAcceptsOnlyThatKey(t *testing.T) {
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	repo := strings.TrimPrefix(srv.URL, "http://") + "/hello_world"
	dir, idx := writeIndexLayout(t)
	want, err := idx.Digest()
	require.NoError(t, err)
	sbom := filepath.Join(t.TempDir(), "sbom.spdx.json")
	require.NoError(t, os.WriteFile(sbom, []byte(`{"spdxVersion":"SPDX-2.3","name":"hello_world"}`), 0o644))
	key, pub := keyPair(t, "s3cret")
	t.Setenv("COSIGN_PASSWORD", "s3cret")

	var stdout bytes.Buffer
	require.NoError(t, run([]string{"push", "--image", dir, "--repository", repo, "--sbom", sbom, "--key", key}, &stdout))
	assert.Contains(t, stdout.String(), "signed "+repo+"@sha256:")
	assert.Contains(t, stdout.String(), "attested the SBOM "+repo+"@sha256:")
	assert.NotContains(t, stdout.String(), "unsigned")

	// The signature, where cosign looks for it: sha256-<hex>.sig, a simple-signing layer.
	sigImg, err := remote.Image(mustTag(t, repo+":sha256-"+want.Hex+".sig"))
	require.NoError(t, err)
	m, err := sigImg.Manifest()
	require.NoError(t, err)
	require.Len(t, m.Layers, 1)
	assert.Equal(t, simpleSigningMediaType, m.Layers[0].MediaType)
	assert.NotEmpty(t, m.Layers[0].Annotations[signatureAnnotation])

	// The attestation: a DSSE envelope over an in-toto statement of the SBOM for this digest.
	attImg, err := remote.Image(mustTag(t, repo+":sha256-"+want.Hex+".att"))
	require.NoError(t, err)
	am, err := attImg.Manifest()
	require.NoError(t, err)
	require.Len(t, am.Layers, 1)
	assert.Equal(t, dsseMediaType, am.Layers[0].MediaType)
	assert.Equal(t, SPDXPredicateType, am.Layers[0].Annotations[predicateAnnotation])
	layers, err := attImg.Layers()
	require.NoError(t, err)
	rc, err := layers[0].Uncompressed()
	require.NoError(t, err)
	envelope, err := io.ReadAll(rc)
	require.NoError(t, err)
	var env struct{ PayloadType, Payload string }
	require.NoError(t, json.Unmarshal(envelope, &env))
	assert.Equal(t, inTotoPayloadType, env.PayloadType)
	statement, err := base64.StdEncoding.DecodeString(env.Payload)
	require.NoError(t, err)
	var st inTotoStatement
	require.NoError(t, json.Unmarshal(statement, &st))
	assert.Equal(t, SPDXPredicateType, st.PredicateType)
	assert.Equal(t, want.Hex, st.Subject[0].Digest["sha256"])
	assert.JSONEq(t, `{"spdxVersion":"SPDX-2.3","name":"hello_world"}`, string(st.Predicate))
	verifier, err := loadVerifier(pub)
	require.NoError(t, err)
	assert.NoError(t, dsse.WrapVerifier(verifier).VerifySignature(bytes.NewReader(envelope), nil), "the envelope's signature is the key's")

	// Our verify step: this key passes; another key and an unsigned digest fail, saying why.
	stdout.Reset()
	require.NoError(t, run([]string{"verify", "--repository", repo, "--digest", want.String(), "--key", pub}, &stdout))
	assert.Contains(t, stdout.String(), "verified "+repo+"@"+want.String())

	_, otherPub := keyPair(t, "other")
	err = run([]string{"verify", "--repository", repo, "--digest", want.String(), "--key", otherPub}, &stdout)
	assert.ErrorContains(t, err, repo+"@"+want.String()+" has 1 signatures, none by "+otherPub)

	unsigned := "sha256:" + strings.Repeat("0", 64)
	err = run([]string{"verify", "--repository", repo, "--digest", unsigned, "--key", pub}, &stdout)
	assert.ErrorContains(t, err, repo+"@"+unsigned+" is not signed (no sha256-"+strings.Repeat("0", 64)+".sig)")

	// Signing again appends, as cosign does: the first signature stays valid.
	require.NoError(t, run([]string{"push", "--image", dir, "--repository", repo, "--key", key}, &stdout))
	sigImg, err = remote.Image(mustTag(t, repo+":sha256-"+want.Hex+".sig"))
	require.NoError(t, err)
	m, err = sigImg.Manifest()
	require.NoError(t, err)
	assert.Len(t, m.Layers, 2)
}

func TestPushWithoutKeySaysUnsigned(t *testing.T) {
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	repo := strings.TrimPrefix(srv.URL, "http://") + "/hello_world"
	dir, _ := writeIndexLayout(t)
	t.Setenv(SigningKeyEnv, "")
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"push", "--image", dir, "--repository", repo}, &stdout))
	assert.Contains(t, stdout.String(), "unsigned: no signing key (IMAGE_SIGNING_KEY or --key)")

	// The key from the environment, as CI's secret gives it.
	key, _ := keyPair(t, "pw")
	pemBytes, err := os.ReadFile(key)
	require.NoError(t, err)
	t.Setenv(SigningKeyEnv, string(pemBytes))
	t.Setenv("COSIGN_PASSWORD", "wrong")
	err = run([]string{"push", "--image", dir, "--repository", repo}, &stdout)
	assert.ErrorContains(t, err, "signing key:")
	assert.ErrorContains(t, err, "COSIGN_PASSWORD")
	assert.NotContains(t, err.Error(), string(pemBytes[40:80]), "the key never appears in a message")
	t.Setenv("COSIGN_PASSWORD", "pw")
	stdout.Reset()
	require.NoError(t, run([]string{"push", "--image", dir, "--repository", repo}, &stdout))
	assert.Contains(t, stdout.String(), "signed ")
}

func TestVerifyRefusesBadFlags(t *testing.T) {
	_, pub := keyPair(t, "pw")
	for args, want := range map[string]string{
		"--repository r.example/x --digest sha256:00 --key " + pub:             "--digest",
		"--repository r.example/x --digest sha256:" + hex64() + "":             "no --key",
		"--digest sha256:" + hex64() + " --key " + pub:                         "--repository and --digest",
		"--repository r.example/x --digest sha256:" + hex64() + " --key /nope": "--key: open /nope",
	} {
		err := run(append([]string{"verify"}, strings.Fields(args)...), &bytes.Buffer{})
		assert.ErrorContains(t, err, want, args)
	}
	_, err := loadSigner([]byte("not a key"), "")
	assert.ErrorContains(t, err, "a PEM private key")
}

func hex64() string { return strings.Repeat("ab", 32) }

func mustTag(t *testing.T, s string) name.Tag {
	t.Helper()
	tag, err := name.NewTag(s)
	require.NoError(t, err)
	return tag
}
