"""BUILD files of go.mod modules, generated ahead of time by `bazel run //tools/goproxy/buildfiles`: do not edit.

tools/goproxy/go_repository.bzl fetches these modules without Gazelle while
their version here matches go_deps.bzl; roots.bzl says which packages.
"""

BUILD_FILES = {
    "com_github_pmezard_go_difflib": {
        "version": "v1.0.0",
        "packages": {
            "difflib": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "difflib",
    srcs = ["difflib.go"],
    importpath = "github.com/pmezard/go-difflib/difflib",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":difflib",
    visibility = ["//visibility:public"],
)
""",
        },
    },
    "org_golang_x_tools": {
        "version": "v0.52.0",
        "packages": {
            "go/analysis": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "analysis",
    srcs = [
        "analysis.go",
        "diagnostic.go",
        "doc.go",
        "validate.go",
    ],
    importpath = "golang.org/x/tools/go/analysis",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":analysis",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/appends": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "appends",
    srcs = [
        "appends.go",
        "doc.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/appends",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":appends",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/asmdecl": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "asmdecl",
    srcs = ["asmdecl.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/asmdecl",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":asmdecl",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/assign": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "assign",
    srcs = [
        "assign.go",
        "doc.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/assign",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/refactor",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":assign",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/atomic": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "atomic",
    srcs = [
        "atomic.go",
        "doc.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/atomic",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":atomic",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/atomicalign": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "atomicalign",
    srcs = ["atomicalign.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/atomicalign",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":atomicalign",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/bools": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "bools",
    srcs = ["bools.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/bools",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/astutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":bools",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/buildssa": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "buildssa",
    srcs = ["buildssa.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/buildssa",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/ctrlflow",
        "//go/ssa",
    ],
)

alias(
    name = "go_default_library",
    actual = ":buildssa",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/buildtag": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "buildtag",
    srcs = ["buildtag.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/buildtag",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":buildtag",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/cgocall": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "cgocall",
    srcs = [
        "cgocall.go",
        "cgocall_go120.go",
        "cgocall_go121.go",
    ],
    importpath = "golang.org/x/tools/go/analysis/passes/cgocall",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":cgocall",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/composite": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "composite",
    srcs = [
        "composite.go",
        "whitelist.go",
    ],
    importpath = "golang.org/x/tools/go/analysis/passes/composite",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":composite",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/copylock": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "copylock",
    srcs = ["copylock.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/copylock",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/astutil",
        "//internal/typeparams",
        "//internal/typesinternal",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":copylock",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/ctrlflow": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "ctrlflow",
    srcs = ["ctrlflow.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/ctrlflow",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/cfg",
        "//go/types/typeutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":ctrlflow",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/deepequalerrors": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "deepequalerrors",
    srcs = ["deepequalerrors.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/deepequalerrors",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":deepequalerrors",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/defers": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "defers",
    srcs = [
        "defers.go",
        "doc.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/defers",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":defers",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/directive": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "directive",
    srcs = ["directive.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/directive",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":directive",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/errorsas": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "errorsas",
    srcs = ["errorsas.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/errorsas",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/analysis/typeindex",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":errorsas",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/fieldalignment": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "fieldalignment",
    srcs = ["fieldalignment.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/fieldalignment",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/astutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":fieldalignment",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/findcall": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "findcall",
    srcs = ["findcall.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/findcall",
    visibility = ["//visibility:public"],
    deps = ["//go/analysis"],
)

alias(
    name = "go_default_library",
    actual = ":findcall",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/framepointer": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "framepointer",
    srcs = ["framepointer.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/framepointer",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":framepointer",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/gofix": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "gofix",
    srcs = [
        "doc.go",
        "gofix.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/gofix",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/analysis/passes/internal/gofixdirective",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":gofix",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/hostport": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "hostport",
    srcs = ["hostport.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/hostport",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/types/typeutil",
        "//internal/analysis/typeindex",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":hostport",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/httpmux": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "httpmux",
    srcs = ["httpmux.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/httpmux",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/typesinternal",
        "@org_golang_x_mod//semver",
    ],
)

alias(
    name = "go_default_library",
    actual = ":httpmux",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/httpresponse": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "httpresponse",
    srcs = ["httpresponse.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/httpresponse",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":httpresponse",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/ifaceassert": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "ifaceassert",
    srcs = [
        "doc.go",
        "ifaceassert.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/ifaceassert",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":ifaceassert",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/inline": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "inline",
    srcs = [
        "doc.go",
        "inline.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/inline",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/analysis/passes/internal/gofixdirective",
        "//go/ast/edge",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/analysis/typeindex",
        "//internal/astutil",
        "//internal/moreiters",
        "//internal/packagepath",
        "//internal/refactor",
        "//internal/refactor/inline",
        "//internal/typesinternal",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":inline",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/inspect": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "inspect",
    srcs = ["inspect.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/inspect",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/ast/inspector",
    ],
)

alias(
    name = "go_default_library",
    actual = ":inspect",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/internal/gofixdirective": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "gofixdirective",
    srcs = ["gofixdirective.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/internal/gofixdirective",
    visibility = ["//go/analysis/passes:__subpackages__"],
    deps = [
        "//go/analysis",
        "//go/ast/inspector",
        "//internal/astutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":gofixdirective",
    visibility = ["//go/analysis/passes:__subpackages__"],
)
""",
            "go/analysis/passes/loopclosure": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "loopclosure",
    srcs = [
        "doc.go",
        "loopclosure.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/loopclosure",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":loopclosure",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/lostcancel": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "lostcancel",
    srcs = [
        "doc.go",
        "lostcancel.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/lostcancel",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/ctrlflow",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/cfg",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":lostcancel",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/modernize": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "modernize",
    srcs = [
        "any.go",
        "atomictypes.go",
        "bloop.go",
        "doc.go",
        "embedlit.go",
        "errorsastype.go",
        "fmtappendf.go",
        "forvar.go",
        "importcomment.go",
        "maps.go",
        "minmax.go",
        "modernize.go",
        "newexpr.go",
        "omitzero.go",
        "plusbuild.go",
        "rangeint.go",
        "reflect.go",
        "reflecttypeassert.go",
        "slices.go",
        "slicesbackward.go",
        "slicesclip.go",
        "slicescontains.go",
        "slicesdelete.go",
        "sortslice.go",
        "stditerators.go",
        "stringsbuilder.go",
        "stringscut.go",
        "stringscutprefix.go",
        "stringsseq.go",
        "testingcontext.go",
        "unsafefuncs.go",
        "waitgroupgo.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/modernize",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/edge",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/analysis/typeindex",
        "//internal/astutil",
        "//internal/cursorutil",
        "//internal/fmtstr",
        "//internal/moreiters",
        "//internal/packagepath",
        "//internal/refactor",
        "//internal/stdlib",
        "//internal/typeparams",
        "//internal/typesinternal",
        "//internal/typesinternal/typeindex",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":modernize",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/nilfunc": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "nilfunc",
    srcs = [
        "doc.go",
        "nilfunc.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/nilfunc",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":nilfunc",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/nilness": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "nilness",
    srcs = [
        "doc.go",
        "nilness.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/nilness",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/buildssa",
        "//go/ssa",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":nilness",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/pkgfact": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "pkgfact",
    srcs = ["pkgfact.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/pkgfact",
    visibility = ["//visibility:public"],
    deps = ["//go/analysis"],
)

alias(
    name = "go_default_library",
    actual = ":pkgfact",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/printf": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "printf",
    srcs = [
        "doc.go",
        "printf.go",
        "types.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/printf",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/edge",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/fmtstr",
        "//internal/typeparams",
        "//internal/typesinternal",
        "//internal/versions",
        "//refactor/satisfy",
    ],
)

alias(
    name = "go_default_library",
    actual = ":printf",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/reflectvaluecompare": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "reflectvaluecompare",
    srcs = [
        "doc.go",
        "reflectvaluecompare.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/reflectvaluecompare",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":reflectvaluecompare",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/scannererr": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "scannererr",
    srcs = ["scannererr.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/scannererr",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/edge",
        "//internal/analysis/typeindex",
        "//internal/moreiters",
        "//internal/typesinternal",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":scannererr",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/shadow": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "shadow",
    srcs = [
        "doc.go",
        "shadow.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/shadow",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":shadow",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/shift": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "shift",
    srcs = [
        "dead.go",
        "shift.go",
    ],
    importpath = "golang.org/x/tools/go/analysis/passes/shift",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/astutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":shift",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/sigchanyzer": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "sigchanyzer",
    srcs = [
        "doc.go",
        "sigchanyzer.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/sigchanyzer",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":sigchanyzer",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/slog": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "slog",
    srcs = [
        "doc.go",
        "slog.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/slog",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":slog",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/sortslice": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "sortslice",
    srcs = ["analyzer.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/sortslice",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":sortslice",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/sqlrowserr": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "sqlrowserr",
    srcs = ["sqlrowserr.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/sqlrowserr",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/edge",
        "//go/ast/inspector",
        "//internal/analysis/typeindex",
        "//internal/moreiters",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":sqlrowserr",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/stdmethods": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "stdmethods",
    srcs = [
        "doc.go",
        "stdmethods.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/stdmethods",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":stdmethods",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/stdversion": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "stdversion",
    srcs = ["stdversion.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/stdversion",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/stdlib",
        "//internal/typesinternal",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":stdversion",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/stringintconv": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "stringintconv",
    srcs = [
        "doc.go",
        "string.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/stringintconv",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/analysis/intconv",
    ],
)

alias(
    name = "go_default_library",
    actual = ":stringintconv",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/structtag": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "structtag",
    srcs = ["structtag.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/structtag",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
    ],
)

alias(
    name = "go_default_library",
    actual = ":structtag",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/testinggoroutine": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "testinggoroutine",
    srcs = [
        "doc.go",
        "testinggoroutine.go",
        "util.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/testinggoroutine",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":testinggoroutine",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/tests": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "tests",
    srcs = [
        "doc.go",
        "tests.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/tests",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":tests",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/timeformat": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "timeformat",
    srcs = [
        "doc.go",
        "timeformat.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/timeformat",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":timeformat",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/unmarshal": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "unmarshal",
    srcs = [
        "doc.go",
        "unmarshal.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/unmarshal",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":unmarshal",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/unreachable": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "unreachable",
    srcs = [
        "doc.go",
        "unreachable.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/unreachable",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/refactor",
    ],
)

alias(
    name = "go_default_library",
    actual = ":unreachable",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/unsafeptr": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "unsafeptr",
    srcs = [
        "doc.go",
        "unsafeptr.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/unsafeptr",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":unsafeptr",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/unusedresult": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "unusedresult",
    srcs = [
        "doc.go",
        "unusedresult.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/unusedresult",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/astutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":unusedresult",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/unusedwrite": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "unusedwrite",
    srcs = [
        "doc.go",
        "unusedwrite.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/unusedwrite",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/buildssa",
        "//go/ssa",
        "//internal/analysis/analyzerutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":unusedwrite",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/usesgenerics": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "usesgenerics",
    srcs = [
        "doc.go",
        "usesgenerics.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/usesgenerics",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/analysis/analyzerutil",
        "//internal/typeparams/genericfeatures",
    ],
)

alias(
    name = "go_default_library",
    actual = ":usesgenerics",
    visibility = ["//visibility:public"],
)
""",
            "go/analysis/passes/waitgroup": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "waitgroup",
    srcs = [
        "doc.go",
        "waitgroup.go",
    ],
    embedsrcs = ["doc.go"],
    importpath = "golang.org/x/tools/go/analysis/passes/waitgroup",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/analysis/analyzerutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":waitgroup",
    visibility = ["//visibility:public"],
)
""",
            "go/ast/astutil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "astutil",
    srcs = [
        "enclosing.go",
        "imports.go",
        "rewrite.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/go/ast/astutil",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":astutil",
    visibility = ["//visibility:public"],
)
""",
            "go/ast/edge": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "edge",
    srcs = ["edge.go"],
    importpath = "golang.org/x/tools/go/ast/edge",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":edge",
    visibility = ["//visibility:public"],
)
""",
            "go/ast/inspector": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "inspector",
    srcs = [
        "cursor.go",
        "inspector.go",
        "iter.go",
        "typeof.go",
        "walk.go",
    ],
    importpath = "golang.org/x/tools/go/ast/inspector",
    visibility = ["//visibility:public"],
    deps = ["//go/ast/edge"],
)

alias(
    name = "go_default_library",
    actual = ":inspector",
    visibility = ["//visibility:public"],
)
""",
            "go/buildutil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "buildutil",
    srcs = [
        "allpackages.go",
        "fakecontext.go",
        "overlay.go",
        "tags.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/go/buildutil",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":buildutil",
    visibility = ["//visibility:public"],
)
""",
            "go/callgraph": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "callgraph",
    srcs = [
        "callgraph.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/go/callgraph",
    visibility = ["//visibility:public"],
    deps = ["//go/ssa"],
)

alias(
    name = "go_default_library",
    actual = ":callgraph",
    visibility = ["//visibility:public"],
)
""",
            "go/callgraph/cha": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "cha",
    srcs = ["cha.go"],
    importpath = "golang.org/x/tools/go/callgraph/cha",
    visibility = ["//visibility:public"],
    deps = [
        "//go/callgraph",
        "//go/callgraph/internal/chautil",
        "//go/ssa",
        "//go/ssa/ssautil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":cha",
    visibility = ["//visibility:public"],
)
""",
            "go/callgraph/internal/chautil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "chautil",
    srcs = ["lazy.go"],
    importpath = "golang.org/x/tools/go/callgraph/internal/chautil",
    visibility = ["//go/callgraph:__subpackages__"],
    deps = [
        "//go/ssa",
        "//go/types/typeutil",
    ],
)

alias(
    name = "go_default_library",
    actual = ":chautil",
    visibility = ["//go/callgraph:__subpackages__"],
)
""",
            "go/callgraph/vta": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "vta",
    srcs = [
        "graph.go",
        "initial.go",
        "propagation.go",
        "utils.go",
        "vta.go",
    ],
    importpath = "golang.org/x/tools/go/callgraph/vta",
    visibility = ["//visibility:public"],
    deps = [
        "//go/callgraph",
        "//go/callgraph/internal/chautil",
        "//go/callgraph/vta/internal/trie",
        "//go/ssa",
        "//go/types/typeutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":vta",
    visibility = ["//visibility:public"],
)
""",
            "go/callgraph/vta/internal/trie": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "trie",
    srcs = [
        "bits.go",
        "builder.go",
        "scope.go",
        "trie.go",
    ],
    importpath = "golang.org/x/tools/go/callgraph/vta/internal/trie",
    visibility = ["//go/callgraph/vta:__subpackages__"],
)

alias(
    name = "go_default_library",
    actual = ":trie",
    visibility = ["//go/callgraph/vta:__subpackages__"],
)
""",
            "go/cfg": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "cfg",
    srcs = [
        "builder.go",
        "cfg.go",
    ],
    importpath = "golang.org/x/tools/go/cfg",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":cfg",
    visibility = ["//visibility:public"],
)
""",
            "go/gcexportdata": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "gcexportdata",
    srcs = [
        "gcexportdata.go",
        "importer.go",
    ],
    importpath = "golang.org/x/tools/go/gcexportdata",
    visibility = ["//visibility:public"],
    deps = ["//internal/gcimporter"],
)

alias(
    name = "go_default_library",
    actual = ":gcexportdata",
    visibility = ["//visibility:public"],
)
""",
            "go/internal/cgo": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "cgo",
    srcs = [
        "cgo.go",
        "cgo_pkgconfig.go",
    ],
    importpath = "golang.org/x/tools/go/internal/cgo",
    visibility = [
        "//go:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":cgo",
    visibility = [
        "//go:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "go/loader": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "loader",
    srcs = [
        "doc.go",
        "loader.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/go/loader",
    visibility = ["//visibility:public"],
    deps = [
        "//go/ast/astutil",
        "//go/buildutil",
        "//go/internal/cgo",
    ],
)

alias(
    name = "go_default_library",
    actual = ":loader",
    visibility = ["//visibility:public"],
)
""",
            "go/packages": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "packages",
    srcs = [
        "doc.go",
        "external.go",
        "golist.go",
        "golist_overlay.go",
        "loadmode_string.go",
        "packages.go",
        "visit.go",
    ],
    importpath = "golang.org/x/tools/go/packages",
    visibility = ["//visibility:public"],
    deps = [
        "//go/gcexportdata",
        "//internal/gocommand",
        "//internal/moremaps",
        "//internal/packagesinternal",
        "//internal/typesinternal",
        "@org_golang_x_sync//errgroup",
    ],
)

alias(
    name = "go_default_library",
    actual = ":packages",
    visibility = ["//visibility:public"],
)
""",
            "go/ssa": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "ssa",
    srcs = [
        "block.go",
        "blockopt.go",
        "builder.go",
        "const.go",
        "create.go",
        "doc.go",
        "dom.go",
        "emit.go",
        "func.go",
        "instantiate.go",
        "lift.go",
        "lvalue.go",
        "methods.go",
        "mode.go",
        "print.go",
        "sanity.go",
        "source.go",
        "ssa.go",
        "subst.go",
        "task.go",
        "typeset.go",
        "util.go",
        "wrappers.go",
    ],
    importpath = "golang.org/x/tools/go/ssa",
    visibility = ["//visibility:public"],
    deps = [
        "//go/types/typeutil",
        "//internal/typeparams",
        "//internal/typesinternal",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":ssa",
    visibility = ["//visibility:public"],
)
""",
            "go/ssa/ssautil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "ssautil",
    srcs = [
        "deprecated.go",
        "load.go",
        "switch.go",
        "visit.go",
    ],
    importpath = "golang.org/x/tools/go/ssa/ssautil",
    visibility = ["//visibility:public"],
    deps = [
        "//go/loader",
        "//go/packages",
        "//go/ssa",
    ],
)

alias(
    name = "go_default_library",
    actual = ":ssautil",
    visibility = ["//visibility:public"],
)
""",
            "go/types/objectpath": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "objectpath",
    srcs = ["objectpath.go"],
    importpath = "golang.org/x/tools/go/types/objectpath",
    visibility = ["//visibility:public"],
)

alias(
    name = "go_default_library",
    actual = ":objectpath",
    visibility = ["//visibility:public"],
)
""",
            "go/types/typeutil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "typeutil",
    srcs = [
        "callee.go",
        "imports.go",
        "map.go",
        "methodsetcache.go",
        "ui.go",
    ],
    importpath = "golang.org/x/tools/go/types/typeutil",
    visibility = ["//visibility:public"],
    deps = [
        "//internal/typeparams",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":typeutil",
    visibility = ["//visibility:public"],
)
""",
            "imports": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "imports",
    srcs = ["forward.go"],
    importpath = "golang.org/x/tools/imports",
    visibility = ["//visibility:public"],
    deps = [
        "//internal/gocommand",
        "//internal/imports",
    ],
)

alias(
    name = "go_default_library",
    actual = ":imports",
    visibility = ["//visibility:public"],
)
""",
            "internal/analysis/analyzerutil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "analyzerutil",
    srcs = [
        "doc.go",
        "extractdoc.go",
        "readfile.go",
        "version.go",
    ],
    importpath = "golang.org/x/tools/internal/analysis/analyzerutil",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/analysis",
        "//internal/packagepath",
        "//internal/stdlib",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":analyzerutil",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/analysis/intconv": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "intconv",
    srcs = ["intconv.go"],
    importpath = "golang.org/x/tools/internal/analysis/intconv",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/analysis",
        "//go/ast/inspector",
        "//internal/astutil",
        "//internal/refactor",
        "//internal/typeparams",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":intconv",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/analysis/typeindex": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "typeindex",
    srcs = ["typeindex.go"],
    importpath = "golang.org/x/tools/internal/analysis/typeindex",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/analysis",
        "//go/analysis/passes/inspect",
        "//go/ast/inspector",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":typeindex",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/astutil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "astutil",
    srcs = [
        "clone.go",
        "comment.go",
        "equal.go",
        "fields.go",
        "purge.go",
        "stringlit.go",
        "unpack.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/internal/astutil",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/ast/inspector",
        "//internal/cursorutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":astutil",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/astutil/free": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "free",
    srcs = ["free.go"],
    importpath = "golang.org/x/tools/internal/astutil/free",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":free",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/cursorutil": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "cursorutil",
    srcs = ["util.go"],
    importpath = "golang.org/x/tools/internal/cursorutil",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/ast/edge",
        "//go/ast/inspector",
    ],
)

alias(
    name = "go_default_library",
    actual = ":cursorutil",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/event": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "event",
    srcs = [
        "doc.go",
        "event.go",
    ],
    importpath = "golang.org/x/tools/internal/event",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//internal/event/core",
        "//internal/event/keys",
        "//internal/event/label",
    ],
)

alias(
    name = "go_default_library",
    actual = ":event",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/event/core": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "core",
    srcs = [
        "event.go",
        "export.go",
        "fast.go",
    ],
    importpath = "golang.org/x/tools/internal/event/core",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//internal/event/keys",
        "//internal/event/label",
    ],
)

alias(
    name = "go_default_library",
    actual = ":core",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/event/keys": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "keys",
    srcs = [
        "keys.go",
        "standard.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/internal/event/keys",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = ["//internal/event/label"],
)

alias(
    name = "go_default_library",
    actual = ":keys",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/event/label": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "label",
    srcs = ["label.go"],
    importpath = "golang.org/x/tools/internal/event/label",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":label",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/facts": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "facts",
    srcs = [
        "facts.go",
        "imports.go",
    ],
    importpath = "golang.org/x/tools/internal/facts",
    visibility = ["//visibility:public"],
    deps = [
        "//go/analysis",
        "//go/types/objectpath",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":facts",
    visibility = ["//visibility:public"],
)
""",
            "internal/fmtstr": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "fmtstr",
    srcs = ["parse.go"],
    importpath = "golang.org/x/tools/internal/fmtstr",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":fmtstr",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/gcimporter": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "gcimporter",
    srcs = [
        "bimport.go",
        "exportdata.go",
        "gcimporter.go",
        "iexport.go",
        "iimport.go",
        "predeclared.go",
        "support.go",
        "ureader.go",
    ],
    importpath = "golang.org/x/tools/internal/gcimporter",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/types/objectpath",
        "//internal/pkgbits",
    ],
)

alias(
    name = "go_default_library",
    actual = ":gcimporter",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/gocommand": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "gocommand",
    srcs = [
        "invoke.go",
        "invoke_notunix.go",
        "invoke_unix.go",
        "vendor.go",
        "version.go",
    ],
    importpath = "golang.org/x/tools/internal/gocommand",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//internal/event",
        "//internal/event/keys",
        "//internal/event/label",
        "@org_golang_x_mod//semver",
    ],
)

alias(
    name = "go_default_library",
    actual = ":gocommand",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/gopathwalk": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "gopathwalk",
    srcs = ["walk.go"],
    importpath = "golang.org/x/tools/internal/gopathwalk",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":gopathwalk",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/imports": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "imports",
    srcs = [
        "fix.go",
        "imports.go",
        "mod.go",
        "mod_cache.go",
        "sortimports.go",
        "source.go",
        "source_env.go",
    ],
    importpath = "golang.org/x/tools/internal/imports",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/ast/astutil",
        "//internal/event",
        "//internal/gocommand",
        "//internal/gopathwalk",
        "//internal/modindex",
        "//internal/stdlib",
        "@org_golang_x_mod//module",
        "@org_golang_x_sync//errgroup",
    ],
)

alias(
    name = "go_default_library",
    actual = ":imports",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/modindex": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "modindex",
    srcs = [
        "directories.go",
        "index.go",
        "lookup.go",
        "modindex.go",
        "symbols.go",
    ],
    importpath = "golang.org/x/tools/internal/modindex",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//internal/gopathwalk",
        "@org_golang_x_mod//module",
        "@org_golang_x_mod//semver",
        "@org_golang_x_sync//errgroup",
    ],
)

alias(
    name = "go_default_library",
    actual = ":modindex",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/moreiters": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "moreiters",
    srcs = ["iters.go"],
    importpath = "golang.org/x/tools/internal/moreiters",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":moreiters",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/moremaps": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "moremaps",
    srcs = ["maps.go"],
    importpath = "golang.org/x/tools/internal/moremaps",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":moremaps",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/packagepath": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "packagepath",
    srcs = ["packagepath.go"],
    importpath = "golang.org/x/tools/internal/packagepath",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":packagepath",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/packagesinternal": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "packagesinternal",
    srcs = ["packages.go"],
    importpath = "golang.org/x/tools/internal/packagesinternal",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":packagesinternal",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/pkgbits": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "pkgbits",
    srcs = [
        "codes.go",
        "decoder.go",
        "doc.go",
        "encoder.go",
        "flags.go",
        "reloc.go",
        "support.go",
        "sync.go",
        "syncmarker_string.go",
        "version.go",
    ],
    importpath = "golang.org/x/tools/internal/pkgbits",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":pkgbits",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/refactor": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "refactor",
    srcs = [
        "delete.go",
        "edit.go",
        "imports.go",
        "refactor.go",
    ],
    importpath = "golang.org/x/tools/internal/refactor",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/analysis",
        "//go/ast/edge",
        "//go/ast/inspector",
        "//internal/astutil",
        "//internal/packagepath",
        "//internal/typesinternal",
        "//internal/typesinternal/typeindex",
    ],
)

alias(
    name = "go_default_library",
    actual = ":refactor",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/refactor/inline": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "inline",
    srcs = [
        "callee.go",
        "calleefx.go",
        "doc.go",
        "escape.go",
        "falcon.go",
        "inline.go",
        "util.go",
    ],
    importpath = "golang.org/x/tools/internal/refactor/inline",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/ast/edge",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/astutil",
        "//internal/astutil/free",
        "//internal/cursorutil",
        "//internal/moremaps",
        "//internal/packagepath",
        "//internal/refactor",
        "//internal/typeparams",
        "//internal/typesinternal",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":inline",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/stdlib": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "stdlib",
    srcs = [
        "deps.go",
        "import.go",
        "manifest.go",
        "stdlib.go",
    ],
    importpath = "golang.org/x/tools/internal/stdlib",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":stdlib",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/typeparams": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "typeparams",
    srcs = [
        "common.go",
        "coretype.go",
        "free.go",
        "normalize.go",
        "termlist.go",
        "typeterm.go",
    ],
    importpath = "golang.org/x/tools/internal/typeparams",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":typeparams",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/typeparams/genericfeatures": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "genericfeatures",
    srcs = ["features.go"],
    importpath = "golang.org/x/tools/internal/typeparams/genericfeatures",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = ["//go/ast/inspector"],
)

alias(
    name = "go_default_library",
    actual = ":genericfeatures",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/typesinternal": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "typesinternal",
    srcs = [
        "assignedaddress.go",
        "classify_call.go",
        "element.go",
        "errorcode.go",
        "errorcode_string.go",
        "fx.go",
        "isnamed.go",
        "qualifier.go",
        "recv.go",
        "toonew.go",
        "types.go",
        "zerovalue.go",
    ],
    importpath = "golang.org/x/tools/internal/typesinternal",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/ast/edge",
        "//go/ast/inspector",
        "//internal/stdlib",
        "//internal/versions",
    ],
)

alias(
    name = "go_default_library",
    actual = ":typesinternal",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/typesinternal/typeindex": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "typeindex",
    srcs = ["typeindex.go"],
    importpath = "golang.org/x/tools/internal/typesinternal/typeindex",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
    deps = [
        "//go/ast/edge",
        "//go/ast/inspector",
        "//go/types/typeutil",
        "//internal/cursorutil",
        "//internal/typesinternal",
    ],
)

alias(
    name = "go_default_library",
    actual = ":typeindex",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "internal/versions": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "versions",
    srcs = [
        "features.go",
        "gover.go",
        "types.go",
        "versions.go",
    ],
    importpath = "golang.org/x/tools/internal/versions",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)

alias(
    name = "go_default_library",
    actual = ":versions",
    visibility = [
        "//:__subpackages__",
        "@org_golang_x_tools_go_expect//:__subpackages__",
        "@org_golang_x_tools_go_packages_packagestest//:__subpackages__",
        "@org_golang_x_tools_go_vcs//:__subpackages__",
    ],
)
""",
            "refactor/satisfy": """load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "satisfy",
    srcs = ["find.go"],
    importpath = "golang.org/x/tools/refactor/satisfy",
    visibility = ["//visibility:public"],
    deps = [
        "//go/types/typeutil",
        "//internal/typeparams",
    ],
)

alias(
    name = "go_default_library",
    actual = ":satisfy",
    visibility = ["//visibility:public"],
)
""",
        },
    },
}
