#!/usr/bin/env bash
# The remote cache, end to end. nginx with WebDAV on 127.0.0.1
# is the HTTP cache (Bazel's remote-caching docs name it; Debian ships it), set
# up with tools/cache/cache.conf: anyone reads, writes need the CI credential.
#   1. `bazel test //...` with CI=true (so --config=ci: uploads on) and the
#      credential in a fresh copy A fills the cache;
#   2. the same in fresh copy B, a brand-new output base, without the
#      credential, must be served from it: every cacheable process a remote
#      cache hit (fail under 95 %);
#   3. a pull request's CI, `.ci/run pr` with BAZEL_REMOTE_READ_ONLY=true and no
#      credential, in fresh copy C with a one-line change in a lib, comparing
#      with the target hashes B saved as main's CI does: green, testing only
#      the affected targets (read from B's saved graph, no analysis: only a
#      source file changed), its wall time reported, and not one upload;
#      then, in C, a pull-request build that forces uploads
#      (--remote_upload_local_results), through tools/bazel and without it: green,
#      the server answers 401, the cache directory is unchanged, tools/bazel says
#      so once; with the credential the same build fills the cache;
#   4. a dead cache only warns: the build still passes;
#   5. a corrupted blob in the cache is caught (Bazel checks CAS digests) and
#      the output is rebuilt correctly.
# The endpoint and the credential reach Bazel as users give them:
# BAZEL_REMOTE_CACHE and BAZEL_REMOTE_HEADER, read by tools/bazel.
source "$(dirname "$0")/lib.sh"
cd "$root"
MAX_STDLIBS=2

need nginx nginx
need python3 python3
need openssl openssl
port=$(free_port)
web=$tmp/nginx
mkdir -p "$web/data/cache"
password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=')
printf 'ci:%s\n' "$(openssl passwd -apr1 "$password")" >"$web/htpasswd"
sed -e "s|@DATA@|$web/data|" -e "s|@HTPASSWD@|$web/htpasswd|" "$root/tools/cache/cache.conf" >"$web/cache.conf"
cat >"$web/nginx.conf" <<CONF
daemon off;
worker_processes 1;
$([[ $(id -u) -eq 0 ]] && echo "user root root; # the workers must write the cache dir")
error_log $web/error.log warn;
pid $web/nginx.pid;
events {}
http {
  access_log $web/access.log;
  client_body_temp_path $web/body;
  proxy_temp_path $web/proxy;
  fastcgi_temp_path $web/fastcgi;
  uwsgi_temp_path $web/uwsgi;
  scgi_temp_path $web/scgi;
  server {
    listen 127.0.0.1:$port;
    include $web/cache.conf;
  }
}
CONF
nginx -c "$web/nginx.conf" -p "$web" &
on_exit "kill $! 2>/dev/null"
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/cache/" && break
  sleep 0.1
done
write=$(printf 'Authorization=Basic %s' "$(printf 'ci:%s' "$password" | base64)")
put() { curl -s -o /dev/null -w '%{http_code}' -X PUT --data probe "$@" "http://127.0.0.1:$port/cache/probe"; }
[[ $(put) == 401 && $(put -H "${write/=/: }") == 201 ]] || {
  cat "$web/error.log" >&2
  fail "nginx on 127.0.0.1:$port (tools/cache/cache.conf): want PUT refused (401) without the credential, accepted (201) with it"
}
rm "$web/data/cache/probe"
ok "tools/cache/cache.conf: a PUT without the credential gets 401, with it 201; GET needs none"
export BAZEL_REMOTE_CACHE=http://127.0.0.1:$port/cache
export CI=true # --config=ci: uploads on, as in CI, also when run by hand

