package main

import (
	"bytes"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bufbuild/protocompile"
	"github.com/bufbuild/protocompile/wellknownimports"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/prototext"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/descriptorpb"
)

// The oracle: with PROTOC set to a real protoc (Debian's protobuf-compiler,
// tools/ci/protoc_oracle.sh), every case also runs it and compares, and
// -update rewrites the goldens from it. Without PROTOC the goldens, recorded
// from that protoc, are the reference.
var update = flag.Bool("update", false, "rewrite testdata/golden from $PROTOC")

// wkts are the well-known types protocompile embeds, which this compiler
// falls back to as protoc falls back to its include directory.
var wkts = []string{"any", "api", "descriptor", "duration", "empty", "field_mask", "source_context",
	"struct", "timestamp", "type", "wrappers", "compiler/plugin"}

// wktDir writes the embedded well-known types into a directory, for the real
// protoc: both compilers then read the same sources.
func wktDir(t *testing.T) string {
	dir := t.TempDir()
	r := wellknownimports.WithStandardImports(protocompile.ResolverFunc(func(string) (protocompile.SearchResult, error) {
		return protocompile.SearchResult{}, fs.ErrNotExist
	}))
	for _, n := range wkts {
		name := "google/protobuf/" + n + ".proto"
		res, err := r.FindFileByPath(name)
		require.NoError(t, err, name)
		require.NotNil(t, res.Source, name)
		data, err := io.ReadAll(res.Source)
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return dir
}

// runOurs runs this compiler in-process.
func runOurs(args ...string) (code int, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, errb.String()
}

// runProtoc runs the real protoc, with the embedded well-known types on its path.
func runProtoc(t *testing.T, protoc, wkt string, args ...string) (code int, stderr string) {
	cmd := exec.Command(protoc, append([]string{"-I" + wkt}, args...)...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), errb.String()
	}
	require.NoError(t, err)
	return 0, errb.String()
}

func readSet(t *testing.T, path string) *descriptorpb.FileDescriptorSet {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var set descriptorpb.FileDescriptorSet
	require.NoError(t, proto.Unmarshal(data, &set))
	return &set
}

// isPseudoOption: a source location of a field's default or json_name. protoc
// records these differently (the value only; json_name twice), so they are
// left out of comparisons (README.md, "Where it differs from protoc").
func isPseudoOption(path []int32) bool {
	n := len(path)
	if n < 3 || n%2 == 0 || (path[n-1] != 7 && path[n-1] != 10) {
		return false
	}
	return n == 3 && path[0] == 7 || n >= 5 && (path[n-3] == 2 || path[n-3] == 6)
}

func normalize(files []*descriptorpb.FileDescriptorProto) {
	for _, f := range files {
		if f.SourceCodeInfo == nil {
			continue
		}
		var kept []*descriptorpb.SourceCodeInfo_Location
		for _, l := range f.SourceCodeInfo.Location {
			if !isPseudoOption(l.Path) {
				kept = append(kept, l)
			}
		}
		f.SourceCodeInfo.Location = kept
	}
}

func assertSameSet(t *testing.T, want, got *descriptorpb.FileDescriptorSet, what string) {
	want, got = proto.Clone(want).(*descriptorpb.FileDescriptorSet), proto.Clone(got).(*descriptorpb.FileDescriptorSet)
	normalize(want.File)
	normalize(got.File)
	var names []string
	for _, f := range got.File {
		names = append(names, f.GetName())
	}
	if !proto.Equal(want, got) {
		assert.Fail(t, what+": descriptor sets differ", "got files %v\n%s", names, firstDiff(want, got))
	}
}

// firstDiff shows where two sets first differ, in text form.
func firstDiff(want, got proto.Message) string {
	w := strings.Split(prototext.MarshalOptions{Multiline: true}.Format(want), "\n")
	g := strings.Split(prototext.MarshalOptions{Multiline: true}.Format(got), "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if strings.TrimSpace(w[i]) != strings.TrimSpace(g[i]) {
			lo := max(0, i-5)
			return "want:\n" + strings.Join(w[lo:min(len(w), i+5)], "\n") + "\ngot:\n" + strings.Join(g[lo:min(len(g), i+5)], "\n")
		}
	}
	return "one is a prefix of the other"
}

// The descriptor sets a protoc-compatible compiler must write.
var setCases = []struct{ name, args string }{
	{"types", "-Itestdata acme/types/v1/types.proto"},
	{"svc_imports", "-Itestdata --include_imports acme/svc/v1/svc.proto"},
	{"types_source_info", "-Itestdata --include_source_info acme/types/v1/types.proto"},
	{"legacy_source_info", "-Itestdata --include_source_info acme/legacy/v1/legacy.proto"},
	{"two_inputs", "-Itestdata acme/svc/v1/svc.proto acme/types/v1/types.proto"},
	// Bazel's proto_library maps every file on its own: -IVIRTUAL=DISK.
	{"types", "-Iacme/types/v1/types.proto=testdata/acme/types/v1/types.proto testdata/acme/types/v1/types.proto"},
}

