"""Rewrites an OCI runtime bundle's config.json for runc on these machines (used by tools/ci/*.sh).

usage: bundle.py ORIG_CONFIG OUT_CONFIG [--entrypoint PATH] [--host-network] [--env KEY=VALUE]... -- [ARGS...]

The process runs the image's entrypoint (or PATH) with ARGS, without a
terminal. The cgroup namespace and the /sys/fs/cgroup mount are dropped:
runc cannot set them up on these machines' hybrid cgroups. --host-network
keeps the host's network namespace, so a server in the container listens on
the host's 127.0.0.1.
"""

import argparse
import json
import sys

p = argparse.ArgumentParser()
p.add_argument("orig")
p.add_argument("out")
p.add_argument("--entrypoint")
p.add_argument("--host-network", action="store_true")
p.add_argument("--env", action="append", default=[])
argv = sys.argv[1:]
cut = argv.index("--") if "--" in argv else len(argv)
a = p.parse_args(argv[:cut])
a.args = argv[cut + 1:]

c = json.load(open(a.orig))
proc = c["process"]
proc["terminal"] = False
proc["args"] = [a.entrypoint or proc["args"][0]] + a.args
proc["env"] = proc.get("env", []) + a.env
drop = {"cgroup"} | ({"network"} if a.host_network else set())
c["linux"]["namespaces"] = [n for n in c["linux"]["namespaces"] if n["type"] not in drop]
c["mounts"] = [m for m in c["mounts"] if m["destination"] != "/sys/fs/cgroup"]
json.dump(c, open(a.out, "w"))
