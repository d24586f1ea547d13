"""The message for a Go module whose download does not match its pin: every pin, and which one the proxy agrees with."""

def sum_mismatch(ctx, repo, module, version, pinned, served, pinned_in):
    """Returns the message of a fetch that failed its hash check.

    Names the repository rule's pin, go.sum's, and the hash of what the proxy
    served, says which of them agree, and what to do. Used by go_proxy_module
    and, through messages/gazelle/go_repository-sum_mismatch.patch, by
    Gazelle's go_repository.

    Args:
      ctx: the repository_ctx (reads the main repository's go.sum).
      repo: the repository's name.
      module: the module path.
      version: the module version.
      pinned: the repository rule's sum.
      served: the h1: hash of what the proxy served (not pinned).
      pinned_in: the file that holds the rule's pin, e.g. tools/goproxy/go_deps.bzl.

    Returns:
      The message, for fail().
    """
    return sum_mismatch_message(ctx.read(Label("@//:go.sum")), repo, module, version, pinned, served, pinned_in)

def sum_mismatch_message(go_sum_text, repo, module, version, pinned, served, pinned_in):
    """sum_mismatch with go.sum's text given (sum_mismatch_test.bzl tests it).

    Args:
      go_sum_text: the contents of go.sum.
      repo: as sum_mismatch.
      module: as sum_mismatch.
      version: as sum_mismatch.
      pinned: as sum_mismatch.
      served: as sum_mismatch.
      pinned_in: as sum_mismatch.

    Returns:
      The message.
    """
    go_sum = None
    for line in go_sum_text.splitlines():
        fields = line.split(" ")
        if len(fields) == 3 and fields[0] == module and fields[1] == version:
            go_sum = fields[2]
    if go_sum == None:
        verdict = ("go.sum has no hash for it, and the proxy disagrees with %s: " % pinned_in +
                   "if you changed the version on purpose, pin it with go (`go get %s@%s`, then " % (module, version) +
                   "`bazel run //:gazelle-update-repos`); otherwise the module or your proxy has been tampered with.")
    elif served == go_sum:
        verdict = ("The proxy agrees with go.sum: %s was edited by hand. Restore it " % pinned_in +
                   "(git log -p %s), or copy go.sum's hash into it." % pinned_in)
    elif pinned == go_sum:
        verdict = ("Both pins agree and the proxy disagrees with them: go.sum was edited (and copied into " +
                   "%s), or the module or your proxy has been tampered with. Do not copy the proxy's " % pinned_in +
                   "hash: check with `go mod download %s@%s` (a SECURITY ERROR means go.sum disagrees " % (module, version) +
                   "with the download) and `git log -p go.sum`.")
    else:
        verdict = ("No two agree: go.sum and %s were edited, or the module or your proxy has been " % pinned_in +
                   "tampered with. Check with `go mod download %s@%s` and `git log -p go.sum %s`." % (module, version, pinned_in))
    rows = [(pinned_in + ":", pinned), ("go.sum:", go_sum or "(no line)"), ("the proxy serves:", served)]
    width = max([len(k) for k, _ in rows])
    return "\n".join(
        ["%s: checksum mismatch for %s@%s: nothing was extracted." % (repo, module, version)] +
        ["    %s %s" % (k + " " * (width - len(k)), v) for k, v in rows] +
        [verdict],
    )
