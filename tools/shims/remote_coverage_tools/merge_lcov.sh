#!/usr/bin/env bash
# Merges LCOV reports: Bazel calls it with --reports_file=FILE (a list of report
# paths, one a line) or --coverage_dir=DIR, and --output_file=OUT. LCOV allows
# several records for one source file, so concatenation is a valid merge.
set -euo pipefail
reports_file="" coverage_dir="" output_file=""
for arg in "$@"; do
  case "$arg" in
    --reports_file=*) reports_file="${arg#*=}" ;;
    --coverage_dir=*) coverage_dir="${arg#*=}" ;;
    --output_file=*) output_file="${arg#*=}" ;;
  esac
done
[[ -n "$output_file" ]] || { echo "merge_lcov: --output_file= is required" >&2; exit 2; }
{
  if [[ -n "$reports_file" ]]; then
    while IFS= read -r f; do [[ -s "$f" ]] && cat "$f"; done <"$reports_file"
  fi
  if [[ -n "$coverage_dir" ]]; then
    find "$coverage_dir" -name '*.dat' -size +0 -exec cat {} +
  fi
} >"$output_file"