# build COPY LOG [TARGETS...]: bazel test (CI=true: --config=ci) in COPY's own output base.
build() {
  local dir=$1 log=$2
  shift 2
  (cd "$dir" && tools/bazel --output_base="$dir.ob" test "${@:-//...}") >"$log" 2>&1 ||
    {
      tail -40 "$log" >&2
      return 1
    }
}
# processes LOG: Bazel's summary, e.g. "295 processes: 280 remote cache hit, 15 internal."
processes() { grep -o 'INFO: [0-9]* processes: .*' "$1" | tail -1 | sed 's/^INFO: //'; }
# count LOG KIND: the number before KIND in the processes line (0 if absent).
count() { processes "$1" | grep -o "[0-9]* $2" | grep -o '^[0-9]*' || echo 0; }

fresh_copy a/repo
a=$copy
SECONDS=0
BAZEL_REMOTE_HEADER=$write build "$a" "$tmp/a.log" --execution_log_json_file="$tmp/a.exec.json" //... || fail "cold build in A failed"
t_a=$SECONDS
ok "cold: bazel test //... in copy A, with the write credential, ${t_a}s: $(processes "$tmp/a.log")"
# The standard library, once per platform: linux/amd64 (targets and tools share
# one action, GoBootstrap, which also builds rules_go's builder) and linux/arm64
# (images, GoStdlib) (tools/bench/README.md). A rule or flag that adds a Go
# configuration adds one (and rebuilds every package in it): fail here.
stdlib_re='"mnemonic": "(GoStdlib|GoBootstrap)"'
stdlibs=$(grep -cE "$stdlib_re" "$tmp/a.exec.json" || true)
((stdlibs <= MAX_STDLIBS)) || {
  grep -A3 -E "$stdlib_re" "$tmp/a.exec.json" | grep -o 'bazel-out/[^/]*' | sort -u >&2
  fail "the cold build built the standard library $stdlibs times (GoStdlib, GoBootstrap), want <= $MAX_STDLIBS: a new Go configuration (output directories above); find its transition with bazel config"
}
ok "cold: the standard library was built $stdlibs times (<= $MAX_STDLIBS: amd64 for targets and tools, arm64)"
[[ $(find "$web/data/cache/cas" -type f | wc -l) -gt 0 ]] || fail "nothing was uploaded to the cache"

fresh_copy b/repo
b=$copy
SECONDS=0
build "$b" "$tmp/b.log" --execution_log_json_file="$tmp/b.exec.json" //... || fail "build in B failed"
t_b=$SECONDS
total=$(processes "$tmp/b.log" | grep -o '^[0-9]*')
hits=$(count "$tmp/b.log" "remote cache hit")
internal=$(count "$tmp/b.log" internal)
# "local" processes are the tests tagged external + no-sandbox (//:gates_test)
# that read the source tree itself: Bazel never caches them.
local=$(count "$tmp/b.log" local)
cacheable=$((total - internal - local))
pct=$((cacheable ? 100 * hits / cacheable : 0))
echo "     warm: copy B, new output base, ${t_b}s: $(processes "$tmp/b.log")"
# Name every cacheable process that missed, from B's execution log.
python3 - "$tmp/b.exec.json" >"$tmp/misses" <<'PY'
import json, sys
text, dec, i = open(sys.argv[1]).read(), json.JSONDecoder(), 0
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    spawn, i = dec.raw_decode(text, i)
    # runner "local": the source-tree gates, never cached by design (counted apart below).
    if spawn.get("remotable") and spawn.get("cacheable") and not spawn.get("remoteCacheHit") and spawn.get("runner") != "local":
        print("     miss: %s (%s, runner %s)" % (spawn.get("progressMessage"), spawn.get("mnemonic"), spawn.get("runner")))
PY
cat "$tmp/misses"
((pct >= 95)) || fail "only $hits of $cacheable cacheable processes were remote cache hits ($pct %)"
grep -q "Executed 0 out of" "$tmp/b.log" || echo "     (some tests ran again: $(grep -o 'Executed [0-9]* out of [0-9]* tests' "$tmp/b.log"))"
ok "warm, no credential: $hits of $cacheable cacheable processes were remote cache hits ($pct %; $local uncacheable by design); cold ${t_a}s, warm ${t_b}s"

