package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stream is govulncheck's JSON output in shape: GO-2022-1059 is called
// (symbol-level finding), GO-2099-0002 only imported, GO-2099-0003 only
// required.
const stream = `
{"config":{"protocol_version":"v1.0.0","scanner_name":"govulncheck","db":"file:///db","go_version":"go1.26.11","scan_level":"symbol","scan_mode":"source"}}
{"progress":{"message":"Scanning your code..."}}
{"osv":{"id":"GO-2022-1059","summary":"Denial of service via crafted Accept-Language header in golang.org/x/text/language"}}
{"osv":{"id":"GO-2099-0002","summary":"imported only"}}
{"finding":{"osv":"GO-2099-0003","fixed_version":"v1.2.0","trace":[{"module":"example.org/c","version":"v1.0.0"}]}}
{"finding":{"osv":"GO-2099-0002","trace":[{"module":"example.org/b","version":"v0.1.0","package":"example.org/b/p"}]}}
{"finding":{"osv":"GO-2022-1059","fixed_version":"v0.3.8","trace":[{"module":"golang.org/x/text","version":"v0.3.7","package":"golang.org/x/text/language"}]}}
{"finding":{"osv":"GO-2022-1059","fixed_version":"v0.3.8","trace":[
  {"module":"golang.org/x/text","version":"v0.3.7","package":"golang.org/x/text/language","function":"ParseAcceptLanguage","position":{"filename":"language/parse.go","line":159}},
  {"module":"example.org/jwt","version":"v4.5.1","package":"example.org/jwt/v4","function":"Parse","receiver":"*Parser","position":{"filename":"parser.go","line":7}},
  {"module":"example.com/monorepo","package":"example.com/monorepo/apps/probe","function":"accept","receiver":"*server","position":{"filename":"apps/probe/main.go","line":12}},
  {"module":"example.com/monorepo","package":"example.com/monorepo/apps/probe","function":"main","position":{"filename":"apps/probe/main.go","line":20}}]}}
{"finding":{"osv":"GO-2022-1059","fixed_version":"v0.3.8","trace":[
  {"module":"golang.org/x/text","version":"v0.3.7","package":"golang.org/x/text/language","function":"MatchStrings"},
  {"module":"example.com/monorepo","package":"example.com/monorepo/apps/probe","function":"main"}]}}
`

func TestParseSortsFindingsByLevel(t *testing.T) {
	rep, err := Parse(strings.NewReader(stream))
	require.NoError(t, err)
	assert.Equal(t, "go1.26.11", rep.GoVersion)
	assert.Equal(t, 1, rep.Imported)
	assert.Equal(t, 1, rep.Required)
	require.Len(t, rep.Reachable, 1)
	assert.Equal(t, Vuln{
		ID:      "GO-2022-1059",
		Summary: "Denial of service via crafted Accept-Language header in golang.org/x/text/language",
		Module:  "golang.org/x/text",
		Version: "v0.3.7",
		Fixed:   "v0.3.8",
		// From our entry point to the vulnerable symbol; the first trace is kept.
		Path: []string{
			"probe.main (apps/probe/main.go:20)",
			"probe.server.accept (apps/probe/main.go:12)",
			"jwt.Parser.Parse (parser.go:7)",
			"language.ParseAcceptLanguage (language/parse.go:159)",
		},
	}, rep.Reachable[0])
}

func TestWriteNamesEachAdvisory(t *testing.T) {
	rep, err := Parse(strings.NewReader(stream))
	require.NoError(t, err)
	var b strings.Builder
	rep.Write(&b, "./...")
	out := b.String()
	assert.Contains(t, out, "vulncheck: 1 known vulnerability reachable from ./... (govulncheck, go1.26.11, db file:///db):")
	assert.Contains(t, out, "GO-2022-1059  golang.org/x/text@v0.3.7, fixed in v0.3.8")
	assert.Contains(t, out, "      language.ParseAcceptLanguage (language/parse.go:159)")
	assert.NotContains(t, out, "GO-2099")
}

func TestWriteIsOneLineWhenNothingIsCalled(t *testing.T) {
	rep, err := Parse(strings.NewReader(strings.ReplaceAll(stream, `"function":`, `"unused":`)))
	require.NoError(t, err)
	var b strings.Builder
	rep.Write(&b, "./...")
	assert.Equal(t, "vulncheck: no known vulnerability reachable from ./... (govulncheck, go1.26.11, db file:///db; 2 more in imported packages and 1 in required modules, none called)\n", b.String())
}

func TestParseRejectsWhatItCannotJudge(t *testing.T) {
	_, err := Parse(strings.NewReader(`{"progress":{"message":"x"}}`))
	assert.ErrorContains(t, err, "no config message")
	_, err = Parse(strings.NewReader(`{"config":{"scan_level":"module"}}`))
	assert.ErrorContains(t, err, `level "module"`)
	_, err = Parse(strings.NewReader(`{"config":`))
	assert.ErrorContains(t, err, "reading govulncheck's JSON output")
}
