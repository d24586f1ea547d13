"""vuln_db: the Go vulnerability database in govulncheck's v1 layout, built from the pinned golang.org/x/vulndb module."""

def _vuln_db_impl(ctx):
    out = ctx.actions.declare_directory(ctx.label.name)
    dirs = {f.dirname: True for f in ctx.files.srcs}
    if len(dirs) != 1:
        fail("%s: srcs must be the OSV entries of one directory (data/osv), got %s" % (ctx.label, sorted(dirs.keys())))
    args = ctx.actions.args()
    args.add("-osv", dirs.keys()[0])
    args.add("-version", ctx.attr.version)
    args.add("-out", out.path)
    ctx.actions.run(
        executable = ctx.executable._vulndb,
        arguments = [args],
        inputs = ctx.files.srcs,
        outputs = [out],
        mnemonic = "VulnDB",
        progress_message = "Indexing %d vulnerability entries for %s" % (len(ctx.files.srcs), ctx.label),
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles([out]))]

vuln_db = rule(
    implementation = _vuln_db_impl,
    doc = "A directory that `govulncheck -db file:///DIR` reads: index/{db,modules,vulns}.json and ID/<id>.json.",
    attrs = {
        "srcs": attr.label_list(allow_files = [".json"], mandatory = True, doc = "The module's data/osv/*.json."),
        "version": attr.string(mandatory = True, doc = "The module's pseudo-version (its time dates the database)."),
        "_vulndb": attr.label(default = "//tools/vulncheck/vulndb", executable = True, cfg = "exec"),
    },
)
