package main

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"time"
)

// entry is one file or directory of a layer.
type entry struct {
	Path string // absolute path in the image, e.g. /app/hello_world
	Mode int64  // permission bits
	Dir  bool
	Data []byte
}

// buildTar writes entries as a tar stream that depends only on its input:
// parent directories are added, entries are sorted by path, every header has
// the same mtime and uid/gid 0, and no user or group names.
func buildTar(entries []entry, mtime time.Time) ([]byte, error) {
	all := map[string]entry{}
	for _, e := range entries {
		if !path.IsAbs(e.Path) || path.Clean(e.Path) != e.Path || e.Path == "/" {
			return nil, fmt.Errorf("layer entry %q: want a clean absolute path", e.Path)
		}
		if _, dup := all[e.Path]; dup {
			return nil, fmt.Errorf("layer entry %q: listed twice", e.Path)
		}
		all[e.Path] = e
		for d := path.Dir(e.Path); d != "/"; d = path.Dir(d) {
			if _, ok := all[d]; !ok {
				all[d] = entry{Path: d, Mode: 0o755, Dir: true}
			}
		}
	}
	paths := make([]string, 0, len(all))
	for p := range all {
		paths = append(paths, p)
	}
	sort.Strings(paths)

	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, p := range paths {
		e := all[p]
		hdr := &tar.Header{
			Name:    p[1:],
			Mode:    e.Mode,
			ModTime: mtime,
			Format:  tar.FormatPAX,
		}
		if e.Dir {
			hdr.Typeflag = tar.TypeDir
			hdr.Name += "/"
		} else {
			hdr.Typeflag = tar.TypeReg
			hdr.Size = int64(len(e.Data))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, fmt.Errorf("tar header %s: %w", p, err)
		}
		if _, err := io.Copy(tw, bytes.NewReader(e.Data)); err != nil {
			return nil, fmt.Errorf("tar data %s: %w", p, err)
		}
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("close tar: %w", err)
	}
	return buf.Bytes(), nil
}
