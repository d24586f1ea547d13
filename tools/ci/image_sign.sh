#!/usr/bin/env bash
# Signed images, end to end with the real cosign: image_push signs what it
# pushes with a key from the environment (a CI secret) and attests the SBOM;
# cosign (pinned in tools/ci/go_tools.txt, built here) verifies both; our
# image_verify accepts that key, and refuses an unsigned digest and one
# signed with another key. No key material in any log.
# Debian's docker-registry on 127.0.0.1; keyless signing (Fulcio, Rekor) needs
# the internet, so every cosign command here skips the transparency log.
source "$(dirname "$0")/lib.sh"
cd "$root"

need skopeo skopeo
cosign=$(go_tool cosign)
start_registry signed
repo=127.0.0.1:$port/hello_world
logs=$tmp/logs
mkdir -p "$logs"
# cosign's flags for this registry (plain HTTP) and for no transparency log.
offline=(--allow-http-registry --allow-insecure-registry --insecure-ignore-tlog=true)

# Two key pairs, in cosign's own encrypted format.
for k in ci other; do
  (cd "$tmp" && COSIGN_PASSWORD=pw-$k "$cosign" generate-key-pair --output-key-prefix "$k") >"$logs/keygen-$k" 2>&1 ||
    {
      cat "$logs/keygen-$k" >&2
      fail "cosign generate-key-pair failed"
    }
done

run_target() { tools/bazel run --noshow_progress --ui_event_filters=-info "$@"; }

# 1. CI's push: the key from the environment, as a secret gives it.
IMAGE_SIGNING_KEY=$(<"$tmp/ci.key") COSIGN_PASSWORD=pw-ci run_target //apps/hello_world:image_push -- --repository "$repo" >"$logs/push" 2>&1 || {
  cat "$logs/push" >&2
  fail "signed push failed"
}
want=$(grep -m1 "^$repo@sha256:" "$logs/push" || true)
[[ $want == "$repo@sha256:"* ]] || fail "push printed no digest: $(cat "$logs/push")"
grep -q '^signed .* with key ' "$logs/push" || fail "push did not say it signed: $(cat "$logs/push")"
grep -q '^attested the SBOM ' "$logs/push" || fail "push did not attest the SBOM: $(cat "$logs/push")"
ok "image_push with IMAGE_SIGNING_KEY: $(grep -o '^signed .*' "$logs/push")"

# 2. The real cosign accepts our signature and our attestation.
"$cosign" verify --key "$tmp/ci.pub" "${offline[@]}" "$want" >"$logs/verify" 2>&1 || {
  cat "$logs/verify" >&2
  fail "cosign verify refused our signature of $want"
}
ok "cosign $("$cosign" version --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["gitVersion"])') verify --key: $(grep -m1 -o 'The signatures were verified against the specified public key' "$logs/verify" || echo accepted)"
"$cosign" verify-attestation --key "$tmp/ci.pub" --type spdxjson "${offline[@]}" "$want" >"$logs/attest" 2>&1 || {
  cat "$logs/attest" >&2
  fail "cosign verify-attestation refused our SBOM attestation of $want"
}
python3 - "$logs/attest" "${want#*@}" <<'PY' || fail "the attestation cosign returned is not our SPDX SBOM of $want"
import base64, json, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("{")]
statement = json.loads(base64.b64decode(json.loads(lines[0])["payload"]))
assert statement["predicateType"] == "https://spdx.dev/Document", statement["predicateType"]
assert statement["subject"][0]["digest"]["sha256"] == sys.argv[2].split(":")[1]
assert statement["predicate"]["spdxVersion"] == "SPDX-2.3"
PY
ok "cosign verify-attestation --type spdxjson: our in-toto statement of the SPDX SBOM, for ${want#*@}"

# 3. Our verify step: the right key passes, another key and an unsigned digest fail.
verify() { run_target //apps/"$1":image_verify -- --repository "127.0.0.1:$port/$1" --key "$2" "${@:3}"; }
verify hello_world "$tmp/ci.pub" >"$logs/ours" 2>&1 || {
  cat "$logs/ours" >&2
  fail "image_verify refused CI's signature"
}
ok "image_verify --key ci.pub: $(grep -o '^verified .*' "$logs/ours")"
run_target //apps/hello_server:image_push -- --repository "127.0.0.1:$port/hello_server" >"$logs/unsigned-push" 2>&1 ||
  fail "an unsigned push failed: $(cat "$logs/unsigned-push")"
grep -q '^unsigned: no signing key' "$logs/unsigned-push" || fail "an unsigned push did not say so: $(cat "$logs/unsigned-push")"
if verify hello_server "$tmp/ci.pub" >"$logs/refused" 2>&1; then fail "image_verify accepted an unsigned digest"; fi
grep -q 'is not signed' "$logs/refused" || fail "no reason given: $(cat "$logs/refused")"
ok "an unsigned push says so; image_verify refuses it: $(grep -o 'ocitool: verify: .*' "$logs/refused" | cut -c1-160)"
unsigned=$(grep -m1 "^127.0.0.1:$port/hello_server@sha256:" "$logs/unsigned-push" || true)
[[ -n $unsigned ]] || fail "the unsigned push printed no digest: $(cat "$logs/unsigned-push")"
COSIGN_PASSWORD=pw-other "$cosign" sign --key "$tmp/other.key" --tlog-upload=false "${offline[@]:0:2}" --yes "$unsigned" >"$logs/other-sign" 2>&1 || {
  cat "$logs/other-sign" >&2
  fail "cosign sign with the other key failed"
}
if verify hello_server "$tmp/ci.pub" >"$logs/wrong" 2>&1; then fail "image_verify accepted a signature by another key"; fi
grep -q "none by $tmp/ci.pub" "$logs/wrong" || fail "no reason given: $(cat "$logs/wrong")"
verify hello_server "$tmp/other.pub" >"$logs/other" 2>&1 || fail "image_verify refused cosign's own signature with its key: $(cat "$logs/other")"
ok "signed by cosign with another key: image_verify --key ci.pub refuses ($(grep -o 'has [0-9]* signatures, none by' "$logs/wrong")), --key other.pub accepts"

# 4. No key material in any log.
for k in ci other; do
  while read -r line; do
    [[ $line == -----* || ${#line} -lt 20 ]] && continue
    ! grep -rqF -- "$line" "$logs" || fail "a line of $k.key appears in a log"
  done <"$tmp/$k.key"
done
ok "no line of either private key in any log ($(find "$logs" -type f | wc -l) logs)"
echo "image_sign.sh: $passed passed, 0 failed"
