"""@com_google_protobuf//bazel/common:proto_info.bzl: Bazel 4.2.3's built-in ProtoInfo, which native proto_library returns (a shim)."""

load(":native.bzl", "NativeProtoInfo")

ProtoInfo = NativeProtoInfo
