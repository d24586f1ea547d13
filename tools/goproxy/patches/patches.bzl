"""The patch series of the rule sets fetched through the Go proxy, in the order they apply."""

# bazel4/: back-ports of newer Bazel APIs to Bazel 4.2.3, named by the API; perf/: performance
# changes, applied after them; messages/: clearer errors, applied last. Each patch's header says why and what makes it unnecessary.
# go_proxy_module applies them with repository_ctx.patch (strip 1); README.md beside this file
# says how to add one and how to move a rule set to a new version.
PATCHES = {
    "io_bazel_rules_go": [
        "//tools/goproxy/patches:bazel4/rules_go/read_user_netrc.patch",
        "//tools/goproxy/patches:bazel4/rules_go/repository_ctx.os.arch.patch",
        "//tools/goproxy/patches:bazel4/rules_go/actions.run-toolchain.patch",
        "//tools/goproxy/patches:bazel4/rules_go/runfiles.merge_all.patch",
        "//tools/goproxy/patches:bazel4/rules_go/Label.repo_name.patch",
        "//tools/goproxy/patches:bazel4/rules_go/RunEnvironmentInfo.patch",
        "//tools/goproxy/patches:bazel4/rules_go/config_common.toolchain_type-mandatory.patch",
        "//tools/goproxy/patches:bazel4/rules_go/configuration_field-coverage.patch",
        "//tools/goproxy/patches:bazel4/rules_go/transition-labels.patch",
        "//tools/goproxy/patches:bazel4/rules_go/str-Label-main-repo.patch",
        "//tools/goproxy/patches:bazel4/rules_go/progress_message-label.patch",
        "//tools/goproxy/patches:bazel4/rules_go/bazel_info_release-unstamped.patch",
        "//tools/goproxy/patches:bazel4/rules_go/configuration_field-proto_compiler.patch",
        "//tools/goproxy/patches:perf/rules_go/stdlib-one-configuration.patch",
        "//tools/goproxy/patches:perf/rules_go/stdlib-exec-shares-target.patch",
        "//tools/goproxy/patches:perf/rules_go/tools-keep-pure.patch",
        "//tools/goproxy/patches:perf/rules_go/go_bootstrap.patch",
        "//tools/goproxy/patches:messages/rules_go/nogo-compile-errors.patch",
    ],
    "bazel_gazelle": [
        "//tools/goproxy/patches:bazel4/gazelle/read_user_netrc.patch",
        "//tools/goproxy/patches:bazel4/gazelle/REPO.bazel.patch",
        "//tools/goproxy/patches:bazel4/gazelle/skylib-unittest.patch",
        "//tools/goproxy/patches:bazel4/gazelle/str-Label-main-repo.patch",
        "//tools/goproxy/patches:bazel4/gazelle/relative-Label.patch",
        "//tools/goproxy/patches:bazel4/gazelle/rlocationpath.patch",
        "//tools/goproxy/patches:perf/gazelle/go_repository_tools-no-srcs-check.patch",
        "//tools/goproxy/patches:perf/gazelle/go_repository_tools-trimpath.patch",
        "//tools/goproxy/patches:messages/gazelle/go_repository-sum_mismatch.patch",
    ],
}
