"""k8s_manifest: a Kubernetes manifest whose image is the one image_push pushes, by digest (as `ko resolve` does)."""

load("//tools/oci:defs.bzl", "OciPushInfo")

def _k8s_manifest_impl(ctx):
    push = ctx.attr.push[OciPushInfo]
    out = ctx.actions.declare_file(ctx.label.name + ".yaml")

    # Refuses a template that has no {IMAGE} or is not valid YAML, naming its file and line.
    ctx.actions.run(
        executable = ctx.executable._resolve,
        arguments = [ctx.file.template.path, push.repository, push.digest.path, out.path],
        inputs = [ctx.file.template, push.digest],
        outputs = [out],
        mnemonic = "K8sManifest",
        progress_message = "Resolving the image of %s" % ctx.label,
    )
    return [
        DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out])),
        OutputGroupInfo(image_digest = depset([push.digest])),
    ]

_k8s_manifest = rule(
    implementation = _k8s_manifest_impl,
    doc = "NAME.yaml: template with every {IMAGE} outside comments replaced by REPOSITORY@sha256:... of push's image.",
    attrs = {
        "template": attr.label(mandatory = True, allow_single_file = [".yaml", ".yml"]),
        "push": attr.label(mandatory = True, providers = [OciPushInfo], doc = "The app's oci_push, e.g. go_image's :image_push."),
        "_resolve": attr.label(default = "//tools/deploy/resolve", executable = True, cfg = "exec"),
    },
)

def k8s_manifest(name, template, push, uid = 65532, **kwargs):
    """A Kubernetes manifest with the image by digest, and a test of its policy.

    Targets: NAME (bazel-bin/<package>/NAME.yaml), NAME_image.digest (the digest it
    refers to), NAME_test (//tools/deploy/manifestcheck: every container image is that
    digest; non-root as uid, read-only root, no privilege escalation, all capabilities
    dropped, RuntimeDefault seccomp; /healthz and /readyz probes, or gRPC health checks; CPU and memory requests
    and a memory limit; tagged "image", so --config=race skips it).

    Args:
      name: target name.
      template: the manifest, with image: "{IMAGE}" for the app's container.
      push: the app's oci_push (go_image's NAME_push); the manifest uses its repository and
        the digest of what it pushes, so `bazel run` of it and `kubectl apply` agree.
      uid: the user the pod must run as (the image's, tools/oci/config.bzl NONROOT_UID).
      **kwargs: visibility, tags.
    """
    _k8s_manifest(name = name, template = template, push = push, **kwargs)
    native.filegroup(
        name = name + "_image.digest",
        srcs = [":" + name],
        output_group = "image_digest",
        **kwargs
    )
    tags = kwargs.pop("tags", [])
    native.sh_test(
        name = name + "_test",
        size = "small",
        # Like go_image's tests: --config=race skips it, its images want static binaries.
        tags = tags + ["image"],
        # sh_test runs its one src, the checker's binary, with args.
        srcs = ["//tools/deploy/manifestcheck"],
        args = [
            "$(rootpath :%s)" % name,
            "$(rootpath :%s_image.digest)" % name,
            "%d" % uid,
        ],
        data = [":" + name, ":%s_image.digest" % name],
        **kwargs
    )
