"""Tests that a checksum mismatch names every pin and the right verdict (sum_mismatch.bzl)."""

load("@bazel_skylib//lib:unittest.bzl", "asserts", "unittest")
load("//tools/goproxy:sum_mismatch.bzl", "sum_mismatch_message")

_GO_SUM = "example.org/m v1.0.0 h1:GOOD=\nexample.org/m v1.0.0/go.mod h1:MOD=\n"

def _message(go_sum, pinned, served):
    return sum_mismatch_message(go_sum, "org_example_m", "example.org/m", "v1.0.0", pinned, served, "tools/goproxy/go_deps.bzl")

def _pin_edited_test_impl(ctx):
    env = unittest.begin(ctx)
    asserts.equals(env, "\n".join([
        "org_example_m: checksum mismatch for example.org/m@v1.0.0: nothing was extracted.",
        "    tools/goproxy/go_deps.bzl: h1:BAD=",
        "    go.sum:                    h1:GOOD=",
        "    the proxy serves:          h1:GOOD=",
        "The proxy agrees with go.sum: tools/goproxy/go_deps.bzl was edited by hand. Restore it (git log -p tools/goproxy/go_deps.bzl), or copy go.sum's hash into it.",
    ]), _message(_GO_SUM, "h1:BAD=", "h1:GOOD="))
    return unittest.end(env)

def _go_sum_tampered_test_impl(ctx):
    env = unittest.begin(ctx)
    msg = _message(_GO_SUM.replace("GOOD", "BAD"), "h1:BAD=", "h1:GOOD=")
    asserts.true(env, "    go.sum:                    h1:BAD=\n" in msg, msg)
    asserts.true(env, "Both pins agree and the proxy disagrees with them: go.sum was edited" in msg, msg)
    asserts.true(env, "Do not copy the proxy's hash: check with `go mod download example.org/m@v1.0.0`" in msg, msg)
    return unittest.end(env)

def _none_agree_test_impl(ctx):
    env = unittest.begin(ctx)
    msg = _message(_GO_SUM, "h1:BAD=", "h1:OTHER=")
    asserts.true(env, "No two agree: go.sum and tools/goproxy/go_deps.bzl were edited" in msg, msg)
    return unittest.end(env)

def _not_in_go_sum_test_impl(ctx):
    env = unittest.begin(ctx)
    msg = _message("example.org/m v1.0.0/go.mod h1:MOD=\n", "h1:BAD=", "h1:GOOD=")
    asserts.true(env, "    go.sum:                    (no line)\n" in msg, msg)
    asserts.true(env, "go.sum has no hash for it" in msg, msg)
    return unittest.end(env)

_pin_edited_test = unittest.make(_pin_edited_test_impl)
_go_sum_tampered_test = unittest.make(_go_sum_tampered_test_impl)
_none_agree_test = unittest.make(_none_agree_test_impl)
_not_in_go_sum_test = unittest.make(_not_in_go_sum_test_impl)

def sum_mismatch_tests(name):
    unittest.suite(
        name,
        _pin_edited_test,
        _go_sum_tampered_test,
        _none_agree_test,
        _not_in_go_sum_test,
    )