# B plays main's CI, which saves its commit's target hashes and tools/affected
# (.ci/run main with AFFECTED_SAVED): the pull request below runs that binary
# and analyses nothing but its own tree.
commit_tree "$b"
(cd "$b" && tools/bazel run --noshow_progress //tools/affected -- --save "$tmp/affected") >"$tmp/save.log" 2>&1 || {
  cat "$tmp/save.log" >&2
  fail "tools/affected --save failed in copy B"
}

# 3. A pull request on a warm cache: .ci/run pr in fresh copy C, read-only.
fresh_copy c/repo
# A git checkout on main, as CI's is: the pull request's edit is not committed,
# and tools/affected compares the working tree with main.
commit_tree "$copy"
printf '\n// Edited by tools/ci/remote_cache.sh: a pull request.\nvar _ = "pr"\n' >>"$copy/libs/greeting/greeting.go"
puts=$(grep -c '"PUT ' "$web/access.log" || true)
SECONDS=0
(cd "$copy" && BAZEL_REMOTE_READ_ONLY=true AFFECTED_SAVED=$tmp/affected bash .ci/run pr) >"$tmp/pr.log" 2>&1 || {
  tail -40 "$tmp/pr.log" >&2
  fail ".ci/run pr failed in copy C"
}
t_pr=$SECONDS
new_puts=$(($(grep -c '"PUT ' "$web/access.log" || true) - puts))
((new_puts == 0)) || fail ".ci/run pr with BAZEL_REMOTE_READ_ONLY=true uploaded $new_puts blobs"
affected=$(grep -o "testing [0-9]* targets, the affected ones and the source gates ($tmp/affected/affected)" "$tmp/pr.log") ||
  fail ".ci/run pr did not test the affected targets with the tools/affected copy B saved (tools/affected/test_affected.sh's line is missing)"
grep -q 'plus [1-9][0-9]* source gates' "$tmp/pr.log" || fail ".ci/run pr did not test the source gates (tools/affected --gates)"
grep -q '(saved hashes; only source files changed, nothing analysed)' "$tmp/pr.log" ||
  fail ".ci/run pr did not answer from the hashes copy B saved without analysing (a source edit only)"
ok ".ci/run pr, fresh copy, one-line edit of libs/greeting, warm cache: green in ${t_pr}s, $affected ($(processes "$tmp/pr.log"); $(grep -o 'Executed [0-9]* out of [0-9]* tests' "$tmp/pr.log")); read-only: 0 uploads"

