#!/usr/bin/env bash
# Pushes {{IMAGE}} to {{REPOSITORY}} (oci_push's launcher, from
# tools/oci/private/push.sh.tpl). Flags after `bazel run ... --` override the
# defaults: --repository HOST[:PORT]/PATH, --tag TAG (repeatable).
set -euo pipefail
[[ -e "{{OCITOOL}}" ]] || cd "$0.runfiles/{{WORKSPACE}}" # run directly, not by `bazel run`
# shellcheck disable=SC1083 # the flags placeholder becomes the rule's flags, unquoted on purpose
exec "{{OCITOOL}}" push --image "{{LAYOUT}}" --repository "{{REPOSITORY}}" {{FLAGS}} "$@"
