"""oci_verify: `bazel run` checks that the digest oci_push pushes carries a cosign signature by a given key."""

load(":checks.bzl", "push_error")

def _oci_verify_impl(ctx):
    err = push_error(ctx.label, ctx.attr.repository, rule = "oci_verify")
    if err:
        fail(err)
    digest = ctx.attr.image[OutputGroupInfo].digest.to_list()[0]
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.expand_template(
        template = ctx.file._launcher,
        output = script,
        substitutions = {
            "{{IMAGE}}": str(ctx.attr.image.label),
            "{{OCITOOL}}": ctx.executable._ocitool.short_path,
            "{{DIGEST}}": digest.short_path,
            "{{REPOSITORY}}": ctx.attr.repository,
            "{{WORKSPACE}}": ctx.workspace_name,
        },
        is_executable = True,
    )
    return [DefaultInfo(executable = script, runfiles = ctx.runfiles(files = [digest, ctx.executable._ocitool]))]

oci_verify = rule(
    implementation = _oci_verify_impl,
    executable = True,
    doc = """`bazel run -- --key cosign.pub` verifies the cosign signature of image's digest in `repository`.

Fails, naming the digest and the key, when the digest has no signature or
none made with the key: deploy only what CI signed.""",
    attrs = {
        "image": attr.label(mandatory = True, doc = "The oci_image or oci_image_index that oci_push pushes (its `digest` output group)."),
        "repository": attr.string(mandatory = True, doc = "HOST[:PORT]/PATH, as oci_push's; `-- --repository` overrides it."),
        "_launcher": attr.label(default = "//tools/oci/private:verify.sh.tpl", allow_single_file = True),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)
