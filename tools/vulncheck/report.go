package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"golang.org/x/mod/semver"
)

// message is one value of govulncheck's -format json stream (the fields we read).
type message struct {
	Config *struct {
		ScannerVersion string `json:"scanner_version"`
		DB             string `json:"db"`
		GoVersion      string `json:"go_version"`
		ScanLevel      string `json:"scan_level"`
	} `json:"config"`
	OSV *struct {
		ID      string `json:"id"`
		Summary string `json:"summary"`
	} `json:"osv"`
	Finding *finding `json:"finding"`
}

type finding struct {
	OSV          string  `json:"osv"`
	FixedVersion string  `json:"fixed_version"`
	Trace        []frame `json:"trace"`
}

// frame is a step of a call path; govulncheck lists them from the
// vulnerable symbol to our entry point.
type frame struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Package  string `json:"package"`
	Function string `json:"function"`
	Receiver string `json:"receiver"`
	Position *struct {
		Filename string `json:"filename"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	} `json:"position"`
}

// Vuln is an advisory whose vulnerable code our code calls.
type Vuln struct {
	ID, Summary            string
	Module, Version, Fixed string
	// Path is the call path, from our code to the vulnerable symbol.
	Path []string
}

// Report is what one govulncheck run found.
type Report struct {
	Scanner, DB, GoVersion string
	// Reachable lists the advisories whose symbols our code calls, by ID.
	Reachable []Vuln
	// Imported and Required count advisories that affect a package we
	// import or a module we require, but whose vulnerable code we never call.
	Imported, Required int
}

// Parse reads govulncheck's JSON stream. It needs a symbol-level scan:
// anything coarser cannot say what our code calls.
func Parse(r io.Reader) (*Report, error) {
	rep := &Report{}
	summaries := map[string]string{}
	reachable := map[string]*Vuln{}
	level := map[string]int{} // OSV ID -> 1 module, 2 package, 3 symbol
	configured := false
	dec := json.NewDecoder(r)
	for {
		var m message
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading govulncheck's JSON output: %w", err)
		}
		switch {
		case m.Config != nil:
			if m.Config.ScanLevel != "symbol" {
				return nil, fmt.Errorf("govulncheck scanned at level %q; need \"symbol\"", m.Config.ScanLevel)
			}
			configured = true
			rep.Scanner, rep.DB, rep.GoVersion = "govulncheck", m.Config.DB, m.Config.GoVersion
			if v := m.Config.ScannerVersion; v != "" && v != "v0.0.0" { // empty when built by rules_go
				rep.Scanner += " " + v
			}
		case m.OSV != nil:
			summaries[m.OSV.ID] = m.OSV.Summary
		case m.Finding != nil && len(m.Finding.Trace) > 0:
			f := m.Finding
			l := 1
			switch {
			case f.Trace[0].Function != "":
				l = 3
			case f.Trace[0].Package != "":
				l = 2
			}
			if l > level[f.OSV] {
				level[f.OSV] = l
			}
			if l == 3 && reachable[f.OSV] == nil {
				v := &Vuln{ID: f.OSV, Module: f.Trace[0].Module, Version: f.Trace[0].Version, Fixed: f.FixedVersion}
				for i := len(f.Trace) - 1; i >= 0; i-- {
					v.Path = append(v.Path, f.Trace[i].String())
				}
				reachable[f.OSV] = v
			}
		}
	}
	if !configured {
		return nil, errors.New("govulncheck printed no config message: did it run?")
	}
	for id, l := range level {
		switch l {
		case 3:
			v := reachable[id]
			v.Summary = summaries[id]
			rep.Reachable = append(rep.Reachable, *v)
		case 2:
			rep.Imported++
		default:
			rep.Required++
		}
	}
	sort.Slice(rep.Reachable, func(i, j int) bool { return rep.Reachable[i].ID < rep.Reachable[j].ID })
	return rep, nil
}

// String names the function (pkg.Func or pkg.Type.Method) and where it is.
func (f frame) String() string {
	name := f.Function
	if f.Receiver != "" {
		name = strings.TrimPrefix(f.Receiver, "*") + "." + name
	}
	pkg := path.Base(f.Package)
	if semver.IsValid(pkg) && semver.Major(pkg) == pkg && strings.Contains(f.Package, "/") {
		pkg = path.Base(path.Dir(f.Package)) // .../jwt/v4 is package jwt
	}
	s := pkg + "." + name
	if f.Position != nil && f.Position.Line > 0 {
		s += fmt.Sprintf(" (%s:%d)", f.Position.Filename, f.Position.Line)
	}
	return s
}

// Write prints the report: one line when nothing is reachable, else each
// advisory with its module, fixed version and call path.
func (r *Report) Write(w io.Writer, what string) {
	if len(r.Reachable) == 0 {
		fmt.Fprintf(w, "vulncheck: no known vulnerability reachable from %s (%s, %s, db %s; %d more in imported packages and %d in required modules, none called)\n",
			what, r.Scanner, r.GoVersion, r.DB, r.Imported, r.Required)
		return
	}
	noun := "vulnerabilities"
	if len(r.Reachable) == 1 {
		noun = "vulnerability"
	}
	fmt.Fprintf(w, "vulncheck: %d known %s reachable from %s (%s, %s, db %s):\n", len(r.Reachable), noun, what, r.Scanner, r.GoVersion, r.DB)
	for _, v := range r.Reachable {
		fixed := "no fixed version"
		if v.Fixed != "" {
			fixed = "fixed in " + v.Fixed
		}
		fmt.Fprintf(w, "\n%s  %s@%s, %s\n    %s\n    https://pkg.go.dev/vuln/%s\n", v.ID, v.Module, v.Version, fixed, v.Summary, v.ID)
		for i, p := range v.Path {
			fmt.Fprintf(w, "    %s%s\n", strings.Repeat("  ", i), p)
		}
	}
	fmt.Fprintf(w, "\nFix: upgrade each module to its fixed version (go get MODULE@VERSION, then bazel run //:gazelle-update-repos);\n"+
		"for stdlib, move go.mod's toolchain and the Go SDK pins in tools/goproxy/pins.bzl to the fixed Go; or stop calling the code.\n")
}
