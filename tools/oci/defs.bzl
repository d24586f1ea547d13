"""OCI image rules with rules_oci's names and outputs: the public API (the rules are in private/).

oci_base (the base layer), oci_image, oci_image_index, oci_load, oci_push (which
signs with a key from the environment), oci_sbom and oci_verify; go_image.bzl
declares them all for one Go app.
"""

load("//tools/oci/private:base.bzl", _oci_base = "oci_base")
load("//tools/oci/private:image.bzl", _oci_image = "oci_image", _oci_image_index = "oci_image_index")
load("//tools/oci/private:load.bzl", _oci_load = "oci_load")
load("//tools/oci/private:providers.bzl", _OciBaseInfo = "OciBaseInfo", _OciPushInfo = "OciPushInfo")
load("//tools/oci/private:push.bzl", _oci_push = "oci_push")
load("//tools/oci/private:sbom.bzl", _oci_sbom = "oci_sbom")
load("//tools/oci/private:verify.bzl", _oci_verify = "oci_verify")

oci_base = _oci_base
oci_image = _oci_image
oci_image_index = _oci_image_index
oci_load = _oci_load
oci_push = _oci_push
oci_sbom = _oci_sbom
oci_verify = _oci_verify
OciBaseInfo = _OciBaseInfo
OciPushInfo = _OciPushInfo
