"""The pinned generators of //tools/generate, as flags for a go_binary or go_test that runs it."""

# Built by Bazel from go.mod's pins (the go command builds them under go run/test).
GENERATORS = {
    "mockgen": "@org_uber_go_mock//mockgen",
    "protoc": "//tools/proto/protoc",
    "protoc-gen-go": "@org_golang_google_protobuf//cmd/protoc-gen-go",
    "protoc-gen-go-grpc": "@org_golang_google_grpc_cmd_protoc_gen_go_grpc//:protoc-gen-go-grpc",
}

# The go command the generators run (mockgen formats with it).
_GO = "@go_sdk//:bin/go"

# generate's flags: -go=PATH and -tool=NAME=PATH for each generator.
GENERATOR_ARGS = ["-go=$(rootpath %s)" % _GO] + ["-tool=%s=$(rootpath %s)" % (name, label) for name, label in GENERATORS.items()]

# What those flags name, for data.
GENERATOR_DATA = GENERATORS.values() + [_GO]
