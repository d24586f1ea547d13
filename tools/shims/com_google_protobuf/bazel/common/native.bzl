"""Bazel 4.2.3's built-in ProtoInfo, under another name so that proto_info.bzl can export it as ProtoInfo (a shim)."""

NativeProtoInfo = ProtoInfo
