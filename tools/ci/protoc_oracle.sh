#!/usr/bin/env bash
# Our protoc (tools/proto/protoc, on protocompile) against the real one
# (hand-written): Debian's protobuf-compiler, installed here and nowhere else,
# as the oracle. protoc_test then compiles every case with both, and compares
# descriptor sets, plugin requests, generated files, exit codes and error
# positions; its goldens must still be what this protoc writes.
source "$(dirname "$0")/lib.sh"
need protoc protobuf-compiler
protoc=$(command -v protoc)
cd "$root"
tools/bazel test --noshow_progress --test_output=all --test_env=PROTOC="$protoc" --test_arg=-test.v \
  //tools/proto/protoc:protoc_test >"$tmp/log" 2>&1 || {
  cat "$tmp/log"
  fail "protoc_test with PROTOC=$protoc failed"
}
grep -q "oracle: $protoc" "$tmp/log" || {
  cat "$tmp/log"
  fail "protoc_test did not run against $protoc"
}
ok "protoc_test against $("$protoc" --version): $(grep -c -- '--- PASS' "$tmp/log") passed cases, descriptor sets and errors as protoc's"
echo "protoc_oracle.sh: $passed passed, 0 failed"