# A pull request that forces uploads, as its own edit of .bazelrc or .ci/run could:
# the server refuses. One more edit, so that there is something new to upload.
c=$copy
listing() { find "$web/data/cache" -type f -printf '%P %s %T@\n' | sort; }
echo "// forced upload" >>"$c/libs/greeting/greeting.go"
before=$(listing)
refused=$(grep -c '"PUT [^"]*" 401 ' "$web/access.log" || true)
(cd "$c" && BAZEL_REMOTE_READ_ONLY=true tools/bazel --output_base="$c.ob" test --remote_upload_local_results //libs/...) >"$tmp/forced.log" 2>&1 || {
  tail -40 "$tmp/forced.log" >&2
  fail "a pull-request build forcing uploads failed"
}
said=$(grep -c 'refused a write (HTTP 401)' "$tmp/forced.log" || true)
((said == 1)) || fail "tools/bazel said $said times that uploads were refused, want once: $(grep -i 'remote cache' "$tmp/forced.log" | head -3)"
[[ $(listing) == "$before" ]] || fail "a pull-request build without the credential changed the cache directory"
((${refused:-0} < $(grep -c '"PUT [^"]*" 401 ' "$web/access.log"))) || fail "nginx logged no 401 for the forced upload"
ok "pull request forcing --remote_upload_local_results: green, the server answered 401, the cache directory is unchanged; tools/bazel said once: $(grep -o 'the remote cache .*refused a write (HTTP 401)' "$tmp/forced.log")"
# Without tools/bazel (a pull request can edit it too): Bazel tries every upload, nginx refuses each.
real=$(command -v bazel-4.2.3 || command -v bazel-4) || fail "no bazel-4.2.3 or bazel-4 (Debian's binary behind /usr/bin/bazel) on PATH"
echo "// forced upload, bypassing tools/bazel" >>"$c/libs/greeting/greeting.go"
refused=$(grep -c '"PUT [^"]*" 401 ' "$web/access.log" || true)
(cd "$c" && "$real" --output_base="$c.ob" test --config=ci --remote_cache="$BAZEL_REMOTE_CACHE" --remote_upload_local_results //libs/...) >"$tmp/bypass.log" 2>&1 || {
  tail -40 "$tmp/bypass.log" >&2
  fail "a build forcing uploads without tools/bazel failed"
}
[[ $(listing) == "$before" ]] || fail "a build without tools/bazel and without the credential changed the cache directory"
refused=$(($(grep -c '"PUT [^"]*" 401 ' "$web/access.log") - refused))
((refused > 0)) || fail "without tools/bazel, nginx refused no PUT: did Bazel upload at all? $(grep -i 'remote cache' "$tmp/bypass.log" | head -3)"
ok "the same without tools/bazel ($real): green, nginx answered $refused PUTs with 401, the cache directory is unchanged"
# With the credential, the same build (one more edit, so that it runs actions) fills the cache.
echo "// trusted upload" >>"$c/libs/greeting/greeting.go"
BAZEL_REMOTE_HEADER=$write build "$c" "$tmp/trusted.log" --remote_upload_local_results //libs/... || fail "the trusted build in C failed"
names() { awk '{print $1}' | grep -v '^cas/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855$' | sort; }
new=$(comm -13 <(names <<<"$before") <(listing | names) | wc -l)
((new > 0)) || fail "with the credential, the build wrote nothing new to the cache"
ok "with the credential the same build fills the cache ($new new entries; $(processes "$tmp/trusted.log"))"

# 4. Cache down: an edit forces new actions; the dead cache only warns.
echo "// edited by remote_cache.sh" >>"$b/libs/names/names.go"
BAZEL_REMOTE_CACHE=http://127.0.0.1:$(free_port)/cache build "$b" "$tmp/down.log" //libs/... ||
  fail "a dead remote cache failed the build"
warning=$(grep -m1 -A1 -i 'remote cache' "$tmp/down.log" | tr -s '\n ' ' ' || true)
[[ -n $warning ]] || fail "no warning about the dead cache in: $(tail -5 "$tmp/down.log")"
ok "dead cache: build and tests passed (exit 0), Bazel said: ${warning:0:200}"
sed -i '$ d' "$b/libs/names/names.go"

# 5. Corruption: garbage in place of the hello_world binary's CAS blob.
bin=$(cd "$b" && tools/bazel --output_base="$b.ob" info bazel-bin 2>/dev/null)/apps/hello_world/hello_world_/hello_world
sum=$(sha256sum "$bin" | cut -d' ' -f1)
blob=$web/data/cache/cas/$sum
[[ -f $blob ]] || fail "the hello_world binary ($sum) is not in the cache"
echo "garbage, not a Go binary" >"$blob"
(cd "$b" && tools/bazel --output_base="$b.ob" clean) >/dev/null 2>&1
build "$b" "$tmp/corrupt.log" //apps/hello_world/... || fail "a corrupted cache blob failed the build"
said=$(grep -m1 -i 'digest\|corrupt\|mismatch' "$tmp/corrupt.log" || true)
[[ -n $said ]] || fail "Bazel did not report the corrupted blob: $(processes "$tmp/corrupt.log")"
[[ $(sha256sum "$bin" | cut -d' ' -f1) == "$sum" ]] || fail "the rebuilt binary differs from the original"
out=$(cd "$b" && tools/bazel --output_base="$b.ob" run --ui_event_filters=-info --noshow_progress //apps/hello_world 2>/dev/null)
[[ $out == "Hello, world!" ]] || fail "the rebuilt hello_world printed '$out'"
ok "corrupted blob: rebuilt, same sha256, tests pass, prints '$out'; Bazel said: ${said:0:300}"
echo "remote_cache.sh: $passed passed, 0 failed"
