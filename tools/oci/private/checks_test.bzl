"""Tests that the image rules refuse bad input with a message naming the target and the fix (checks.bzl, go_image's check_platforms)."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")
load("//tools/oci:go_image.bzl", "check_platforms")
load(":checks.bzl", "load_error", "push_error")

# The rules call these and fail() with what they return (tools/oci/private/checks.bzl).
_T = "//tools/oci:x"

def _bad_repository_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "oci_push //tools/oci:x: repository \"hello_world\" should be HOST[:PORT]/PATH, e.g. \"localhost:5000/hello_world\" (tools/oci/config.bzl REGISTRY).", push_error(_T, "hello_world"))
    asserts.true(env, push_error(_T, "/hello_world") != None, "a repository starting with / is refused")
    asserts.equals(env, None, push_error(_T, "localhost:5000/hello_world"))
    return unittest.end(env)

def _two_repo_tags_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "oci_load //tools/oci:x: repo_tags must hold exactly one repository:tag, got [\"a:1\", \"b:2\"]", load_error(_T, ["a:1", "b:2"]))
    asserts.true(env, load_error(_T, []) != None, "no repo_tags is refused")
    asserts.equals(env, None, load_error(_T, ["a:1"]))
    return unittest.end(env)

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

_bad_repository_test = unittest.make(_bad_repository_test_impl)
_two_repo_tags_test = unittest.make(_two_repo_tags_test_impl)
_check_platforms_test = unittest.make(_check_platforms_test_impl)

_TESTS = {
    "bad_repository": _bad_repository_test,
    "two_repo_tags": _two_repo_tags_test,
    "check_platforms": _check_platforms_test,
}

def checks_tests(name):
    """Declares one test per kind of bad input to the image rules, and a test_suite `name` over them.

    Args:
      name: name of the test_suite.
    """
    tests = []
    for case, test in _TESTS.items():
        test(name = "%s_%s_test" % (name, case), size = "small")
        tests.append(":%s_%s_test" % (name, case))
    native.test_suite(name = name, tests = tests)
