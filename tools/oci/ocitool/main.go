// Command ocitool builds, indexes and publishes OCI images for the Bazel rules
// in tools/oci, on github.com/google/go-containerregistry. Every output is a
// function of its flags and input files: no clock, no host user, no network
// except for push.
//
//	ocitool base --uid 65532 --gid 65532 --ca_certs /etc/ssl/certs/ca-certificates.crt --out base.tar
//	ocitool image --base base.tar --binary BIN --name NAME --platform linux/amd64 --out DIR
//	ocitool index --image DIR --image DIR --out DIR
//	ocitool load --image DIR --tag hello_world:dev --out image.tar
//	ocitool push --image DIR --repository REPO [--tag T] [--sbom F] [--key KEY]
//	ocitool verify --repository REPO --digest_file F --key cosign.pub
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ocitool:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: ocitool base|image|index|load|push|verify [flags]")
	}
	switch args[0] {
	case "base":
		return baseCmd(args[1:])
	case "image":
		return imageCmd(args[1:])
	case "index":
		return indexCmd(args[1:])
	case "load":
		return loadCmd(args[1:])
	case "push":
		return pushCmd(args[1:], stdout)
	case "verify":
		return verifyCmd(args[1:], stdout)
	default:
		return fmt.Errorf("unknown command %q (want: base, image, index, load, push, verify)", args[0])
	}
}

// kvFlag collects repeated KEY=VALUE flags.
type kvFlag map[string]string

func (f kvFlag) String() string { return fmt.Sprint(map[string]string(f)) }

func (f kvFlag) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE, got %q", v)
	}
	f[k] = val
	return nil
}

func imageCmd(args []string) error {
	fs := flag.NewFlagSet("ocitool image", flag.ContinueOnError)
	binary := fs.String("binary", "", "static executable to run")
	name := fs.String("name", "", "executable name in the image (/app/NAME)")
	platform := fs.String("platform", "", "OS/ARCH[/VARIANT], e.g. linux/amd64")
	uid := fs.Int("uid", 65532, "user id the entrypoint runs as")
	gid := fs.Int("gid", 65532, "group id the entrypoint runs as")
	epoch := fs.Int64("created", 0, "timestamp of every file and of the image, in Unix seconds (SOURCE_DATE_EPOCH)")
	out := fs.String("out", "", "directory to write the OCI image layout to")
	digestFile := fs.String("digest_file", "", "file to write the image digest to (optional)")
	base := fs.String("base", "", "base layer tarball (ocitool base)")
	labels, env := kvFlag{}, kvFlag{}
	fs.Var(labels, "label", "config label KEY=VALUE (repeatable)")
	fs.Var(env, "env", "environment variable KEY=VALUE (repeatable)")
	var stampFiles stringsFlag
	fs.Var(&stampFiles, "stamp_file", "workspace status file; {KEY} in label values is replaced by its KEY (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *binary == "" || *base == "" || *out == "" {
		return fmt.Errorf("image: --binary, --base and --out are required")
	}
	if len(stampFiles) > 0 {
		vars, err := readStamps(stampFiles)
		if err != nil {
			return fmt.Errorf("image: %w", err)
		}
		for k, v := range labels {
			if labels[k], err = stamp("image: label "+k, v, vars); err != nil {
				return err
			}
		}
	}
	bin, err := os.ReadFile(*binary)
	if err != nil {
		return fmt.Errorf("image: read binary: %w", err)
	}
	baseLayer, err := os.ReadFile(*base)
	if err != nil {
		return fmt.Errorf("image: read base layer: %w", err)
	}
	parts := strings.Split(*platform, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return fmt.Errorf("image: --platform %q: want OS/ARCH[/VARIANT]", *platform)
	}
	spec := imageSpec{
		Binary: bin, Base: baseLayer, Name: *name, OS: parts[0], Arch: parts[1],
		UID: *uid, GID: *gid, Labels: labels, Created: time.Unix(*epoch, 0).UTC(),
	}
	if len(parts) == 3 {
		spec.Variant = parts[2]
	}
	for k, v := range env {
		spec.Env = append(spec.Env, k+"="+v)
	}
	img, err := buildImage(spec)
	if err != nil {
		return err
	}
	if err := writeLayout(*out, *digestFile, img, func(lp layout.Path) error { return lp.AppendImage(img) }); err != nil {
		return fmt.Errorf("image: %w", err)
	}
	return nil
}

// writeLayout writes an OCI layout at out holding one manifest (added by
// add), then prints its digest and, if digestFile is set, writes it there.
func writeLayout(out, digestFile string, m interface{ Digest() (v1.Hash, error) }, add func(layout.Path) error) error {
	lp, err := layout.Write(out, empty.Index)
	if err != nil {
		return fmt.Errorf("write layout %s: %w", out, err)
	}
	if err := add(lp); err != nil {
		return fmt.Errorf("write layout %s: %w", out, err)
	}
	d, err := m.Digest()
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	if digestFile != "" {
		if err := os.WriteFile(digestFile, []byte(d.String()+"\n"), 0o644); err != nil {
			return fmt.Errorf("write digest: %w", err)
		}
	}
	return nil
}
