package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
	"google.golang.org/protobuf/types/pluginpb"
)

// runPlugin runs the plugin of out on the inputs, as protoc does: a
// CodeGeneratorRequest on its stdin (the inputs to generate, and every file
// they need, imports first, with source info), a CodeGeneratorResponse on its
// stdout, whose files are written below out.Dir.
func runPlugin(o *options, out output, inputs []protoreflect.FileDescriptor) error {
	flag := "--" + out.Name + "_out"
	exe, ok := o.plugins[out.Name]
	if !ok {
		var err error
		if exe, err = exec.LookPath("protoc-gen-" + out.Name); err != nil {
			return fmt.Errorf("%s: protoc-gen-%s: program not found or is not executable (give it with --plugin=protoc-gen-%s=PATH)", flag, out.Name, out.Name)
		}
	}
	if st, err := os.Stat(out.Dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s/: No such file or directory", out.Dir)
	}
	req := &pluginpb.CodeGeneratorRequest{ProtoFile: descriptors(inputs, true, true)}
	if p := o.parameter(out); p != "" {
		req.Parameter = proto.String(p)
	}
	for _, f := range inputs {
		req.FileToGenerate = append(req.FileToGenerate, f.Path())
	}
	in, err := proto.Marshal(req)
	if err != nil {
		return err
	}
	var stdout bytes.Buffer
	cmd := exec.Command(exe)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("%s: %s: Plugin failed with status code %d.", flag, exe, ee.ExitCode())
		}
		return fmt.Errorf("%s: %s: %w", flag, exe, err)
	}
	var resp pluginpb.CodeGeneratorResponse
	if err := proto.Unmarshal(stdout.Bytes(), &resp); err != nil {
		return fmt.Errorf("%s: %s: Plugin output is unparseable: %w", flag, exe, err)
	}
	if resp.Error != nil {
		return fmt.Errorf("%s: %s", flag, resp.GetError())
	}
	if err := checkFeatures(&resp, inputs, exe); err != nil {
		return err
	}
	return writeFiles(out.Dir, flag, resp.File)
}

// checkFeatures fails, as protoc does, when an input uses proto3 optional
// fields or editions and the plugin does not say it supports them.
func checkFeatures(resp *pluginpb.CodeGeneratorResponse, inputs []protoreflect.FileDescriptor, exe string) error {
	features := resp.GetSupportedFeatures()
	for _, f := range inputs {
		if f.Syntax() == protoreflect.Editions && features&uint64(pluginpb.CodeGeneratorResponse_FEATURE_SUPPORTS_EDITIONS) == 0 {
			return fmt.Errorf("%s: is an editions file, but code generator %s hasn't been updated to support editions yet.", f.Path(), exe)
		}
		if f.Syntax() == protoreflect.Proto3 && hasProto3Optional(f.Messages()) && features&uint64(pluginpb.CodeGeneratorResponse_FEATURE_PROTO3_OPTIONAL) == 0 {
			return fmt.Errorf("%s: is a proto3 file that contains optional fields, but code generator %s hasn't been updated to "+
				"support optional fields in proto3. Please ask the owner of this code generator to support proto3 optional.", f.Path(), exe)
		}
	}
	return nil
}

func hasProto3Optional(mds protoreflect.MessageDescriptors) bool {
	for i := 0; i < mds.Len(); i++ {
		md := mds.Get(i)
		for j := 0; j < md.Fields().Len(); j++ {
			if md.Fields().Get(j).HasOptionalKeyword() && md.Fields().Get(j).ContainingOneof() != nil {
				return true
			}
		}
		if hasProto3Optional(md.Messages()) {
			return true
		}
	}
	return false
}

// writeFiles writes a plugin's files below dir. A file with no name continues
// the one before it; insertion points are not supported.
func writeFiles(dir, flag string, files []*pluginpb.CodeGeneratorResponse_File) error {
	var order []string
	contents := map[string]*bytes.Buffer{}
	last := ""
	for _, f := range files {
		if f.GetInsertionPoint() != "" {
			return fmt.Errorf("%s: %s: insertion points are not supported by this compiler", flag, f.GetName())
		}
		name := f.GetName()
		if name == "" {
			if last == "" {
				return fmt.Errorf("%s: First file chunk returned by plugin did not have a file name.", flag)
			}
			name = last
		} else if _, dup := contents[name]; dup {
			return fmt.Errorf("%s: Tried to write the same file twice: %s", flag, name)
		} else if !filepath.IsLocal(name) {
			return fmt.Errorf("%s: %s: a generated file must stay below the output directory", flag, name)
		}
		if contents[name] == nil {
			contents[name] = &bytes.Buffer{}
			order = append(order, name)
		}
		contents[name].WriteString(f.GetContent())
		last = name
	}
	for _, name := range order {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, contents[name].Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeDescriptorSet writes the FileDescriptorSet of the inputs (--descriptor_set_out).
func writeDescriptorSet(o *options, inputs []protoreflect.FileDescriptor) error {
	set := &descriptorpb.FileDescriptorSet{File: descriptors(inputs, o.includeImports, o.includeSourceInfo)}
	data, err := proto.MarshalOptions{Deterministic: true}.Marshal(set)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.descriptorSetOut, data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", o.descriptorSetOut, errors.Unwrap(err))
	}
	return nil
}
