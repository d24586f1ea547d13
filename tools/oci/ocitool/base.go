package main

import (
	"bytes"
	"encoding/pem"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"golang.org/x/crypto/x509roots/fallback/bundle"
)

// baseSpec is the content of the base layer every image starts from.
type baseSpec struct {
	UID, GID int     // the non-root user named in /etc/passwd and /etc/group
	CACerts  string  // image path of the PEM bundle of CA roots; "" for none
	Files    []entry // data files, e.g. the time zone database
}

// passwd and group give the non-root user a name, as distroless does.
func passwd(uid, gid int) []byte {
	return []byte(fmt.Sprintf("root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%d:%d:nonroot:/home/nonroot:/sbin/nologin\n", uid, gid))
}

func group(gid int) []byte {
	return []byte(fmt.Sprintf("root:x:0:\nnonroot:x:%d:\n", gid))
}

// caRootsPEM returns the Mozilla NSS roots of golang.org/x/crypto/x509roots
// (pinned in go.mod) as PEM, in the bundle's order. Roots that carry an extra
// constraint (a distrust-after date) are left out: a PEM file cannot express
// the constraint, and trusting them without it would trust too much.
func caRootsPEM() (pemData []byte, n int) {
	var buf bytes.Buffer
	for r := range bundle.Roots() {
		if r.Constraint != nil {
			continue
		}
		buf.Write(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: r.Certificate}))
		n++
	}
	return buf.Bytes(), n
}

// baseEntries lists the files of the base layer.
func baseEntries(s baseSpec) ([]entry, error) {
	if s.UID == 0 || s.GID == 0 {
		return nil, fmt.Errorf("base: refusing a root user (uid %d, gid %d)", s.UID, s.GID)
	}
	entries := []entry{
		{Path: "/etc/passwd", Mode: 0o644, Data: passwd(s.UID, s.GID)},
		{Path: "/etc/group", Mode: 0o644, Data: group(s.GID)},
		{Path: "/home/nonroot", Mode: 0o700, Dir: true},
		{Path: "/tmp", Mode: 0o1777, Dir: true},
	}
	if s.CACerts != "" {
		certs, _ := caRootsPEM()
		entries = append(entries, entry{Path: s.CACerts, Mode: 0o444, Data: certs})
	}
	return append(entries, s.Files...), nil
}

// baseCmd writes the base layer as an uncompressed, reproducible tar.
func baseCmd(args []string) error {
	fs := flag.NewFlagSet("ocitool base", flag.ContinueOnError)
	uid := fs.Int("uid", 65532, "user id of the non-root user")
	gid := fs.Int("gid", 65532, "group id of the non-root user")
	caCerts := fs.String("ca_certs", "", "image path for the CA roots PEM bundle, e.g. /etc/ssl/certs/ca-certificates.crt")
	epoch := fs.Int64("created", 0, "timestamp of every file, in Unix seconds (SOURCE_DATE_EPOCH)")
	out := fs.String("out", "", "layer tarball to write")
	files := kvFlag{}
	fs.Var(files, "file", "data file IMAGE_PATH=HOST_PATH (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("base: --out is required")
	}
	s := baseSpec{UID: *uid, GID: *gid, CACerts: *caCerts}
	imgPaths := make([]string, 0, len(files))
	for p := range files {
		imgPaths = append(imgPaths, p)
	}
	sort.Strings(imgPaths)
	for _, p := range imgPaths {
		data, err := os.ReadFile(files[p])
		if err != nil {
			return fmt.Errorf("base: --file %s: %w", p, err)
		}
		s.Files = append(s.Files, entry{Path: p, Mode: 0o444, Data: data})
	}
	entries, err := baseEntries(s)
	if err != nil {
		return err
	}
	data, err := buildTar(entries, time.Unix(*epoch, 0).UTC())
	if err != nil {
		return fmt.Errorf("base: %w", err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return fmt.Errorf("base: write %s: %w", *out, err)
	}
	return nil
}
