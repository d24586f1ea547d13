"""go_proxy_module: a repository rule that fetches a Go module through the Go module proxy, pinned by its go.sum h1: hash."""

load(":sum_mismatch.bzl", "sum_mismatch")

def _escape(path):
    # Module zips name their root "escaped-path@version": upper-case letters
    # become "!" + lower case (golang.org/x/mod/module.EscapePath).
    out = []
    for c in path.elems():
        if c.isupper():
            out.append("!" + c.lower())
        else:
            out.append(c)
    return "".join(out)

def _go(ctx):
    go = ctx.which("go")
    if not go:
        fail("go_proxy_module(%s): no `go` on PATH. The Go command fetches rule sets, the SDK and " % ctx.name +
             "modules through the Go module proxy: install Go (https://go.dev/doc/install or your " +
             "package manager) and make sure `go` is on PATH.")
    return go

def _download(ctx, go, module, version):
    """Runs `go mod download -json` and returns its decoded answer."""
    ctx.report_progress("go mod download %s@%s" % (module, version))
    res = ctx.execute(
        [go, "mod", "download", "-json", "%s@%s" % (module, version)],
        environment = {
            # Never switch to another toolchain just to download a module.
            "GOTOOLCHAIN": "local",
            # Outside any module: no go.mod above the repository directory.
            "GO111MODULE": "on",
            # Leave the module cache removable by `go clean -modcache`.
            "GOFLAGS": "-modcacherw",
        },
        timeout = 1800,
        quiet = True,
    )
    info = None
    if res.stdout.strip():
        info = json.decode(res.stdout)
    if res.return_code != 0 or info == None or info.get("Error"):
        fail("go_proxy_module(%s): `go mod download %s@%s` failed (exit %d): %s\n%s\n" % (
            ctx.name,
            module,
            version,
            res.return_code,
            info.get("Error", "") if info else "",
            res.stderr,
        ) + "Check GOPROXY/GOPRIVATE/GONOSUMDB (see `go env`) and that the version exists.")
    return info

def _link(ctx, dir):
    """Hard-links the go command's own extracted copy of the module (dir) into the repository.

    The executable_dirs are copied instead, so that their exec bits go on this
    repository's files only. False, with nothing left behind, when it cannot
    link (no copy, another file system, a cp without -l); then the caller
    extracts the zip.
    """
    if not dir or not ctx.path(dir).exists:
        return False
    ctx.report_progress("linking %s from the Go module cache" % ctx.attr.module)

    # The module cache's directories are read-only; this repository's (new ones) need not be.
    script = ('cp -al "$1"/. . && find . -type d -exec chmod u+w {} + && ' +
              'for d in "${@:2}"; do rm -rf "$d" && cp -R "$1/$d" "$d" && chmod -R u+w "$d" || exit 1; done')
    res = ctx.execute(["bash", "-c", script, "link", dir] + ctx.attr.executable_dirs)
    if res.return_code == 0:
        return True
    res = ctx.execute(["bash", "-c", "find . -type d -exec chmod u+w {} + && find . -mindepth 1 -delete"])
    if res.return_code != 0:
        fail("go_proxy_module(%s): cleaning up after a failed link: %s" % (ctx.name, res.stderr))
    return False

