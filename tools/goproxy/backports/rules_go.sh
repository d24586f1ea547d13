#!/usr/bin/env bash
# Back-ports rules_go to Bazel 4.2.3 (hand-written). Run by go_proxy_module in the
# extracted module's root. Each edit names the newer Bazel API it replaces.
# shellcheck disable=SC2016 # single-quoted perl code: $1 and @ are perl's, not the shell's
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# read_user_netrc (Bazel 5.1): only go_download_sdk's URL downloads used it; this
# repo wraps an SDK fetched by `go mod download` (go_wrap_sdk), so no auth is needed.
required go/private/sdk.bzl \
  's{"patch", "read_user_netrc", "use_netrc"\)}{"patch")}' \
  "read_user_netrc/use_netrc load"
required go/private/sdk.bzl \
  's{use_netrc\(read_user_netrc\(ctx\), urls, \{\}\)}{\{\}}' \
  "read_user_netrc call"

# repository_ctx.os.arch (Bazel 5.1): ask uname instead.
required go/private/sdk.bzl \
  's{goarch = ctx\.os\.arch\n}{goarch = ctx.execute(["uname", "-m"]).stdout.strip()  # back-port: no os.arch in Bazel 4.2.3\n}' \
  "repository_ctx.os.arch"

# actions.run(toolchain = ...) (Bazel 6, automatic exec groups): 4.2.3 rejects the
# keyword; without it the action runs on the rule's single execution platform.
for f in go/private/actions/compilepkg.bzl go/private/actions/link.bzl \
  go/private/actions/stdlib.bzl go/private/rules/test.bzl go/private/rules/nogo.bzl \
  go/private/rules/binary.bzl; do
  required "$f" 's{\n\s*toolchain = (GO_TOOLCHAIN_LABEL|GO_TOOLCHAIN|None),(?=\n)}{}g' \
    "actions.run(toolchain=) in $f"
done
optional proto/compiler.bzl 's{\n\s*toolchain = GO_TOOLCHAIN_LABEL,(?=\n)}{}g' \
  "actions.run(toolchain=) in proto/compiler.bzl"
optional extras/gomock.bzl 's{\n\s*toolchain = GO_TOOLCHAIN_LABEL,(?=\n)}{}g' \
  "actions.run(toolchain=) in extras/gomock.bzl"

# runfiles.merge_all (Bazel 5.3): fold with runfiles.merge, in a file of our own.
cat >go/private/bazel4_merge_all.bzl <<'BZL'
"""Back-port of runfiles.merge_all (Bazel 5.3) for Bazel 4.2.3 (written by tools/goproxy/backports/rules_go.sh)."""

def bazel4_merge_all(runfiles, others):
    for other in others:
        runfiles = runfiles.merge(other)
    return runfiles
BZL
# prepend_load FILE ARGS WHY: load(ARGS) before the file's first load.
prepend_load() { required "$1" 's{\A((?:#[^\n]*\n|\n)*)load\(}{$1load('"$2"')\nload(}' "$3"; }
merge_all='"//go/private:bazel4_merge_all.bzl", "bazel4_merge_all"'
required go/private/actions/archive.bzl \
  's{source\.runfiles\.merge_all\(files\)}{bazel4_merge_all(source.runfiles, files)}' \
  "runfiles.merge_all in archive.bzl"
prepend_load go/private/actions/archive.bzl "$merge_all" "load bazel4_merge_all in archive.bzl"
required go/private/context.bzl \
  's{go\._ctx\.runfiles\(transitive_files = files\)\.merge_all\(}{bazel4_merge_all(go._ctx.runfiles(transitive_files = files), }' \
  "runfiles.merge_all in context.bzl"
prepend_load go/private/context.bzl "$merge_all" "load bazel4_merge_all in context.bzl"

# Label.repo_name (Bazel 7): Bazel 4.2.3 calls it workspace_name.
required go/private/rules/test.bzl 's{ctx\.label\.repo_name}{ctx.label.workspace_name}g' "Label.repo_name in test.bzl"
required go/private/context.bzl 's{scope\.repo_name != label\.repo_name}{scope.workspace_name != label.workspace_name}' "Label.repo_name in context.bzl"

# RunEnvironmentInfo (Bazel 5.3): testing.TestEnvironment is its Bazel 4 form.
required go/private/rules/binary.bzl 's{RunEnvironmentInfo\(environment = env\)}{testing.TestEnvironment(env)}' "RunEnvironmentInfo in binary.bzl"
# Its inherited_environment (env_inherit) came in Bazel 5: dropped here.
required go/private/rules/test.bzl 's{RunEnvironmentInfo\(env, ctx\.attr\.env_inherit\)}{testing.TestEnvironment(env)}' "RunEnvironmentInfo in test.bzl"

