package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bin holds the generators for every test: -tool's under bazel test, built by
// the go command under go test.
var bin string

func TestMain(m *testing.M) {
	flag.Parse()
	root, _ := workspaceRoot() // only to build what -tool does not give (go test)
	var cleanup func()
	var err error
	bin, cleanup, err = buildTools(root, tools)
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	code := m.Run()
	cleanup()
	os.Exit(code)
}

func write(t *testing.T, dir, name, content string) {
	require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
}

const apiProto = `syntax = "proto3";
package api.v1;
import "google/protobuf/timestamp.proto";
option go_package = "example.com/scratch/libs/api";
service Clock { rpc Now(NowRequest) returns (NowReply); }
message NowRequest {}
message NowReply { google.protobuf.Timestamp at = 1; }
`

// scratch is a tree that is no git checkout, with a Bazel convenience symlink
// to a directory, which the walk must pass over.
func scratch(t *testing.T) string {
	dir := t.TempDir()
	write(t, dir, "go.mod", "module example.com/scratch\n\ngo 1.24\n")
	require.NoError(t, os.Symlink(t.TempDir(), filepath.Join(dir, "bazel-bin")))
	return dir
}

func TestProtos(t *testing.T) {
	dir := scratch(t)
	write(t, dir, "libs/api/api.proto", apiProto)
	changed, err := run(dir, bin, false)
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/api/api.pb.go", "libs/api/api_grpc.pb.go"}, changed)
	pb, err := os.ReadFile(filepath.Join(dir, "libs/api/api.pb.go"))
	require.NoError(t, err)
	assert.Contains(t, string(pb), "// source: libs/api/api.proto", "compiled from the root, as proto_library does")
	assert.Contains(t, string(pb), "package api\n")

	changed, err = run(dir, bin, false)
	require.NoError(t, err)
	assert.Empty(t, changed, "a second run changes nothing")

	write(t, dir, "libs/api/api.proto", strings.Replace(apiProto, "message NowRequest {}", "message NowRequest { string zone = 1; }", 1))
	changed, err = run(dir, bin, true)
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/api/api.pb.go"}, changed, "-check names the stale file")
	again, err := os.ReadFile(filepath.Join(dir, "libs/api/api.pb.go"))
	require.NoError(t, err)
	assert.Equal(t, pb, again, "-check writes nothing into the tree")

	require.NoError(t, os.Remove(filepath.Join(dir, "libs/api/api.proto")))
	changed, err = run(dir, bin, false)
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/api/api.pb.go", "libs/api/api_grpc.pb.go"}, changed, "a removed .proto takes its generated files along")
	assert.NoFileExists(t, filepath.Join(dir, "libs/api/api.pb.go"))
}

func TestProtoGoPackageMustBeTheDirectory(t *testing.T) {
	dir := scratch(t)
	write(t, dir, "libs/api/api.proto", strings.Replace(apiProto, "example.com/scratch/libs/api", "example.com/elsewhere/api", 1))
	_, err := run(dir, bin, false)
	assert.ErrorContains(t, err, `libs/api/api.proto: want option go_package = "example.com/scratch/libs/api";`)
}

func TestMockgen(t *testing.T) {
	dir := scratch(t)
	// "//go:" + "generate": a directive at the start of a line here would be this file's own.
	write(t, dir, "libs/store/store.go", `package store

//go:`+`generate mockgen -source=store.go -destination=mock_store_test.go -package=store -write_source_comment=false

// Store keeps values.
type Store interface {
	Get(key string) (string, error)
}
`)
	changed, err := run(dir, bin, false)
	require.NoError(t, err)
	assert.Equal(t, []string{"libs/store/mock_store_test.go"}, changed)
	mock, err := os.ReadFile(filepath.Join(dir, "libs/store/mock_store_test.go"))
	require.NoError(t, err)
	assert.Contains(t, string(mock), "type MockStore struct")
	assert.NotContains(t, string(mock), dir, "no paths of this machine in generated code")
}

func TestOnlyPinnedGenerators(t *testing.T) {
	dir := scratch(t)
	write(t, dir, "libs/x/x.go", "package x\n\n//go:"+"generate stringer -type=Color\n")
	_, err := run(dir, bin, false)
	assert.ErrorContains(t, err, "libs/x/x.go:3: //go:generate stringer: not one of the pinned generators")
}
