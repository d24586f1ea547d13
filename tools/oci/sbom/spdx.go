package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// Inputs is what one document is made from.
type Inputs struct {
	Name        string   // the app, e.g. hello_server
	ImportPaths []string // every package the binary links but the standard library's
	GoMod       []byte   // the main module's go.mod
	GoSum       []byte   // and go.sum
	GoVersion   string   // the SDK's, e.g. 1.26.11
	ImageDigest string   // sha256:..., or "" to describe the binary alone
	Repository  string   // where the image is pushed, for its purl
	Contains    []string // Go packages whose files the image holds outside the binary (base layer)
}

// Created is the document's creation time: fixed, so that building twice
// gives the same bytes (as the images' own created time).
const Created = "1970-01-01T00:00:00Z"

type document struct {
	SPDXVersion       string         `json:"spdxVersion"`
	DataLicense       string         `json:"dataLicense"`
	SPDXID            string         `json:"SPDXID"`
	Name              string         `json:"name"`
	DocumentNamespace string         `json:"documentNamespace"`
	CreationInfo      creationInfo   `json:"creationInfo"`
	DocumentDescribes []string       `json:"documentDescribes"`
	Packages          []pkg          `json:"packages"`
	Relationships     []relationship `json:"relationships"`
}

type creationInfo struct {
	Creators []string `json:"creators"`
	Created  string   `json:"created"`
}

type pkg struct {
	SPDXID           string     `json:"SPDXID"`
	Name             string     `json:"name"`
	VersionInfo      string     `json:"versionInfo,omitempty"`
	DownloadLocation string     `json:"downloadLocation"`
	FilesAnalyzed    bool       `json:"filesAnalyzed"`
	Purpose          string     `json:"primaryPackagePurpose,omitempty"`
	Comment          string     `json:"comment,omitempty"`
	Checksums        []checksum `json:"checksums,omitempty"`
	ExternalRefs     []ref      `json:"externalRefs,omitempty"`
}

type checksum struct {
	Algorithm string `json:"algorithm"`
	Value     string `json:"checksumValue"`
}

type ref struct {
	Category string `json:"referenceCategory"`
	Type     string `json:"referenceType"`
	Locator  string `json:"referenceLocator"`
}

type relationship struct {
	Element string `json:"spdxElementId"`
	Type    string `json:"relationshipType"`
	Related string `json:"relatedSpdxElement"`
}

