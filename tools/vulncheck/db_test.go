package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/vuln/scan"
)

var dbDir = flag.String("db", "", "the database built by :db (set by the BUILD file)")

// query returns the IDs of the advisories that the pinned govulncheck,
// reading the database built from the pinned golang.org/x/vulndb, reports
// for module@version.
func query(t *testing.T, moduleVersion string) []string {
	t.Helper()
	if *dbDir == "" {
		t.Skip("needs -db: run it with bazel test //tools/vulncheck:vulncheck_test")
	}
	// rules_go runs the test in its package directory; $(rootpath) is
	// relative to the workspace's runfiles.
	db := filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"), *dbDir)
	var out, stderr bytes.Buffer
	cmd := scan.Command(context.Background(), "-mode", "query", "-db", "file://"+db, "-format", "json", moduleVersion)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	require.NoError(t, cmd.Start())
	require.NoError(t, cmd.Wait(), stderr.String())
	var ids []string
	for dec := json.NewDecoder(&out); ; {
		var m message
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			return ids
		}
		require.NoError(t, err)
		if m.OSV != nil {
			ids = append(ids, m.OSV.ID)
		}
	}
}

func TestDatabaseAnswersGovulncheck(t *testing.T) {
	// GO-2022-1059: golang.org/x/text/language before v0.3.8.
	assert.Contains(t, query(t, "golang.org/x/text@v0.3.7"), "GO-2022-1059")
	assert.NotContains(t, query(t, "golang.org/x/text@v0.3.8"), "GO-2022-1059")
}
