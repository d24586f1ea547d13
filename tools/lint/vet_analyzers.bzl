"""The analyzers nogo runs on our code (data only): `go vet`'s own suite, read by //tools/lint:nogo."""

# The list in $(go env GOROOT)/src/cmd/vet/main.go for the pinned Go SDK (1.26),
# from golang.org/x/tools as pinned in go.mod/go.sum. When the SDK moves, diff
# this against that file. Left out, as rules_go's own TOOLS_NOGO leaves it out:
# cgocall, which sees cgo-processed sources under nogo (rules_go #2396); every
# binary here is pure Go anyway (.bazelrc).
VET_ANALYZERS = ["@org_golang_x_tools//go/analysis/passes/%s" % name for name in [
    "appends",
    "asmdecl",
    "assign",
    "atomic",
    "bools",
    "buildtag",
    "composite",
    "copylock",
    "defers",
    "directive",
    "errorsas",
    "framepointer",
    "hostport",
    "httpresponse",
    "ifaceassert",
    "loopclosure",
    "lostcancel",
    "nilfunc",
    "printf",
    "shift",
    "sigchanyzer",
    "slog",
    "stdmethods",
    "stdversion",
    "stringintconv",
    "structtag",
    "testinggoroutine",
    "tests",
    "timeformat",
    "unmarshal",
    "unreachable",
    "unsafeptr",
    "unusedresult",
    "waitgroup",
]]
