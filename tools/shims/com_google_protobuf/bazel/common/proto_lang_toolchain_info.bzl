"""@com_google_protobuf//bazel/common:proto_lang_toolchain_info.bzl (a shim).

rules_go makes and reads this provider itself (its legacy proto toolchain, with
the proto_compiler field only); Bazel 4.2.3 has no Starlark one.
"""

ProtoLangToolchainInfo = provider(
    doc = "A protoc, for rules_go's proto compilers.",
    fields = {"proto_compiler": "FilesToRunProvider of protoc"},
)