# Optional toolchains, config_common.toolchain_type(mandatory = False) (Bazel 6.1):
# drop the C++ toolchain type. Bazel 4.2.3 resolves C++ toolchains without toolchain
# resolution by default, so find_cpp_toolchain(ctx) reads the _cc_toolchain
# attribute, and pure (CGO off) builds cross-compile without a C++ cross toolchain.
required go/private/context.bzl \
  's{config_common\.toolchain_type\("\@bazel_tools//tools/cpp:toolchain_type", mandatory = False\),}{# back-port: no optional toolchains in Bazel 4.2.3, see tools/goproxy/backports/rules_go.sh}' \
  "optional C++ toolchain type"
required go/private/context.bzl 's{find_cpp_toolchain\(ctx, mandatory = False\)}{find_cpp_toolchain(ctx)}' "find_cpp_toolchain(mandatory=)"
required go/private/context.bzl 's{tools/cpp:optional_current_cc_toolchain}{tools/cpp:current_cc_toolchain}' "optional_current_cc_toolchain"
optional proto/compiler.bzl 's{config_common\.toolchain_type\(toolchain_type, mandatory = False\)}{toolchain_type}' "optional proto toolchain type"

# configuration_field(fragment = "coverage") (Bazel 5): 4.2.3 has no such fragment;
# point the merger at the @remote_coverage_tools shim (tools/shims) instead.
required go/private/rules/test.bzl \
  's{configuration_field\(fragment = "coverage", name = "output_generator"\)}{"\@remote_coverage_tools//:lcov_merger"}' \
  "coverage output_generator"

# Transition keys "//go/config:..." (Bazel 5 resolves them in the defining repo;
# Bazel 4.2.3 in the main repo): spell out the repository.
for f in go/private/rules/transition.bzl go/private/rules/binary.bzl go/private/go_toolchain.bzl go/platform/list.bzl; do
  required "$f" 's{"//go/(config|private|toolchain)}{"\@io_bazel_rules_go//go/$1}g' "transition labels in $f"
done

# str(Label) of a main-repository label (Bazel 6 prints "@@//pkg"): Bazel 4.2.3 prints
# "//pkg", which the generated @io_bazel_rules_nogo//:scope.bzl would then read as
# its own repository; nogo's includes = ["@//:__subpackages__"] would match nothing.
required go/private/nogo.bzl \
  's{return "Label\(\\"\{\}\\"\)"\.format\(label\)}{return "Label(\\"{}{}\\")".format("" if label.workspace_name else "@", label)}' \
  "main-repository Label string in nogo scope.bzl"

# %{label} in progress messages (Bazel 5): 4.2.3 prints it as is; put the label in.
required go/private/actions/compilepkg.bzl \
  's{progress_message = "(Running nogo on|Validating nogo output for) %\{label\}"}{progress_message = "$1 %s" % go.label}g' \
  "%{label} in nogo progress messages"

# gopackagesdriver reads the Bazel version from `bazel info release`; Debian's
# bazel-bootstrap 4.2.3 is built without one ("development version"), which the
# driver takes as the newest Bazel and so passes 6.4's --consistent_labels.
required go/tools/gopackagesdriver/bazel.go \
  's{strings\.Split\(b\.info\["release"\], " "\)}{strings.Split(strings.Replace(b.info["release"], "development version", "release 4.2.3", 1), " ")}' \
  "gopackagesdriver: Bazel version of Debian's unstamped build"

# One standard library per (platform, mode), not one per path to it. Bazel 4.2.3
# names a Starlark transition's output directory (ST-<hash>) by the options map as
# the transition leaves it, and a transition that changes nothing keeps its
# parent's directory; Bazel 7 names it by the difference to the top-level options.
# go_stdlib_transition normalizes the Go settings, yet reached from a go_library
# (no change: k8-fastbuild), from go_context_data (request_nogo on) and from
# coverdata (request_nogo off again) the same options land in three directories,
# and GoStdlib runs in each. A setting only this transition sets makes it always
# change something, so the directory is always the hash of the same options.
required go/private/rules/transition.bzl \
  's{(\n    settings\["\@io_bazel_rules_go//go/private:bootstrap_nogo"\] = False\n    return settings\n\ngo_stdlib_transition = transition\(\n    implementation = _go_stdlib_transition_impl,\n    inputs = _reset_transition_keys,\n    outputs = _reset_transition_keys)(,\n\))}{\n    settings["\@io_bazel_rules_go//go/private:stdlib_configuration"] = True  # back-port: see tools/goproxy/backports/rules_go.sh$1 + ["\@io_bazel_rules_go//go/private:stdlib_configuration"]$2}' \
  "go_stdlib_transition: one output directory per standard library"
