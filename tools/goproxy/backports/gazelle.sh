#!/usr/bin/env bash
# Back-ports gazelle to Bazel 4.2.3 (hand-written). Run by go_proxy_module in the
# extracted module's root. Each edit names the newer Bazel API it replaces.
# shellcheck disable=SC2016 # single-quoted perl code: $1 is perl's, not the shell's
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# read_user_netrc (Bazel 5.1): not in 4.2.3. Only go_repository's `urls` mode used
# it, for download auth; this repo fetches modules with `go mod download`, which
# reads ~/.netrc itself, so URL-mode downloads go without netrc auth.
required internal/go_repository.bzl \
  's{"patch", "read_user_netrc", "use_netrc"\)}{"patch")}' \
  "read_user_netrc/use_netrc load"
required internal/go_repository.bzl \
  's{\n\s*auth = use_netrc\(read_user_netrc\(ctx\), ctx\.attr\.urls, ctx\.attr\.auth_patterns\),}{}' \
  "read_user_netrc call"

# REPO.bazel + package_info (Bazel 7 / rules_license): Bazel 4.2.3 neither reads
# REPO.bazel nor has @rules_license; skip the generated package metadata.
required internal/go_repository.bzl \
  's{\n    if generate:\n(\s+# Do not override a REPO.bazel)}{\n    if False:  # back-port: no REPO.bazel in Bazel 4.2.3\n$1}' \
  "REPO.bazel/package_info generation"

# Module zips omit vendor/ (all but modules.txt), and go_repository_tools builds
# Gazelle in GOPATH mode from it: vendor it again. go.sum pins every module.
"$GO" mod vendor -e

# go_repository_tools builds Gazelle's fetch_repo and gazelle for every go_repository.
# Two edits make that a one-time cost per machine (tools/bench/README.md, item 8):
# - its `go run list_repository_tools_srcs -check` is a check for Gazelle's own developers
#   that go_repository_tools_srcs.bzl lists every source; a released zip cannot drift, and
#   compiling it took 9 s of a fresh machine's first build. Drop it.
required internal/go_repository_tools.bzl \
  's{\n    # Make sure the list of source is up to date\..*?fail\("list_repository_tools_srcs: " \+ result\.stderr\)\n}{\n}s' \
  "list_repository_tools_srcs -check in go_repository_tools.bzl"
# - it trims paths with -gcflags/-asmflags all=-trimpath=<its own directory>, a different
#   flag in every output base, so Go's build cache never serves a compile twice. `go install
#   -trimpath` strips them the same way from any directory; with the host build cache
#   (.bazelrc's GO_REPOSITORY_USE_HOST_CACHE) another clone then only links the tools.
required internal/go_repository_tools.bzl \
  's{"-gcflags",\n\s*"all=-trimpath=" \+ env\["GOPATH"\],\n\s*"-asmflags",\n\s*"all=-trimpath=" \+ env\["GOPATH"\],}{"-trimpath",}' \
  "per-directory -trimpath in go_repository_tools.bzl"

# Gazelle's own analysis tests use unittest.make's newer API (skylib 1.1+); Debian's
# skylib 1.0.3 cannot run them and they live in a package our gazelle() rule loads.
required internal/BUILD.bazel 's{\ngazelle_binary_test_suite\(\)\n}{\n}' "skylib unittest.suite in internal/BUILD.bazel"

# str(Label("@//:WORKSPACE")) is "@@//:WORKSPACE" on Bazel 6+ but "//:WORKSPACE" on
# Bazel 4.2.3, so the prefix taken from it is empty and Label("//:go_deps.bzl")
# resolves inside Gazelle's own repository: fall back to "@" (the main repo).
required internal/go_repository_config.bzl \
  's{macro_label_str = macro_label_prefix \+ "//:" \+ f}{macro_label_str = (macro_label_prefix or "\@") + "//:" + f}' \
  "main-repo label prefix in go_repository_config.bzl"

# gazelle_generation_test, for our golden tests (tools/gazelle). Label(":x")
# (relative labels, Bazel 5): spell out the package.
required internal/generationtest/generationtest.bzl \
  's{Label\(":generationtest_test"\)}{Label("\@bazel_gazelle//internal/generationtest:generationtest_test")}' \
  "relative Label() in generationtest.bzl"
# $(rlocationpath) (Bazel 5.4): Bazel 4.2.3 has $(rootpath), relative to the
# main repository's runfiles root ("../repo/..." for another repository), so
# the test joins it to TEST_WORKSPACE to get the runfiles path it looks up.
required internal/generationtest/generationtest.bzl \
  's{"-gazelle_binary_path=\$\(rlocationpath %s\)"}{"-gazelle_binary_path=\$(rootpath %s)"}' \
  "\$(rlocationpath) in generationtest.bzl"
required internal/generationtest/generation_test.go \
  's{runfiles\.Rlocation\(\*gazelleBinaryPath\)}{runfiles.Rlocation(path.Join(os.Getenv("TEST_WORKSPACE"), *gazelleBinaryPath))}' \
  "Rlocation of a \$(rootpath) in generation_test.go"
required internal/generationtest/generation_test.go 's{\n\t"io/fs"\n}{\n\t"io/fs"\n\t"os"\n\t"path"\n}' \
  "imports for the above in generation_test.go"