func TestDescriptorSets(t *testing.T) {
	protoc := os.Getenv("PROTOC")
	var wkt string
	if protoc != "" {
		wkt = wktDir(t)
		t.Logf("oracle: %s", protoc)
	}
	for _, tc := range setCases {
		t.Run(tc.name, func(t *testing.T) {
			args := strings.Fields(tc.args)
			ours := filepath.Join(t.TempDir(), "ours.pb")
			code, stderr := runOurs(append([]string{"-o", ours}, args...)...)
			require.Equal(t, 0, code, stderr)
			golden := filepath.Join("testdata/golden", tc.name+".pb")
			if protoc != "" {
				theirs := filepath.Join(t.TempDir(), "protoc.pb")
				code, stderr := runProtoc(t, protoc, wkt, append([]string{"-o", theirs}, args...)...)
				require.Equal(t, 0, code, stderr)
				assertSameSet(t, readSet(t, theirs), readSet(t, ours), "protoc and ours")
				if *update {
					data, err := os.ReadFile(theirs)
					require.NoError(t, err)
					require.NoError(t, os.WriteFile(golden, data, 0o644))
				}
			}
			assertSameSet(t, readSet(t, golden), readSet(t, ours), "golden and ours")
		})
	}
}

// Bad input fails as protoc fails: exit 1, and the error at the same FILE:LINE:COL.
func TestErrors(t *testing.T) {
	protoc := os.Getenv("PROTOC")
	var wkt string
	if protoc != "" {
		wkt = wktDir(t)
	}
	out := filepath.Join(t.TempDir(), "x.pb")
	for _, tc := range []struct {
		name, args string
		want       string // the start of our stderr
		protocWant string // the start of protoc's, where it differs
	}{
		{"syntax", "-Itestdata bad/syntax.proto", "bad/syntax.proto:5:1: syntax error: expecting ';'", "bad/syntax.proto:5:1: "},
		{"unknown type", "-Itestdata bad/unknown_type.proto", "bad/unknown_type.proto:4:3: field bad.X.u: unknown type Unknown", "bad/unknown_type.proto:4:3: "},
		// protoc points at the import statement, protocompile at the file name in it.
		{"missing import", "-Itestdata bad/missing_import.proto", "bad/missing_import.proto:3:8: could not resolve path \"acme/nope.proto\"", "acme/nope.proto: File not found."},
		{"no such input", "-Itestdata nope.proto", "Could not make proto path relative: nope.proto: No such file or directory", ""},
		{"outside the proto path", "-Itestdata/acme/svc testdata/acme/types/v1/types.proto", "testdata/acme/types/v1/types.proto: File does not reside within any path specified using --proto_path (or -I).", ""},
		{"direct dependencies", "-Itestdata --direct_dependencies=google/protobuf/empty.proto acme/svc/v1/svc.proto",
			"acme/svc/v1/svc.proto: File is imported but not declared in --direct_dependencies: acme/types/v1/types.proto", ""},
		{"direct dependencies, Bazel's message", "-Itestdata --direct_dependencies=acme/types/v1/types.proto --direct_dependencies_violation_msg=%s_is_imported,_but_//x:y_does_not_depend_on_it acme/svc/v1/svc.proto",
			"acme/svc/v1/svc.proto: google/protobuf/empty.proto_is_imported,_but_//x:y_does_not_depend_on_it", ""},
		{"unknown flag", "--bogus acme/svc/v1/svc.proto", "Unknown flag: --bogus", ""},
		{"no plugin", "-Itestdata --nope_out=. acme/svc/v1/svc.proto", "--nope_out: protoc-gen-nope: program not found", "protoc-gen-nope: program not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"-o", out}, strings.Fields(tc.args)...)
			code, stderr := runOurs(args...)
			assert.Equal(t, 1, code)
			assert.True(t, strings.HasPrefix(stderr, tc.want), "stderr: %s\nwant a start of: %s", stderr, tc.want)
			if protoc != "" {
				code, stderr := runProtoc(t, protoc, wkt, args...)
				assert.Equal(t, 1, code, "protoc's exit code")
				want := tc.protocWant
				if want == "" {
					want = tc.want
				}
				assert.True(t, strings.HasPrefix(stderr, want), "protoc's stderr: %s\nwant a start of: %s", stderr, want)
			}
		})
	}
}

func TestParamsFileAndVersion(t *testing.T) {
	dir := t.TempDir()
	params := filepath.Join(dir, "args.params")
	out := filepath.Join(dir, "x.pb")
	require.NoError(t, os.WriteFile(params, []byte("-Itestdata\n--descriptor_set_out="+out+"\nacme/types/v1/types.proto\n"), 0o644))
	code, stderr := runOurs("@" + params)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "acme/types/v1/types.proto", readSet(t, out).File[0].GetName())

	var stdout bytes.Buffer
	assert.Equal(t, 0, run([]string{"--version"}, &stdout, io.Discard))
	assert.Equal(t, version+"\n", stdout.String())
}
