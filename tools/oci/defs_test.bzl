"""Tests that bad image targets fail at analysis (or loading) time with a message naming the target and the fix."""

load("@bazel_skylib//lib:unittest.bzl", "analysistest", "asserts", "unittest")
load("//tools/oci:defs.bzl", "oci_image", "oci_load", "oci_push")
load("//tools/oci:go_image.bzl", "check_platforms")

def _fails_with_impl(ctx):
    env = analysistest.begin(ctx)
    asserts.expect_failure(env, ctx.attr.message)
    return analysistest.end(env)

# Passes only if target_under_test fails analysis with an error containing `message`.
fails_with_test = analysistest.make(
    _fails_with_impl,
    expect_failure = True,
    attrs = {"message": attr.string(mandatory = True)},
)

def _check_platforms_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, None, check_platforms("image", ["linux/amd64", "linux/arm64"]))
    asserts.equals(
        env,
        "go_image image: platforms must start with linux/amd64 (the image of the binary `bazel run` executes), got [\"linux/arm64\"]",
        check_platforms("image", ["linux/arm64"]),
    )
    asserts.equals(
        env,
        "go_image image: platform \"linux/s390x\" is not one of linux/amd64, linux/arm64; add it to PLATFORMS in tools/oci/config.bzl.",
        check_platforms("image", ["linux/amd64", "linux/s390x"]),
    )
    return unittest.end(env)

_check_platforms_test = unittest.make(_check_platforms_test_impl)

def oci_bad_input_tests(name):
    """Declares one test per bad input to the image rules, and a test_suite `name` over them.

    Each target under test is tagged manual, so `bazel build //...` skips it;
    the test analyses it with failures allowed and checks the message.

    Args:
      name: name of the test_suite.
    """
    binary = "//tools/oci/imagecheck"  # any go_binary will do: nothing is built
    base = "//tools/oci:base"

    # case -> (rule, attributes, the message it must fail with)
    cases = {
        "no_binary": (oci_image, {"base": base}, "oci_image //tools/oci:%s_no_binary: no binary. Set binary = \"//apps/NAME\""),
        "no_base": (oci_image, {"binary": binary}, "oci_image //tools/oci:%s_no_base: no base. Set base = \"//tools/oci:base\""),
        "bad_platform": (
            oci_image,
            {"binary": binary, "base": base, "platform": "windows/amd64"},
            "oci_image //tools/oci:%s_bad_platform: platform \"windows/amd64\" is not one of linux/amd64, linux/arm64",
        ),
        "bad_repository": (
            oci_push,
            {"image": base, "repository": "hello_world"},
            "oci_push //tools/oci:%s_bad_repository: repository \"hello_world\" should be HOST[:PORT]/PATH",
        ),
        "two_repo_tags": (
            oci_load,
            {"image": base, "repo_tags": ["a:1", "b:2"]},
            "oci_load //tools/oci:%s_two_repo_tags: repo_tags must hold exactly one repository:tag",
        ),
    }
    tests = []
    for case, (rule, attrs, message) in cases.items():
        target = "%s_%s" % (name, case)
        rule(name = target, tags = ["manual"], **attrs)
        fails_with_test(name = target + "_test", size = "small", target_under_test = ":" + target, message = message % name)
        tests.append(":%s_test" % target)
    _check_platforms_test(name = name + "_check_platforms_test", size = "small")
    tests.append(":%s_check_platforms_test" % name)
    native.test_suite(name = name, tests = tests)
