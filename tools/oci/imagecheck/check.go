package main

import (
	"archive/tar"
	"bytes"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// shells are the programs whose presence would give an attacker a shell.
var shells = []string{"bin/sh", "bin/bash", "bin/ash", "bin/busybox", "usr/bin/sh", "usr/bin/bash"}

// check verifies the single image in the OCI layout dir: it runs `binary`
// (same bytes) as its entrypoint, as uid:gid `user`, the binary is a static
// ELF for the image's architecture, and no shell is in any layer.
func check(dir string, binary []byte, user string) error {
	// Bazel hands tests their runfiles as symlinks, which go-containerregistry
	// refuses to read as layout blobs: read a plain copy instead.
	tmp, err := os.MkdirTemp("", "imagecheck")
	if err != nil {
		return fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := copyTree(dir, tmp); err != nil {
		return fmt.Errorf("read OCI layout %s: %w", dir, err)
	}
	idx, err := layout.ImageIndexFromPath(tmp)
	if err != nil {
		return fmt.Errorf("read OCI layout %s: %w", dir, err)
	}
	m, err := idx.IndexManifest()
	if err != nil {
		return fmt.Errorf("read index of %s: %w", dir, err)
	}
	if len(m.Manifests) != 1 {
		return fmt.Errorf("%s: want 1 image in the layout, got %d", dir, len(m.Manifests))
	}
	img, err := idx.Image(m.Manifests[0].Digest)
	if err != nil {
		return fmt.Errorf("%s: image %s: %w", dir, m.Manifests[0].Digest, err)
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
	return checkELF(got, cf.Architecture)
}

// copyTree copies the regular files under src (following symlinks) to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
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
