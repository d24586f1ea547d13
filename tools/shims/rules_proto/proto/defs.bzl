"""@rules_proto//proto:defs.bzl as Bazel 4.2.3's native proto rules (a shim); Gazelle writes this load."""

load("@com_google_protobuf//bazel/common:proto_info.bzl", _ProtoInfo = "ProtoInfo")

ProtoInfo = _ProtoInfo

def proto_library(**kwargs):
    native.proto_library(**kwargs)
