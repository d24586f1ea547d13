#!/usr/bin/env bash
# Verifies that {{IMAGE}}'s digest in {{REPOSITORY}} carries a cosign signature
# by the given key (oci_verify's launcher, from tools/oci/private/verify.sh.tpl).
# A deploy runs it before it applies the manifest: `bazel run ... -- --key cosign.pub`;
# --repository and --digest override the defaults.
set -euo pipefail
[[ -e "{{OCITOOL}}" ]] || cd "$0.runfiles/{{WORKSPACE}}" # run directly, not by `bazel run`
exec "{{OCITOOL}}" verify --repository "{{REPOSITORY}}" --digest_file "{{DIGEST}}" "$@"
