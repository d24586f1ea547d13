// Command sbom writes the SPDX 2.3 JSON document of one Go binary, or of the
// image that holds it: the Go modules whose packages the binary links (from
// the Bazel graph, not from the binary: rules_go v0.57 writes no module list
// into it), each at its go.mod version with its go.sum hash, the standard
// library at the SDK's version, the main module, and, with -image_digest, the
// image as the described package.
//
// Usage (tools/oci/private/sbom.bzl passes the flags):
//
//	sbom -name APP -importpaths FILE -go_mod go.mod -go_sum go.sum -go_version 1.26.11 \
//	    [-image_digest FILE -repository REPO [-contains PACKAGE]...] -out FILE
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	var in Inputs
	var importpaths, goMod, goSum, digestFile, out string
	flag.StringVar(&in.Name, "name", "", "the app's name")
	flag.StringVar(&importpaths, "importpaths", "", "file: the import paths the binary links, one per line")
	flag.StringVar(&goMod, "go_mod", "", "the main module's go.mod")
	flag.StringVar(&goSum, "go_sum", "", "its go.sum")
	flag.StringVar(&in.GoVersion, "go_version", "", "the Go SDK's version, e.g. 1.26.11")
	flag.StringVar(&digestFile, "image_digest", "", "file: the image's (or index's) sha256:... digest; the document then describes the image")
	flag.StringVar(&in.Repository, "repository", "", "where the image is pushed (the purl's repository_url)")
	flag.Func("contains", "a Go package whose files the image holds outside the binary (repeatable)", func(p string) error {
		in.Contains = append(in.Contains, p)
		return nil
	})
	flag.StringVar(&out, "out", "", "the SPDX JSON file to write")
	flag.Parse()
	if in.Name == "" || importpaths == "" || goMod == "" || goSum == "" || in.GoVersion == "" || out == "" {
		fmt.Fprintln(os.Stderr, "usage: sbom -name APP -importpaths FILE -go_mod FILE -go_sum FILE -go_version V [-image_digest FILE -repository REPO] -out FILE")
		os.Exit(2)
	}
	if err := run(&in, importpaths, goMod, goSum, digestFile, out); err != nil {
		fmt.Fprintf(os.Stderr, "sbom %s: %v\n", in.Name, err)
		os.Exit(1)
	}
}

func run(in *Inputs, importpaths, goMod, goSum, digestFile, out string) error {
	var err error
	read := func(name string) []byte {
		if err != nil {
			return nil
		}
		var b []byte
		b, err = os.ReadFile(name)
		return b
	}
	paths := read(importpaths)
	in.GoMod, in.GoSum = read(goMod), read(goSum)
	if digestFile != "" {
		in.ImageDigest = strings.TrimSpace(string(read(digestFile)))
	}
	if err != nil {
		return err
	}
	in.ImportPaths = strings.Fields(string(paths))
	doc, err := Build(in)
	if err != nil {
		return err
	}
	return os.WriteFile(out, doc, 0o644)
}
