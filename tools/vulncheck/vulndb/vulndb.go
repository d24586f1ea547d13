// Command vulndb turns the OSV entries of the golang.org/x/vulndb module
// (data/osv/ID.json) into a Go vulnerability database in the v1 layout that
// `govulncheck -db file:///DIR` reads (https://go.dev/security/vuln/database#api):
//
//	index/db.json       {"modified": ...}
//	index/modules.json  [{"path": ..., "vulns": [{"id", "modified", "fixed"}]}]
//	index/vulns.json    [{"id", "modified", "aliases"}]
//	ID/<id>.json        each entry as it is in the module
//
// Usage:
//
//	vulndb -osv DIR -version v0.0.0-20261105234957-e22db6528018 -out DIR
//
// -version is the module's version; its time is the snapshot's, reported in
// index/db.json unless an entry is newer.
// The output depends only on the entries and -modified, so building it twice
// gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"golang.org/x/mod/module"
)

func main() {
	osvDir := flag.String("osv", "", "directory of OSV entries, ID.json each")
	version := flag.String("version", "", "the golang.org/x/vulndb module's (pseudo-)version; its time goes into index/db.json")
	out := flag.String("out", "", "directory to write the database into (created)")
	flag.Parse()
	if *osvDir == "" || *out == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: vulndb -osv DIR [-version VERSION] -out DIR")
		os.Exit(2)
	}
	var snapshot time.Time
	if *version != "" {
		t, err := module.PseudoVersionTime(*version)
		if err != nil {
			fmt.Fprintf(os.Stderr, "vulndb: -version %s: %v (want the module's pseudo-version, as pinned in tools/goproxy/pins.bzl)\n", *version, err)
			os.Exit(2)
		}
		snapshot = t
	}
	if _, err := Build(os.DirFS(*osvDir), snapshot, *out); err != nil {
		fmt.Fprintf(os.Stderr, "vulndb: %s: %v\n", *osvDir, err)
		os.Exit(1)
	}
}
