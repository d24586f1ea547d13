"""Tests that the image rules refuse bad input with a message naming the target and the fix."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")
load("//tools/oci:go_image.bzl", "check_platforms")
load("//tools/oci/private:checks.bzl", "image_error", "index_error", "load_error", "push_error")

# The rules call these and fail() with what they return (tools/oci/private/checks.bzl).
_T = "//tools/oci:x"

def _no_binary_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "oci_image //tools/oci:x: no binary. Set binary = \"//apps/NAME\" (a go_binary), or use go_image() from //tools/oci:go_image.bzl.", image_error(_T, None, "//tools/oci:base", "linux/amd64"))
    asserts.equals(env, None, image_error(_T, "//apps/a", "//tools/oci:base", "linux/amd64"))
    return unittest.end(env)

def _no_base_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "oci_image //tools/oci:x: no base. Set base = \"//tools/oci:base\" (non-root user, CA roots, time zones), or use go_image() from //tools/oci:go_image.bzl.", image_error(_T, "//apps/a", None, "linux/amd64"))
    return unittest.end(env)

def _bad_platform_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "oci_image //tools/oci:x: platform \"windows/amd64\" is not one of linux/amd64, linux/arm64 (tools/oci/config.bzl lists them).", image_error(_T, "//apps/a", "//tools/oci:base", "windows/amd64"))
    asserts.equals(env, None, image_error(_T, "//apps/a", "//tools/oci:base", "linux/arm64"))
    return unittest.end(env)

def _empty_index_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "oci_image_index //tools/oci:x: images is empty. List one oci_image per platform.", index_error(_T, []))
    asserts.equals(env, None, index_error(_T, [":image"]))
    return unittest.end(env)

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

_no_binary_test = unittest.make(_no_binary_test_impl)
_no_base_test = unittest.make(_no_base_test_impl)
_bad_platform_test = unittest.make(_bad_platform_test_impl)
_empty_index_test = unittest.make(_empty_index_test_impl)
_bad_repository_test = unittest.make(_bad_repository_test_impl)
_two_repo_tags_test = unittest.make(_two_repo_tags_test_impl)
_check_platforms_test = unittest.make(_check_platforms_test_impl)

_TESTS = {
    "no_binary": _no_binary_test,
    "no_base": _no_base_test,
    "bad_platform": _bad_platform_test,
    "empty_index": _empty_index_test,
    "bad_repository": _bad_repository_test,
    "two_repo_tags": _two_repo_tags_test,
    "check_platforms": _check_platforms_test,
}

def oci_bad_input_tests(name):
    """Declares one test per kind of bad input to the image rules, and a test_suite `name` over them.

    Args:
      name: name of the test_suite.
    """
    tests = []
    for case, test in _TESTS.items():
        test(name = "%s_%s_test" % (name, case), size = "small")
        tests.append(":%s_%s_test" % (name, case))
    native.test_suite(name = name, tests = tests)
