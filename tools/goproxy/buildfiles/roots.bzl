"""Which go.mod modules are fetched with BUILD files generated ahead of time, and which of their packages.

These are the modules the first `bazel run //apps/hello_world` needs: nogo's
analyzers and rules_go's nogo driver. Fetched by Gazelle's go_repository, they
would make every new output base build Gazelle's repository tools first
(about 30 s on 2 cores). buildfiles.bzl holds their BUILD files for each root
below and every package it depends on, as Gazelle generates them (tests left
out); `bazel run //tools/goproxy/buildfiles` rewrites it, and
//tools/goproxy/buildfiles:buildfiles_test fails when it is stale.
"""

# Package directories, relative to the module root; DIR/* is every package right
# below DIR. A package the build needs and that is missing here fails to load
# with a message naming this file.
ROOTS = {
    "com_github_pmezard_go_difflib": [
        "difflib",  # rules_go's nogo (fixes as diffs), testify
    ],
    "org_golang_x_tools": [
        # Every analyzer, whichever of them nogo runs (tools/lint/vet_analyzers.bzl)
        "go/analysis/passes/*",
        # rules_go's nogo driver (go/tools/builders)
        "go/analysis",
        "go/gcexportdata",
        "internal/facts",
        # golang.org/x/vuln (//:vulncheck)
        "go/buildutil",
        "go/callgraph",
        "go/callgraph/cha",
        "go/callgraph/vta",
        "go/packages",
        "go/ssa",
        "go/types/typeutil",
        # go.uber.org/mock's mockgen (//tools/generate)
        "imports",
    ],
}
