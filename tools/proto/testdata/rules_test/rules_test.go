// Package rulestest checks the proto rules' outputs on Bazel 4.2.3 (BUILD.bazel).
package rulestest

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
)

// The arguments: -descriptor_set=FILE, then echo_go_proto's generated sources.
var descriptorSet = flag.String("descriptor_set", "", "echo_proto's descriptor set")

// root is the workspace's runfiles directory, which rootpaths are relative to.
func root(p string) string {
	return filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"), p)
}

func TestProtoLibraryDescriptorSet(t *testing.T) {
	if *descriptorSet == "" {
		t.Fatal("run me with bazel test //tools/proto/testdata/rules_test (it reads Bazel's outputs)")
	}
	data, err := os.ReadFile(root(*descriptorSet))
	require.NoError(t, err)
	var set descriptorpb.FileDescriptorSet
	require.NoError(t, proto.Unmarshal(data, &set))
	require.Len(t, set.File, 1, "proto_library's own descriptor set holds its sources only")
	f := set.File[0]
	assert.Equal(t, "tools/proto/testdata/rules_test/echo.proto", f.GetName())
	assert.Equal(t, []string{"google/protobuf/timestamp.proto"}, f.Dependency)
	assert.Equal(t, "Echo", f.Service[0].GetName())
	assert.Equal(t, ".rulestest.v1.EchoReply", f.Service[0].Method[0].GetOutputType())
}

func TestGoProtoLibrarySources(t *testing.T) {
	if flag.NArg() == 0 {
		t.Fatal("run me with bazel test //tools/proto/testdata/rules_test (it reads Bazel's outputs)")
	}
	got := map[string]string{}
	for _, p := range flag.Args() {
		data, err := os.ReadFile(root(p))
		require.NoError(t, err)
		got[filepath.Base(p)] = string(data)
	}
	require.Contains(t, got, "echo.pb.go")
	require.Contains(t, got, "echo_grpc.pb.go")
	assert.Contains(t, got["echo.pb.go"], "type EchoReply struct")
	assert.Contains(t, got["echo.pb.go"], `timestamppb "google.golang.org/protobuf/types/known/timestamppb"`)
	assert.Contains(t, got["echo_grpc.pb.go"], "type EchoServer interface")
}
