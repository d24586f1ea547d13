"""oci_load: an image as a `docker load` tarball, which `bazel run` loads."""

load(":checks.bzl", "load_error")

def _oci_load_impl(ctx):
    err = load_error(ctx.label, ctx.attr.repo_tags)
    if err:
        fail(err)
    tarball = ctx.actions.declare_file(ctx.label.name + ".tar")
    ctx.actions.run(
        executable = ctx.executable._ocitool,
        arguments = ["load", "--image", ctx.file.image.path, "--tag", ctx.attr.repo_tags[0], "--out", tarball.path],
        inputs = [ctx.file.image],
        outputs = [tarball],
        mnemonic = "OciLoad",
        progress_message = "Writing docker load tarball %s" % ctx.label,
    )
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.expand_template(
        template = ctx.file._launcher,
        output = script,
        substitutions = {
            "{{TAG}}": ctx.attr.repo_tags[0],
            "{{TARBALL}}": tarball.short_path,
            "{{WORKSPACE}}": ctx.workspace_name,
        },
        is_executable = True,
    )
    return [DefaultInfo(
        files = depset([tarball]),
        executable = script,
        runfiles = ctx.runfiles(files = [tarball]),
    )]

oci_load = rule(
    implementation = _oci_load_impl,
    executable = True,
    doc = """`NAME.tar`: an oci_image as a `docker load` / `podman load` tarball; `bazel run` loads it.""",
    attrs = {
        "image": attr.label(mandatory = True, allow_single_file = True, doc = "An oci_image target."),
        "repo_tags": attr.string_list(mandatory = True, doc = "Exactly one repository:tag, e.g. [\"hello_world:dev\"]."),
        "_launcher": attr.label(default = "//tools/oci/private:load.sh.tpl", allow_single_file = True),
        "_ocitool": attr.label(default = "//tools/oci/ocitool", executable = True, cfg = "exec"),
    },
)
