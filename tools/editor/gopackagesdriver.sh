#!/usr/bin/env bash
# gopls' package loader through Bazel: set GOPACKAGESDRIVER to
# this file and gopls asks rules_go's gopackagesdriver, which builds the
# packages' Bazel view (generated code included) instead of reading go.mod.
# See tools/editor/README.md. Uses tools/bazel, so Bazel need not be on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export GOPACKAGESDRIVER_BAZEL="${GOPACKAGESDRIVER_BAZEL:-$root/tools/bazel}"
cd "$root" || exit 1
exec "$GOPACKAGESDRIVER_BAZEL" run --noshow_progress --ui_event_filters=-info,-stderr \
  -- @io_bazel_rules_go//go/tools/gopackagesdriver "$@"
