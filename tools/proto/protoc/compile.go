package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bufbuild/protocompile"
	"github.com/bufbuild/protocompile/linker"
	"github.com/bufbuild/protocompile/protoutil"
	"github.com/bufbuild/protocompile/reporter"
	"github.com/bufbuild/protocompile/wellknownimports"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"
)

// sourceTree finds .proto files by the name imports use, in --proto_path order.
type sourceTree []mapping

// open returns the file that virtual names, as the first mapping that has it finds it.
func (t sourceTree) open(virtual string) (io.ReadCloser, error) {
	for _, m := range t {
		var disk string
		switch {
		case m.Virtual == "":
			disk = filepath.Join(m.Disk, filepath.FromSlash(virtual))
		case virtual == m.Virtual:
			disk = m.Disk
		case strings.HasPrefix(virtual, m.Virtual+"/"):
			disk = filepath.Join(m.Disk, filepath.FromSlash(virtual[len(m.Virtual)+1:]))
		default:
			continue
		}
		f, err := os.Open(disk)
		if err == nil {
			return f, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, fs.ErrNotExist
}

// virtualName maps a command-line input to the name imports use, as protoc
// does: a file on disk below a --proto_path becomes its name there; anything
// else must already be such a name.
func (t sourceTree) virtualName(arg string) (string, error) {
	if _, err := os.Stat(arg); err != nil {
		if rc, err := t.open(arg); err == nil {
			rc.Close()
			return arg, nil
		}
		return "", fmt.Errorf("Could not make proto path relative: %s: No such file or directory", arg)
	}
	clean := filepath.Clean(arg)
	for _, m := range t {
		disk := filepath.Clean(m.Disk)
		if clean == disk && m.Virtual != "" {
			return m.Virtual, nil
		}
		if rel, ok := strings.CutPrefix(clean, disk+string(filepath.Separator)); ok || disk == "." && !filepath.IsAbs(clean) && !strings.HasPrefix(clean, "..") {
			if disk == "." {
				rel = clean
			}
			return path.Join(m.Virtual, filepath.ToSlash(rel)), nil
		}
	}
	return "", fmt.Errorf("%s: File does not reside within any path specified using --proto_path (or -I).  "+
		"You must specify a --proto_path which encompasses this file.", arg)
}

// compile parses and links the input files (virtual names), looking up
// imports in the source tree, then in the --descriptor_set_in files, then
// among the well-known types that protoc ships. Errors and warnings are
// written to stderr as protoc writes them (FILE:LINE:COL: message).
func compile(o *options, names []string, stderr io.Writer) (linker.Files, error) {
	sets := map[string]*descriptorpb.FileDescriptorProto{}
	for _, f := range o.descriptorSetIn {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, errors.Unwrap(err))
		}
		var set descriptorpb.FileDescriptorSet
		if err := proto.Unmarshal(data, &set); err != nil {
			return nil, fmt.Errorf("%s: Unable to parse: %w", f, err)
		}
		for _, fd := range set.File {
			if _, seen := sets[fd.GetName()]; !seen {
				sets[fd.GetName()] = fd
			}
		}
	}
	tree := sourceTree(o.protoPaths)
	resolver := wellknownimports.WithStandardImports(protocompile.ResolverFunc(func(name string) (protocompile.SearchResult, error) {
		if rc, err := tree.open(name); err == nil {
			return protocompile.SearchResult{Source: rc}, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return protocompile.SearchResult{}, err
		}
		if fd, ok := sets[name]; ok {
			return protocompile.SearchResult{Proto: fd}, nil
		}
		return protocompile.SearchResult{}, fs.ErrNotExist
	}))
	rep := reporter.NewReporter(
		func(err reporter.ErrorWithPos) error {
			fmt.Fprintln(stderr, err)
			return nil // report every error, as protoc does, then fail
		},
		func(w reporter.ErrorWithPos) {
			fmt.Fprintf(stderr, "%s: warning: %v\n", w.GetPosition(), w.Unwrap())
		},
	)
	c := protocompile.Compiler{Resolver: resolver, Reporter: rep, SourceInfoMode: protocompile.SourceInfoStandard}
	files, err := c.Compile(context.Background(), names...)
	if err != nil {
		if errors.Is(err, reporter.ErrInvalidSource) {
			return nil, errReported
		}
		return nil, err
	}
	return files, nil
}

// errReported means the errors were written already.
var errReported = errors.New("errors reported")

// descriptors returns the FileDescriptorProtos of files in dependency order,
// as protoc writes them: with every file they import (each once, before the
// files that import it) when withImports is set, else the files alone (an
// input that another imports still comes first); source code info if
// withSourceInfo. protocompile fills json_name on every field, as protoc does.
func descriptors(files []protoreflect.FileDescriptor, withImports, withSourceInfo bool) []*descriptorpb.FileDescriptorProto {
	input := map[string]bool{}
	for _, f := range files {
		input[f.Path()] = true
	}
	var out []*descriptorpb.FileDescriptorProto
	seen := map[string]bool{}
	var add func(f protoreflect.FileDescriptor)
	add = func(f protoreflect.FileDescriptor) {
		if seen[f.Path()] {
			return
		}
		seen[f.Path()] = true
		for i := 0; i < f.Imports().Len(); i++ {
			if dep := f.Imports().Get(i).FileDescriptor; withImports || input[dep.Path()] {
				add(dep)
			}
		}
		fdp := proto.Clone(protoutil.ProtoFromFileDescriptor(f)).(*descriptorpb.FileDescriptorProto)
		if !withSourceInfo {
			fdp.SourceCodeInfo = nil
		}
		out = append(out, fdp)
	}
	for _, f := range files {
		add(f)
	}
	return out
}

// checkDirectDeps fails when an input imports a file that --direct_dependencies does not list.
func checkDirectDeps(o *options, files linker.Files) error {
	if o.directDeps == nil {
		return nil
	}
	for _, f := range files {
		for i := 0; i < f.Imports().Len(); i++ {
			if dep := f.Imports().Get(i).Path(); !o.directDeps[dep] {
				return fmt.Errorf("%s: %s", f.Path(), strings.ReplaceAll(o.violationMsg, "%s", dep))
			}
		}
	}
	return nil
}
