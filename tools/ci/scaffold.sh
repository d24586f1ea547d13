#!/usr/bin/env bash
# Proves the scaffolder's output builds, tests and ships (hand-written):
# `bazel run //tools/new -- app|lib NAME` into this tree (the packages are
# removed on exit), then the new tests, the repo's gates (BUILD files fresh,
# formatted), `bazel run` of the app and its image index. Then bad input:
# refused with exit 1 or 2 and nothing written. Same output base as the main
# build: a copy would rebuild everything for a check of three files.
source "$(dirname "$0")/lib.sh"
cd "$root"
q=(--noshow_progress --ui_event_filters=-info)

app=zz_scaffold_app lib=zzscaffoldlib
for d in "apps/$app" "libs/$lib"; do [[ ! -e $d ]] || fail "$d exists; remove it first"; done
on_exit "rm -rf '$root/apps/$app' '$root/libs/$lib'"

tools/bazel run "${q[@]}" //tools/new -- app "$app" >"$tmp/app.out" 2>&1 || { cat "$tmp/app.out" >&2; fail "new app failed"; }
tools/bazel run "${q[@]}" //tools/new -- lib "$lib" >"$tmp/lib.out" 2>&1 || { cat "$tmp/lib.out" >&2; fail "new lib failed"; }
ok "bazel run //tools/new -- app $app / lib $lib: $(grep -c '^created' "$tmp/app.out") + $(grep -c '^created' "$tmp/lib.out") files"

tools/bazel test "${q[@]}" "//apps/$app/..." "//libs/$lib/..." //:gazelle_test //:buildifier_test //:gofmt_test >"$tmp/test.out" 2>&1 ||
  { cat "$tmp/test.out" >&2; fail "the scaffolded packages do not pass their tests and the gates"; }
ok "their tests, image tests and the gates pass: $(grep -o 'Executed .*' "$tmp/test.out")"

out=$(tools/bazel run "${q[@]}" "//apps/$app" -- --name Scaffold 2>/dev/null)
[[ $out == "Hello, Scaffold!" ]] || fail "bazel run //apps/$app printed '$out'"
tools/bazel build "${q[@]}" "//apps/$app:image_index" >/dev/null 2>&1 || fail "//apps/$app:image_index does not build"
ok "bazel run //apps/$app -- --name Scaffold -> '$out'; //apps/$app:image_index builds"

before=$(git status --porcelain | sort)
for args in "app $app:1:exists already" "lib Bad:2:want lower-case letters" "app ../etc:2:it becomes apps/../etc" "lib func:2:reserved by Go"; do
  IFS=: read -r a code want <<<"$args"
  got=0
  # shellcheck disable=SC2086 # $a is "KIND NAME"
  tools/bazel run "${q[@]}" //tools/new -- $a >"$tmp/bad.out" 2>&1 || got=$?
  [[ $got == "$code" ]] || { cat "$tmp/bad.out" >&2; fail "new $a: exit $got, want $code"; }
  grep -q -- "$want" "$tmp/bad.out" || { cat "$tmp/bad.out" >&2; fail "new $a: no '$want'"; }
done
[[ $(git status --porcelain | sort) == "$before" ]] || fail "a refused run changed the tree"
ok "refused with a clear error and nothing written: existing app (exit 1), Bad, ../etc, func (exit 2)"
echo "scaffold.sh: $passed passed, 0 failed"
