#!/usr/bin/env bash
# Every key of gsd's JSON output is named in docs/output.md (or records.md,
# or config.md for what echoes the config): design, design --summary, simulate and monitor
# over the configs and examples of the repository.
#   output_docs_check.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
python3 - "$gsd" "$root" <<'EOF'
import glob, json, re, subprocess, sys
gsd, root = sys.argv[1:3]
text = "".join(open(f"{root}/docs/{f}", encoding="utf-8").read()
               for f in ("output.md", "records.md", "config.md"))
# The names docs give in code blocks and in code spans: `key`, `looks[].key`,
# `{q1, median, q3}`.
named = set()
blocks = re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)
prose = re.sub(r"^```[a-z]*\n.*?^```", "", text, flags=re.S | re.M)
for span in blocks + re.findall(r"`([^`]+)`", prose):
    named.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", span))


def keys(node, path, out):
    if isinstance(node, dict):
        for k, v in node.items():
            out.setdefault(k, path)
            keys(v, f"{path}.{k}", out)
    elif isinstance(node, list):
        for v in node:
            keys(v, f"{path}[]", out)


found = {}
configs = sorted(glob.glob(f"{root}/configs/*.json") + glob.glob(f"{root}/examples/*/*.json"))
runs = 0
for config in configs:
    for command in (["design"], ["design", "--summary"], ["simulate", "--replicates", "200"], ["monitor"]):
        r = subprocess.run([gsd, command[0], config, "--format", "json", *command[1:]],
                           capture_output=True, text=True, cwd=root)
        if r.returncode == 0:
            keys(json.loads(r.stdout), command[0], found)
            runs += 1
if runs < 40:
    sys.exit(f"FAIL: only {runs} outputs")
missing = sorted(f"{path}.{k}" for k, path in found.items() if k not in named)
for m in missing:
    print("FAIL: docs/output.md does not name the output key", m)
if missing:
    sys.exit(1)
print(f"{len(found)} output keys of {runs} outputs, each named in docs/output.md")
EOF
