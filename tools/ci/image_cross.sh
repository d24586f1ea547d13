#!/usr/bin/env bash
# Images never hold the host's binary: hello_world's images built
# with a Mac's target platform (--platforms=...:darwin_arm64) hold a linux
# x86-64 ELF (image) and a linux aarch64 ELF (image_linux_arm64) at
# /app/hello_world. In this output base, under --platform_suffix=mac, so the
# darwin build does not overwrite the linux one (on a real Mac they share).
source "$(dirname "$0")/lib.sh"
cd "$root"
need python3 python3
flags=(--noshow_progress --ui_event_filters=-info
  --platforms=@io_bazel_rules_go//go/toolchain:darwin_arm64 --platform_suffix=mac)
tools/bazel build "${flags[@]}" //apps/hello_world:image //apps/hello_world:image_linux_arm64 >"$tmp/out" 2>&1 || {
  cat "$tmp/out" >&2
  fail "building the images for a darwin_arm64 target platform failed"
}
bin=$(tools/bazel info "${flags[@]}" bazel-bin 2>/dev/null)

# elf LAYOUT: "OS MACHINE" of /app/hello_world in the image's layers (ELF header).
elf() {
  python3 - "$1" <<'PY'
import json, sys, tarfile
root = sys.argv[1]
blob = lambda d: "%s/blobs/sha256/%s" % (root, d.split(":")[1])
manifest = json.load(open(blob(json.load(open(root + "/index.json"))["manifests"][0]["digest"])))
for layer in manifest["layers"]:
    with tarfile.open(blob(layer["digest"])) as t:
        for m in t.getmembers():
            if m.name.lstrip("./") == "app/hello_world":
                head = t.extractfile(m).read(20)
                if head[:4] != b"\x7fELF":
                    print("not-ELF", head[:4].hex())
                else:
                    osabi = {0: "linux/sysv", 3: "linux"}.get(head[7], "osabi-%d" % head[7])
                    machine = {0x3E: "x86-64", 0xB7: "aarch64"}.get(int.from_bytes(head[18:20], "little"), "other")
                    print(osabi, machine)
                sys.exit(0)
print("missing")
PY
}
for pair in "image:x86-64" "image_linux_arm64:aarch64"; do
  got=$(elf "$bin/apps/hello_world/${pair%%:*}")
  [[ $got == linux*" ${pair#*:}" ]] || fail "hello_world:${pair%%:*} built for darwin_arm64 holds '$got', want a linux ${pair#*:} ELF"
  ok "--platforms=darwin_arm64: hello_world:${pair%%:*} holds a ${got#* } ELF ($got)"
done
echo "image_cross.sh: $passed passed, 0 failed"