def _impl(ctx):
    go = _go(ctx)
    info = _download(ctx, go, ctx.attr.module, ctx.attr.version)
    if info["Sum"] != ctx.attr.sum:
        fail(sum_mismatch(ctx, ctx.name, ctx.attr.module, ctx.attr.version, ctx.attr.sum, info["Sum"], ctx.attr.pinned_in))
    if ctx.attr.zip_only:
        ctx.symlink(info["Zip"], "module.zip")
        ctx.file("BUILD.bazel", 'exports_files(["module.zip"], visibility = ["//visibility:public"])\n')
        return
    if not (ctx.attr.link_module_cache and _link(ctx, info.get("Dir", ""))):
        ctx.extract(
            archive = info["Zip"],
            stripPrefix = "%s@%s" % (_escape(ctx.attr.module), ctx.attr.version),
        )

    # Module zips record no file modes: give the listed directories' files their exec bit back.
    for d in ctx.attr.executable_dirs:
        res = ctx.execute(["find", d, "-type", "f", "-exec", "chmod", "a+x", "{}", "+"])
        if res.return_code != 0:
            fail("go_proxy_module(%s): chmod of %s failed: %s" % (ctx.name, d, res.stderr))

    if ctx.attr.build_file_content:
        ctx.file("BUILD.bazel", ctx.attr.build_file_content)

    # A package of its own: the repository's globs stop at its boundary.
    for d, content in ctx.attr.subpackages.items():
        if not ctx.path(d).exists:
            fail("go_proxy_module(%s): subpackages: %s has no directory %s" % (ctx.name, ctx.attr.module, d))
        ctx.file(d + "/BUILD.bazel", content or "# Not part of the parent package's globs (go_proxy_module subpackages).\n")

    # Every other package directory (Go files, not under testdata): a BUILD file saying why it has none.
    if ctx.attr.other_packages:
        res = ctx.execute(["find", ".", "-name", "*.go", "-not", "-path", "*/testdata/*"])
        if res.return_code != 0:
            fail("go_proxy_module(%s): listing Go files failed: %s" % (ctx.name, res.stderr))
        dirs = {}
        for f in res.stdout.splitlines():
            d = f[len("./"):].rpartition("/")[0]
            if d and d not in ctx.attr.subpackages and not [p for p in d.split("/") if p[0] in "._"]:
                dirs[d] = True
        for d in dirs:
            ctx.file(d + "/BUILD.bazel", ctx.attr.other_packages.replace("{dir}", d))

    # Module zips omit vendor/ (all but modules.txt); go.sum pins what `go mod vendor` puts back.
    if ctx.attr.go_mod_vendor:
        ctx.report_progress("go mod vendor %s" % ctx.attr.module)
        res = ctx.execute(
            [go, "mod", "vendor", "-e"],
            environment = {"GOTOOLCHAIN": "local", "GOFLAGS": "-modcacherw"},
            timeout = 1800,
            quiet = True,
        )
        if res.return_code != 0:
            fail("go_proxy_module(%s): `go mod vendor` failed (exit %d):\n%s" % (ctx.name, res.return_code, res.stderr))

    # git-style patches (a/ and b/ prefixes), in order; Bazel's own patch code, the same on every host.
    for patch in ctx.attr.patches:
        ctx.report_progress("patching %s with %s" % (ctx.attr.module, patch.name))
        ctx.patch(patch, strip = 1)

go_proxy_module = repository_rule(
    implementation = _impl,
    doc = """Fetches MODULE@VERSION with `go mod download` and checks its go.sum hash.

The Go command is the only download client: it honours GOPROXY, GOPRIVATE,
GONOSUMDB, .netrc and corporate proxies as `go build` does, and shares the
user's module cache. The hash check fails before anything is extracted.""",
    attrs = {
        "module": attr.string(mandatory = True, doc = "Module path, e.g. github.com/bazelbuild/rules_go."),
        "version": attr.string(mandatory = True, doc = "Module version, e.g. v0.57.0."),
        "sum": attr.string(mandatory = True, doc = "The module's go.sum hash (h1:...)."),
        "pinned_in": attr.string(default = "tools/goproxy/pins.bzl", doc = "The file that pins sum, for the message of a mismatch."),
        "executable_dirs": attr.string_list(doc = "Directories whose files get the exec bit back."),
        "build_file_content": attr.string(doc = "Written as the repository's BUILD.bazel."),
        "subpackages": attr.string_dict(doc = "Directories made packages of their own, each with the BUILD.bazel given " +
                                              "(empty: a comment only), so that globs in BUILD files above them stop " +
                                              "there: Bazel neither lists nor re-checks the files under them before each command."),
        "other_packages": attr.string(doc = "Written as the BUILD.bazel of every other directory with Go files (not " +
                                            "under testdata), with {dir} replaced by its path: for modules whose " +
                                            "subpackages hold the BUILD files of only some of their packages."),
        "link_module_cache": attr.bool(doc = "Hard-link the files of the go command's extracted copy in the module " +
                                             "cache instead of extracting the zip (the Go SDK: 0.5 s instead of 5 s on " +
                                             "each new output base), where the file system allows. Only for modules " +
                                             "whose files nothing writes: no patches, no go_mod_vendor, no BUILD file " +
                                             "over one of the module's."),
        "zip_only": attr.bool(doc = "Keep the module zip, as module.zip, instead of extracting it (for tests that read it)."),
        "go_mod_vendor": attr.bool(doc = "Run `go mod vendor` in the module after extraction (module zips omit vendor/)."),
        "patches": attr.label_list(allow_files = [".patch"], doc = "git-style patches (strip 1) applied in order after extraction " +
                                                                   "(tools/goproxy/patches/README.md)."),
    },
)