# The exec configuration's standard library is the target's when both are the
# same platform. The GoStdlib action depends only on the Go settings (pure: no C
# flags) and the platform, yet the exec configuration's directory,
# k8-<host_compilation_mode>-exec-<hash>, differs from the target's by its
# platform suffix, so a cold build compiled the whole standard library twice
# (71 s each on 2 cores, tools/bench/README.md). .bazelrc sets
# --host_compilation_mode=fastbuild (Go tools compile the same either way); here
# the standard library's configuration replaces the platform suffix by one that
# names its platform: "" when it builds for the host platform, go-<hash of
# --platforms> otherwise. A standard library for the host then has one directory
# and Bazel runs the target's and the exec's identical GoStdlib actions once
# (shared actions); other platforms, or the host under -c opt/dbg, keep their own.
cat >go/private/bazel4_stdlib_platform.bzl <<'BZL'
"""The standard library's directory by platform, not exec-ness (written by tools/goproxy/backports/rules_go.sh)."""

BAZEL4_STDLIB_PLATFORM_OUTPUTS = ["//command_line_option:platform_suffix"]

BAZEL4_STDLIB_PLATFORM_INPUTS = BAZEL4_STDLIB_PLATFORM_OUTPUTS + [
    "//command_line_option:host_platform",
    "//command_line_option:platforms",
]

def bazel4_stdlib_platform(settings):
    """Sets the platform suffix in go_stdlib_transition's settings; see rules_go.sh."""
    host = str(settings.pop("//command_line_option:host_platform") or "@local_config_platform//:host")
    platforms = [str(p) for p in settings.pop("//command_line_option:platforms")] or [host]
    suffix = settings["//command_line_option:platform_suffix"] or ""
    if suffix.startswith("-exec-"):  # the exec transition's: -exec-<hash of the exec platform>
        suffix = ""
    if platforms != [host]:
        suffix += "-go-%d" % (hash(",".join(platforms)) % 1000000007)
    settings["//command_line_option:platform_suffix"] = suffix
BZL
required go/private/rules/transition.bzl \
  's{(\n    settings\["\@io_bazel_rules_go//go/private:bootstrap_nogo"\] = False\n)(    return settings\n\ngo_stdlib_transition = transition\(\n    implementation = _go_stdlib_transition_impl,\n    inputs = _reset_transition_keys)(,\n    outputs = _reset_transition_keys \+ \["\@io_bazel_rules_go//go/private:stdlib_configuration"\])}{$1    bazel4_stdlib_platform(settings)  # back-port: see tools/goproxy/backports/rules_go.sh\n$2 + BAZEL4_STDLIB_PLATFORM_INPUTS$3 + BAZEL4_STDLIB_PLATFORM_OUTPUTS}' \
  "go_stdlib_transition: exec and target share one standard library"
prepend_load go/private/rules/transition.bzl \
  '"//go/private:bazel4_stdlib_platform.bzl", "BAZEL4_STDLIB_PLATFORM_INPUTS", "BAZEL4_STDLIB_PLATFORM_OUTPUTS", "bazel4_stdlib_platform"' \
  "load bazel4_stdlib_platform in transition.bzl"

cat >>go/private/BUILD.bazel <<'BZL'

# Set only by go_stdlib_transition (written by tools/goproxy/backports/rules_go.sh).
bool_setting(
    name = "stdlib_configuration",
    build_setting_default = False,
    visibility = ["//visibility:public"],
)
BZL

# One exec configuration for Go tools: go_tool_transition (nogo, builders) resets
# --@io_bazel_rules_go//go/config:pure to False while the tools our rules run
# (cfg = "exec") keep the repo's pure = True (.bazelrc), so the standard library
# and every package both use were built twice, with and without cgo. No tool here
# needs cgo: tools inherit pure like everything else.
required go/private/rules/transition.bzl \
  's{\n    "\@io_bazel_rules_go//go/config:pure": False,\n(    "\@io_bazel_rules_go//go/config:debug": False,)}{\n    # back-port: pure is inherited, see tools/goproxy/backports/rules_go.sh\n$1}' \
  "go_tool_transition: tools keep pure"

