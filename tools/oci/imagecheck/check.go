package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"crypto/x509"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"example.com/monorepo/tools/oci/ocilayout"
)

// shells are the programs whose presence would give an attacker a shell.
var shells = []string{"bin/sh", "bin/bash", "bin/ash", "bin/busybox", "usr/bin/sh", "usr/bin/bash"}

// check verifies the single image in the OCI layout dir: it runs `binary`
// (same bytes) as its entrypoint, as uid:gid `user`, the binary is a static
// ELF for the image's architecture, no shell is in any layer, and Go finds
// CA roots and time zones in it.
func check(dir string, binary []byte, user string) error {
	idx, closeLayout, err := ocilayout.Open(dir)
	if err != nil {
		return err
	}
	defer closeLayout()
	img, err := ocilayout.Only(idx)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return fmt.Errorf("%s: config: %w", dir, err)
	}
	if cf.Config.User != user {
		return fmt.Errorf("image runs as %q, want %q", cf.Config.User, user)
	}
	if len(cf.Config.Entrypoint) != 1 {
		return fmt.Errorf("entrypoint %q: want one path", cf.Config.Entrypoint)
	}
	entry := strings.TrimPrefix(cf.Config.Entrypoint[0], "/")
	files, err := readFiles(img)
	if err != nil {
		return err
	}
	for _, sh := range shells {
		if _, ok := files[sh]; ok {
			return fmt.Errorf("image contains a shell: /%s", sh)
		}
	}
	got, ok := files[entry]
	if !ok {
		return fmt.Errorf("entrypoint /%s is not in any layer", entry)
	}
	if !bytes.Equal(got, binary) {
		return fmt.Errorf("/%s (%d bytes) differs from the binary that bazel run executes (%d bytes)", entry, len(got), len(binary))
	}
	if err := checkData(files, cf.Config.Env); err != nil {
		return err
	}
	return checkELF(got, cf.Architecture)
}

// caFile is where Go's crypto/x509 looks first for CA roots on Linux
// (unless SSL_CERT_FILE says otherwise).
const caFile = "/etc/ssl/certs/ca-certificates.crt"

// checkData requires what Go reads from the file system in a scratch image:
// CA roots for crypto/x509 and, through $ZONEINFO, the time zone database.
func checkData(files map[string][]byte, env []string) error {
	vars := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	ca := caFile
	if f, ok := vars["SSL_CERT_FILE"]; ok {
		ca = f
	}
	if !x509.NewCertPool().AppendCertsFromPEM(files[strings.TrimPrefix(ca, "/")]) {
		return fmt.Errorf("no CA roots at %s: Go's TLS clients could not verify any server", ca)
	}
	zi, ok := vars["ZONEINFO"]
	if !ok {
		return errors.New("ZONEINFO is not set: time.LoadLocation has no time zone database in a scratch image")
	}
	data := files[strings.TrimPrefix(zi, "/")]
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("ZONEINFO=%s: not a zoneinfo zip in the image: %w", zi, err)
	}
	for _, f := range zr.File {
		if f.Name == "Europe/Berlin" {
			return nil
		}
	}
	return fmt.Errorf("ZONEINFO=%s has no Europe/Berlin", zi)
}

// readFiles returns the regular files of the image's flattened layers.
func readFiles(img v1.Image) (map[string][]byte, error) {
	layers, err := img.Layers()
	if err != nil {
		return nil, fmt.Errorf("layers: %w", err)
	}
	files := map[string][]byte{}
	for i, l := range layers {
		rc, err := l.Uncompressed()
		if err != nil {
			return nil, fmt.Errorf("layer %d: %w", i, err)
		}
		tr := tar.NewReader(rc)
		for {
			hdr, err := tr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rc.Close()
				return nil, fmt.Errorf("layer %d: %w", i, err)
			}
			name := path.Clean(hdr.Name)
			if hdr.Typeflag == tar.TypeReg || hdr.Typeflag == tar.TypeSymlink {
				data, err := io.ReadAll(tr)
				if err != nil {
					rc.Close()
					return nil, fmt.Errorf("layer %d %s: %w", i, name, err)
				}
				files[name] = data
			}
		}
		rc.Close()
	}
	return files, nil
}

// elfMachines maps OCI architectures to ELF machine types.
var elfMachines = map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}

// checkELF requires a statically linked ELF executable for arch.
func checkELF(data []byte, arch string) error {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("entrypoint is not an ELF binary: %w", err)
	}
	want, ok := elfMachines[arch]
	if !ok {
		return fmt.Errorf("image architecture %q has no known ELF machine", arch)
	}
	if f.Machine != want {
		return fmt.Errorf("entrypoint is a %s binary, image says %s (%s)", f.Machine, arch, want)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return errors.New("entrypoint is dynamically linked (has PT_INTERP): build it with pure = \"on\"")
		}
	}
	return nil
}
