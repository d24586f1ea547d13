#!/usr/bin/env bash
# Breaking changes to the .proto APIs: buf's FILE rules (a
# field removed, renumbered or retyped; a message, service or method removed
# or renamed; ...) on every .proto outside tools/, against a base revision.
#   proto_breaking.sh            HEAD against $CI_BASE_REF, else the merge base
#                                with origin/main, else HEAD~1 (committed files);
#                                nothing to do when no .proto changed (pr tier)
#   proto_breaking.sh --self-test  in a scratch copy: an added field passes, a
#                                removed field and a renamed method fail (nightly)
# buf is built by go_tool (lib.sh), pinned in tools/ci/go_tools.txt.
source "$(dirname "$0")/lib.sh"
config='{"version":"v2","modules":[{"path":".","excludes":["tools"]}],"breaking":{"use":["FILE"]}}'

build_buf() {
  SECONDS=0
  buf=$(go_tool buf)
  echo "buf $("$buf" --version) built in ${SECONDS}s"
}

# breaking REF BASE: buf breaking of the current git repository at REF against
# it at BASE (committed files only, so no bazel-* trees).
breaking() { "$buf" breaking ".git#ref=$1" --config "$config" --against ".git#ref=$2" --against-config "$config"; }

# variant SED: the greeter API edited by a sed script, committed on top of base.
variant() {
  git reset -q --hard base
  sed -i "$1" "$proto"
  git commit -qam "$1"
}

if [[ ${1:-} == --self-test ]]; then
  build_buf
  scratch_copy
  proto=libs/greeterpb/greeter.proto
  grep -q '  string message = 1;' "$proto" || fail "$proto has no 'string message = 1;' to remove"
  variant 's/^  string name = 1;$/  string name = 1;\n  string locale = 2;/'
  breaking HEAD base >"$tmp/out" 2>&1 || fail "an added field was reported as breaking: $(cat "$tmp/out")"
  ok "an added field (HelloRequest.locale = 2) passes"
  variant '/^  string message = 1;$/d'
  if breaking HEAD base >"$tmp/out" 2>&1; then fail "a removed field passed"; fi
  grep -q 'Previously present field "1" with name "message" on message "HelloReply" was deleted' "$tmp/out" ||
    fail "a removed field failed, but not naming it: $(cat "$tmp/out")"
  ok "a removed field fails: $(head -1 "$tmp/out")"
  variant 's/rpc SayHello(/rpc SayHi(/'
  if breaking HEAD base >"$tmp/out" 2>&1; then fail "a renamed method passed"; fi
  ok "a renamed method fails: $(head -1 "$tmp/out")"
  echo "proto_breaking.sh: $passed passed, 0 failed"
  exit 0
fi

cd "$root"
base=${CI_BASE_REF:-}
if [[ -z $base ]] && git rev-parse -q --verify origin/main >/dev/null; then
  base=$(git merge-base HEAD origin/main)
elif [[ -z $base ]] && git rev-parse -q --verify HEAD~1 >/dev/null; then
  base=HEAD~1
fi
[[ -n $base ]] || {
  echo "proto_breaking.sh: no base revision (set CI_BASE_REF): nothing to compare against"
  exit 0
}
mapfile -t changed < <(git diff --name-only "$base" HEAD -- '*.proto' ':!tools/')
if ((${#changed[@]} == 0)); then
  echo "proto_breaking.sh: no .proto changed since $(git rev-parse --short "$base"): nothing to check"
  exit 0
fi
if ! git ls-tree -r --name-only "$base" | grep -v '^tools/' | grep -q '\.proto$'; then
  echo "proto_breaking.sh: ${changed[*]}: new; no .proto API at $(git rev-parse --short "$base") to break"
  exit 0
fi
build_buf
breaking HEAD "$base" || fail "${changed[*]}: breaking changes against $(git rev-parse --short "$base") (above). Keep the old field or method, or reserve its number and name; a new API version is a new package (v2)"
ok "${changed[*]}: no breaking change against $(git rev-parse --short "$base") (buf $("$buf" --version | head -1), FILE rules)"
echo "proto_breaking.sh: $passed passed, 0 failed"