# The standard library before the builder (performance, not Bazel 4.2.3). rules_go
# builds its builder with `go build` (go_tool_binary: GoToolchainBinaryBuild),
# which compiles about 140 standard packages, and then runs it to compile all
# of them again (GoStdlib); every Go action waits for both. go_bootstrap does it
# the other way round in one action (GoBootstrap): `go install -trimpath std`,
# then the builder and cmd/pack with the same Go build cache, so only their own
# packages are new; a cold build is about 15 s shorter (tools/bench/README.md,
# item 7). Its standard library is go_sdk's `libs`, used for the pure (cgo off)
# mode on the SDK's platform; other modes and platforms keep GoStdlib. go_sdk
# and the builder are both exec dependencies of go_toolchain, so the action runs
# once, as long as nothing else depends on @go_sdk//:go_sdk (tools/oci's SBOM
# reads the SDK's version from the toolchain for this reason; remote_cache.sh
# counts the action).
here=$(dirname "${BASH_SOURCE[0]}")/rules_go
cp "$here/go_bootstrap.bzl" "$here/go_bootstrap.sh" go/private/rules/
cat >>go/private/rules/BUILD.bazel <<'BZL'

# go_bootstrap's action (written by tools/goproxy/backports/rules_go.sh).
exports_files(["go_bootstrap.sh"])
BZL
required go/private/BUILD.sdk.bazel \
  's{load\("\@io_bazel_rules_go//go/private/rules:binary\.bzl", "go_tool_binary"\)}{load("\@io_bazel_rules_go//go/private/rules:go_bootstrap.bzl", "go_bootstrap", "go_bootstrap_tool")}' \
  "@go_sdk: load go_bootstrap"
required go/private/BUILD.sdk.bazel \
  's{filegroup\(\n    name = "libs",\n    srcs = glob\(\n        \["pkg/\{goos\}_\{goarch\}/\*\*/\*\.a"\],\n        allow_empty = True,\n        exclude = \["pkg/\{goos\}_\{goarch\}/\*\*/cmd/\*\*"\],\n    \),\n\)}{# back-port: built by go_bootstrap, see tools/goproxy/backports/rules_go.sh\nfilegroup(\n    name = "libs",\n    srcs = [":bootstrap"],\n)}' \
  "@go_sdk: libs from go_bootstrap"
required go/private/BUILD.sdk.bazel \
  's{go_tool_binary\(\n    name = "builder",\n    srcs = \["\@io_bazel_rules_go//go/tools/builders:builder_srcs"\],\n    exec_compatible_with = \{exec_compatible_with\},\n    ldflags = ("-X main\.rulesGoStdlibPrefix=\{\}"\.format\(RULES_GO_STDLIB_PREFIX\)),\n    sdk = ":go_sdk",\n(?:    #[^\n]*\n)*    out_pack = "pack\.exe",\n\)}{# back-port: the standard library, the builder and pack in one action, see\n# tools/goproxy/backports/rules_go.sh. pack_srcs is in src/cmd, a package of its\n# own (tools/goproxy/repositories.bzl).\ngo_bootstrap(\n    name = "bootstrap",\n    srcs = [":srcs"],\n    builder_ldflags = $1,\n    builder_srcs = ["\@io_bazel_rules_go//go/tools/builders:builder_srcs"],\n    exec_compatible_with = {exec_compatible_with},\n    go = "bin/go{exe}",\n    headers = [":headers"],\n    pack_srcs = ["//src/cmd:pack_srcs"],\n    platform = "{goos}_{goarch}",\n    root_file = "ROOT",\n    tools = [":tools"],\n)\n\ngo_bootstrap_tool(\n    name = "builder",\n    bootstrap = ":bootstrap",\n    output_group = "builder",\n)\n\ngo_bootstrap_tool(\n    name = "pack.exe",\n    bootstrap = ":bootstrap",\n    output_group = "pack",\n)}' \
  "@go_sdk: builder and pack from go_bootstrap"
required go/private/actions/stdlib.bzl \
  's{            not go\.mode\.pure and\n}{            go.mode.pure and  # back-port: go_bootstrap'"'"'s libs are pure, see tools/goproxy/backports/rules_go.sh\n            not go.mode.tags and\n            not go.mode.amd64 and\n            not go.mode.arm and\n            not go.mode.pgoprofile and\n            not go.sdk.experiments and\n}' \
  "GoStdLib: go_bootstrap's libs for the pure mode"
required go/private/actions/stdlib.bzl \
  's{(        libs = go\.sdk\.libs,\n)        root_file = go\.sdk\.root_file,}{$1        root_file = go.sdk.libs.to_list()[0],  # back-port: go_bootstrap'"'"'s pkg tree, see tools/goproxy/backports/rules_go.sh}' \
  "GoStdLib: go_bootstrap's pkg tree as GOROOT"