// Build returns the SPDX 2.3 JSON document. Each linked package must come
// from the main module or a module go.mod requires, with its hash in go.sum;
// a module that no linked package comes from is left out.
func Build(in *Inputs) ([]byte, error) {
	mf, err := modfile.Parse("go.mod", in.GoMod, nil)
	if err != nil {
		return nil, fmt.Errorf("go.mod: %w", err)
	}
	if mf.Module == nil {
		return nil, fmt.Errorf("go.mod has no module line")
	}
	main := mf.Module.Mod.Path
	sums := goSums(in.GoSum)
	linked, _, err := modules(mf, in.ImportPaths, "the binary links")
	if err != nil {
		return nil, err
	}
	var contained map[module.Version]bool
	containsStd := false
	if in.ImageDigest != "" {
		if contained, containsStd, err = modules(mf, in.Contains, "the image holds files of"); err != nil {
			return nil, err
		}
	}
	for _, r := range mf.Replace {
		for _, set := range []map[module.Version]bool{linked, contained} {
			if set[module.Version{Path: r.Old.Path, Version: r.Old.Version}] || r.Old.Version == "" && anyPath(set, r.Old.Path) {
				return nil, fmt.Errorf("go.mod replaces %s, which the image holds: this SBOM cannot name the replacement's version and hash", r.Old.Path)
			}
		}
	}

	ns := "https://" + main + "/spdx/" + in.Name
	doc := document{
		SPDXVersion: "SPDX-2.3",
		DataLicense: "CC0-1.0",
		SPDXID:      "SPDXRef-DOCUMENT",
		Name:        in.Name,
		CreationInfo: creationInfo{
			Creators: []string{"Tool: " + main + "/tools/oci/sbom"},
			Created:  Created,
		},
	}
	mainPkg := pkg{
		SPDXID:           "SPDXRef-Package-main",
		Name:             main,
		DownloadLocation: "NOASSERTION",
		Purpose:          "APPLICATION",
		ExternalRefs:     []ref{purl("pkg:golang/" + main)},
	}
	top := mainPkg.SPDXID
	if in.ImageDigest != "" {
		image, err := imagePackage(in)
		if err != nil {
			return nil, err
		}
		doc.Name += "@" + in.ImageDigest
		ns += "/" + strings.Replace(in.ImageDigest, ":", "-", 1)
		doc.Packages = append(doc.Packages, image)
		doc.Relationships = append(doc.Relationships, relationship{image.SPDXID, "CONTAINS", mainPkg.SPDXID})
		top = image.SPDXID
	}
	doc.DocumentNamespace = ns
	doc.DocumentDescribes = []string{top}
	doc.Relationships = append([]relationship{{"SPDXRef-DOCUMENT", "DESCRIBES", top}}, doc.Relationships...)

	goVersion := "go" + strings.TrimPrefix(in.GoVersion, "go")
	stdlib := pkg{
		SPDXID:           "SPDXRef-Package-stdlib",
		Name:             "stdlib",
		VersionInfo:      goVersion,
		DownloadLocation: "https://go.dev/dl/",
		ExternalRefs:     []ref{purl("pkg:golang/stdlib@" + goVersion)},
		Comment:          origin(true, containsStd),
	}
	doc.Packages = append(doc.Packages, mainPkg, stdlib)
	doc.Relationships = append(doc.Relationships, relationship{mainPkg.SPDXID, "DEPENDS_ON", stdlib.SPDXID})
	if containsStd {
		doc.Relationships = append(doc.Relationships, relationship{"SPDXRef-Image", "CONTAINS", stdlib.SPDXID})
	}

	union := map[module.Version]bool{}
	for _, set := range []map[module.Version]bool{linked, contained} {
		for m := range set {
			union[m] = true
		}
	}
	mods := make([]module.Version, 0, len(union))
	for m := range union {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	for i, m := range mods {
		p, err := modulePackage(fmt.Sprintf("SPDXRef-Package-%d", i+1), m, sums[m])
		if err != nil {
			return nil, err
		}
		p.Comment = origin(linked[m], contained[m])
		doc.Packages = append(doc.Packages, p)
		if linked[m] {
			doc.Relationships = append(doc.Relationships, relationship{mainPkg.SPDXID, "DEPENDS_ON", p.SPDXID})
		}
		if contained[m] {
			doc.Relationships = append(doc.Relationships, relationship{"SPDXRef-Image", "CONTAINS", p.SPDXID})
		}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// origin says where a package's code is in the image: linked into the
// binary, files in the base layer (the CA roots, the time zone data), or both.
func origin(linked, contained bool) string {
	switch {
	case linked && contained:
		return "linked into the binary; the base layer also holds files from it"
	case contained:
		return "not linked into the binary: the base layer holds files from it"
	default:
		return "linked into the binary"
	}
}

// imagePackage is the image (index) the document describes.
func imagePackage(in *Inputs) (pkg, error) {
	alg, hexDigest, ok := strings.Cut(in.ImageDigest, ":")
	if alg != "sha256" || !ok || len(hexDigest) != 64 {
		return pkg{}, fmt.Errorf("image digest %q is not sha256:<64 hex>", in.ImageDigest)
	}
	loc := "pkg:oci/" + in.Name + "@" + purlVersion(in.ImageDigest)
	if in.Repository != "" {
		loc += "?repository_url=" + url.QueryEscape(in.Repository)
	}
	return pkg{
		SPDXID:           "SPDXRef-Image",
		Name:             in.Name,
		VersionInfo:      in.ImageDigest,
		DownloadLocation: "NOASSERTION",
		Purpose:          "CONTAINER",
		Checksums:        []checksum{{"SHA256", hexDigest}},
		ExternalRefs:     []ref{purl(loc)},
	}, nil
}

// modulePackage is one Go module, with go.sum's h1: hash (h1, "" if none).
func modulePackage(id string, m module.Version, h1 string) (pkg, error) {
	if h1 == "" {
		return pkg{}, fmt.Errorf("go.sum has no h1: hash for %s %s: run go mod tidy", m.Path, m.Version)
	}
	sha, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(h1, "h1:"))
	if err != nil || len(sha) != 32 {
		return pkg{}, fmt.Errorf("go.sum: %s %s: %q is not an h1: hash", m.Path, m.Version, h1)
	}
	escaped, err := module.EscapePath(m.Path)
	if err != nil {
		return pkg{}, err
	}
	return pkg{
		SPDXID:           id,
		Name:             m.Path,
		VersionInfo:      m.Version,
		DownloadLocation: "https://proxy.golang.org/" + escaped + "/@v/" + m.Version + ".zip",
		// go.sum's h1: is a SHA-256 (of the module's file list, not of the zip), as ko records it.
		Checksums:    []checksum{{"SHA256", hex.EncodeToString(sha)}},
		ExternalRefs: []ref{purl("pkg:golang/" + m.Path + "@" + purlVersion(m.Version))},
	}, nil
}

// purlVersion percent-encodes a version for a purl (sha256%3A..., +incompatible as %2B).
func purlVersion(v string) string {
	return strings.NewReplacer(":", "%3A", "+", "%2B").Replace(url.PathEscape(v))
}

// modules maps import paths to the modules go.mod requires for them (what
// says where the paths come from, for the error); std reports a package of
// the standard library among them. The main module's packages are skipped.
func modules(mf *modfile.File, paths []string, what string) (mods map[module.Version]bool, std bool, err error) {
	main := mf.Module.Mod.Path
	mods = map[module.Version]bool{}
	for _, p := range paths {
		switch {
		case p == main || strings.HasPrefix(p, main+"/"):
		case !strings.Contains(strings.SplitN(p, "/", 2)[0], "."):
			std = true
		default:
			m, ok := owner(mf, p)
			if !ok {
				return nil, false, fmt.Errorf("%s %s, which no module in go.mod provides: run go mod tidy, then bazel run //:gazelle-update-repos", what, p)
			}
			mods[m] = true
		}
	}
	return mods, std, nil
}

func purl(locator string) ref {
	return ref{Category: "PACKAGE-MANAGER", Type: "purl", Locator: locator}
}

// owner is the required module that provides package p: the longest module
// path that is p or a prefix of it.
func owner(mf *modfile.File, p string) (module.Version, bool) {
	var best module.Version
	for _, r := range mf.Require {
		if (p == r.Mod.Path || strings.HasPrefix(p, r.Mod.Path+"/")) && len(r.Mod.Path) > len(best.Path) {
			best = r.Mod
		}
	}
	return best, best.Path != ""
}

func anyPath(mods map[module.Version]bool, path string) bool {
	for m := range mods {
		if m.Path == path {
			return true
		}
	}
	return false
}

// goSums maps each module version to its h1: hash in go.sum (the zip's
// line, not the /go.mod one).
func goSums(b []byte) map[module.Version]string {
	sums := map[module.Version]string{}
	s := bufio.NewScanner(bytes.NewReader(b))
	for s.Scan() {
		f := strings.Fields(s.Text())
		if len(f) == 3 && !strings.HasSuffix(f[1], "/go.mod") {
			sums[module.Version{Path: f[0], Version: f[1]}] = f[2]
		}
	}
	return sums
}
