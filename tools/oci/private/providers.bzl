"""Providers shared by the image rules (defs.bzl) and the SBOM rule (sbom.bzl)."""

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
