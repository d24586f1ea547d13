// Command protoc is a protobuf compiler with protoc's command line, built
// from go.sum like any Go tool: github.com/bufbuild/protocompile (the
// compiler inside buf) parses and links, and this command does what protoc's
// own front end does around it. Bazel's proto_library runs it as
// --proto_compiler and rules_go's proto compilers run it with their plugins,
// so no C++ protoc is built or downloaded.
//
//	protoc [-IPATH | -IVIRTUAL=PATH]... [--descriptor_set_in=FILES]
//	       [-o FILE | --descriptor_set_out=FILE] [--include_imports] [--include_source_info]
//	       [--plugin=[protoc-gen-NAME=]PATH]... [--NAME_out=[PARAMS:]DIR [--NAME_opt=PARAMS]]...
//	       [--direct_dependencies=A.proto:B.proto [--direct_dependencies_violation_msg=MSG]]
//	       [@PARAMS_FILE]... FILE.proto...
//
// Errors go to stderr as FILE:LINE:COL: message, and the exit code is 1, as
// with protoc. Not implemented: protoc's built-in generators (--cpp_out, ...:
// use plugins), --encode/--decode, insertion points, zip outputs.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"google.golang.org/protobuf/reflect/protoreflect"
)

// version is what --version prints: the protoc release whose behaviour this follows.
const version = "libprotoc 3.21.12 (protocompile)"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if err := protoc(args, stdout, stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(stderr, err)
		}
		return 1
	}
	return 0
}

func protoc(args []string, stdout, stderr io.Writer) error {
	o, err := parseArgs(args)
	if err != nil {
		return err
	}
	if o.version {
		fmt.Fprintln(stdout, version)
		return nil
	}
	if o.help {
		fmt.Fprintln(stdout, "Usage: protoc [OPTION] PROTO_FILES (see tools/proto/protoc/main.go)")
		return nil
	}
	tree := sourceTree(o.protoPaths)
	names := make([]string, len(o.files))
	for i, f := range o.files {
		if len(o.descriptorSetIn) > 0 && len(o.protoPaths) == 0 {
			names[i] = f // a name in the descriptor sets
		} else if names[i], err = tree.virtualName(f); err != nil {
			return err
		}
	}
	files, err := compile(o, names, stderr)
	if err != nil {
		return err
	}
	if err := checkDirectDeps(o, files); err != nil {
		return err
	}
	inputs := make([]protoreflect.FileDescriptor, len(files))
	for i, f := range files {
		inputs[i] = f
	}
	if o.descriptorSetOut != "" {
		if err := writeDescriptorSet(o, inputs); err != nil {
			return err
		}
	}
	for _, out := range o.outputs {
		if err := runPlugin(o, out, inputs); err != nil {
			return err
		}
	}
	return nil
}
