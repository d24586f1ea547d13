"""Providers of the image rules: OciBaseInfo for oci_image and oci_sbom, OciPushInfo for deploy rules (tools/deploy)."""

OciBaseInfo = provider(
    doc = "The base layer of an image and the user and environment that come with it.",
    fields = {
        "layer": "File: the layer, an uncompressed tar",
        "uid": "int: the non-root user the entrypoint runs as",
        "gid": "int: its group",
        "env": "dict: environment variables for files in the layer (e.g. ZONEINFO)",
        "go_packages": "list of strings: Go packages whose files the layer holds, for the SBOM",
    },
)

OciPushInfo = provider(
    doc = "Where an oci_push pushes and what: for deploy rules that refer to the image by digest.",
    fields = {
        "repository": "string: HOST[:PORT]/PATH",
        "digest": "File: holds the pushed image's (or index's) sha256:... digest",
    },
)
