package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/pluginpb"
)

// TestMain makes the test binary a protoc plugin when FAKE_PLUGIN_DUMP is
// set: it saves the CodeGeneratorRequest there and answers with one file,
// NAME.txt for the first file to generate, in two chunks.
func TestMain(m *testing.M) {
	if dump := os.Getenv("FAKE_PLUGIN_DUMP"); dump != "" {
		os.Exit(fakePlugin(dump))
	}
	os.Exit(m.Run())
}

func fakePlugin(dump string) int {
	in, err := io.ReadAll(os.Stdin)
	if err == nil {
		err = os.WriteFile(dump, in, 0o644)
	}
	var req pluginpb.CodeGeneratorRequest
	if err == nil {
		err = proto.Unmarshal(in, &req)
	}
	if err != nil {
		os.Stderr.WriteString(err.Error())
		return 2
	}
	features, _ := strconv.ParseUint(os.Getenv("FAKE_PLUGIN_FEATURES"), 10, 64)
	resp := &pluginpb.CodeGeneratorResponse{SupportedFeatures: proto.Uint64(features)}
	if msg := os.Getenv("FAKE_PLUGIN_ERROR"); msg != "" {
		resp.Error = proto.String(msg)
	} else {
		resp.File = []*pluginpb.CodeGeneratorResponse_File{
			{Name: proto.String(req.FileToGenerate[0] + ".txt"), Content: proto.String("param=" + req.GetParameter() + "\n")},
			{Content: proto.String("files=" + strings.Join(req.FileToGenerate, ",") + "\n")},
		}
	}
	out, _ := proto.Marshal(resp)
	os.Stdout.Write(out)
	return 0
}

// plugin runs a compiler with the fake plugin and returns its exit code,
// stderr, the request the plugin got and the output directory.
func plugin(t *testing.T, compiler func(args ...string) (int, string), env map[string]string, args ...string) (int, string, *pluginpb.CodeGeneratorRequest, string) {
	self, err := os.Executable()
	require.NoError(t, err)
	dir := t.TempDir()
	dump := filepath.Join(dir, "request.pb")
	t.Setenv("FAKE_PLUGIN_DUMP", dump)
	t.Setenv("FAKE_PLUGIN_FEATURES", "1") // FEATURE_PROTO3_OPTIONAL
	for k, v := range env {
		t.Setenv(k, v)
	}
	out := filepath.Join(dir, "out")
	require.NoError(t, os.Mkdir(out, 0o755))
	args = append([]string{"--plugin=protoc-gen-fake=" + self, "--fake_out=a:" + out, "--fake_opt=b", "--fake_opt=c"}, args...)
	code, stderr := compiler(args...)
	var req pluginpb.CodeGeneratorRequest
	if data, err := os.ReadFile(dump); err == nil {
		require.NoError(t, proto.Unmarshal(data, &req))
	}
	return code, stderr, &req, out
}

func TestPluginRequest(t *testing.T) {
	code, stderr, req, out := plugin(t, runOurs, nil, "-Itestdata", "acme/svc/v1/svc.proto")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, []string{"acme/svc/v1/svc.proto"}, req.FileToGenerate)
	assert.Equal(t, "a,b,c", req.GetParameter())
	var names []string
	for _, f := range req.ProtoFile {
		names = append(names, f.GetName())
	}
	// Every file needed, imports before the files that import them.
	assert.Equal(t, []string{
		"google/protobuf/any.proto", "google/protobuf/duration.proto", "google/protobuf/empty.proto",
		"google/protobuf/field_mask.proto", "google/protobuf/struct.proto", "google/protobuf/timestamp.proto",
		"google/protobuf/wrappers.proto", "acme/types/v1/types.proto", "acme/svc/v1/svc.proto",
	}, names)
	svc := req.ProtoFile[len(req.ProtoFile)-1]
	assert.NotEmpty(t, svc.GetSourceCodeInfo().GetLocation(), "plugins get comments")
	assert.Equal(t, "id", svc.MessageType[0].Field[0].GetJsonName())
	generated, err := os.ReadFile(filepath.Join(out, "acme/svc/v1/svc.proto.txt"))
	require.NoError(t, err)
	assert.Equal(t, "param=a,b,c\nfiles=acme/svc/v1/svc.proto\n", string(generated))

	if protoc := os.Getenv("PROTOC"); protoc != "" {
		wkt := wktDir(t)
		code, stderr, theirs, out := plugin(t, func(args ...string) (int, string) { return runProtoc(t, protoc, wkt, args...) }, nil, "-Itestdata", "acme/svc/v1/svc.proto")
		require.Equal(t, 0, code, stderr)
		theirs.CompilerVersion = nil // protoc says which it is; this compiler does not
		normalize(theirs.ProtoFile)
		normalize(req.ProtoFile)
		assert.True(t, proto.Equal(theirs, req), "the plugin requests of protoc and ours differ:\n%s", firstDiff(theirs, req))
		fromProtoc, err := os.ReadFile(filepath.Join(out, "acme/svc/v1/svc.proto.txt"))
		require.NoError(t, err)
		assert.Equal(t, string(fromProtoc), string(generated))
	}
}

func TestPluginFailures(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		file string
		want string
	}{
		{"the plugin's error", map[string]string{"FAKE_PLUGIN_ERROR": "boom"}, "acme/svc/v1/svc.proto", "--fake_out: boom"},
		{"proto3 optional unsupported", map[string]string{"FAKE_PLUGIN_FEATURES": "0"}, "acme/types/v1/types.proto",
			"acme/types/v1/types.proto: is a proto3 file that contains optional fields, but code generator "},
		{"the plugin crashes", map[string]string{"FAKE_PLUGIN_DUMP": "/nonexistent/dir/x"}, "acme/svc/v1/svc.proto", "--fake_out: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stderr, _, _ := plugin(t, runOurs, tc.env, "-Itestdata", tc.file)
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr, tc.want)
			if protoc := os.Getenv("PROTOC"); protoc != "" {
				wkt := wktDir(t)
				code, stderr, _, _ := plugin(t, func(args ...string) (int, string) { return runProtoc(t, protoc, wkt, args...) }, tc.env, "-Itestdata", tc.file)
				assert.Equal(t, 1, code, "protoc's exit code")
				assert.Contains(t, stderr, tc.want, "protoc's stderr")
			}
		})
	}
}

// descriptor_set_in: rules_go's proto compiler gives protoc its dependencies
// as descriptor sets and the files to generate by name.
func TestDescriptorSetIn(t *testing.T) {
	set := filepath.Join(t.TempDir(), "deps.pb")
	code, stderr := runOurs("-Itestdata", "--include_imports", "-o", set, "acme/svc/v1/svc.proto")
	require.Equal(t, 0, code, stderr)
	code, stderr, req, _ := plugin(t, runOurs, nil, "--descriptor_set_in="+set, "acme/svc/v1/svc.proto")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, []string{"acme/svc/v1/svc.proto"}, req.FileToGenerate)
	assert.Len(t, req.ProtoFile, 9)
	var svc *descriptorpb.FileDescriptorProto
	for _, f := range req.ProtoFile {
		if f.GetName() == "acme/svc/v1/svc.proto" {
			svc = f
		}
	}
	require.NotNil(t, svc)
	assert.Equal(t, "OrderService", svc.Service[0].GetName())
}
