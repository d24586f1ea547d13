"""@com_google_protobuf//bazel/common:proto_common.bzl for rules_go on Bazel 4.2.3 (a shim).

rules_go reads one field: proto toolchain resolution is off, so its proto
compilers take protoc from @com_google_protobuf//:protoc (a back-port patch,
tools/goproxy/patches/bazel4/rules_go/configuration_field-proto_compiler.patch).
"""

proto_common = struct(INCOMPATIBLE_ENABLE_PROTO_TOOLCHAIN_RESOLUTION = False)
