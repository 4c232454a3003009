#!/usr/bin/env bash
# docs/config.md names every key gsd accepts, and the ranges it gives for
# design.solver are the ones gsd enforces.
#   config_docs_check.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$gsd" "$root" "$tmp" <<'EOF'
import copy, json, re, subprocess, sys
gsd, root, tmp = sys.argv[1:4]
doc = open(f"{root}/docs/config.md", encoding="utf-8").read()
seed = json.load(open(f"{root}/configs/blinatumomab-20120215.json"))
failures = []


def refusal(config):
    path = f"{tmp}/c.json"
    json.dump(config, open(path, "w"))
    r = subprocess.run([gsd, "design", path], capture_output=True, text=True)
    return r.returncode, r.stderr.strip()


# An unknown key is refused with the section's known keys: each must be in
# the docs.
SECTIONS = ["", "design", "design.efficacy", "design.futility", "design.harm", "design.solver",
            "survival", "survival.control", "survival.accrual", "survival.dropout",
            "simulation", "monitoring"]
for section in SECTIONS:
    config = copy.deepcopy(seed)
    node = config
    for key in filter(None, section.split(".")):
        node = node.setdefault(key, {})
    node["zzzzzzzzzzzzzzzzzzzz"] = 1
    code, err = refusal(config)
    m = re.search(r"known keys: (.*)$", err)
    if code != 2 or not m:
        failures.append(f"{section or 'the root'}: an unknown key gave {code} {err!r}")
        continue
    for key in m.group(1).split(", "):
        # As `key`, `section.key`, `key: ...` or "key" in a JSON example.
        if not re.search(r'[`"]' + re.escape(key) + r'[`":]', doc) and f"`{section}.{key}`" not in doc:
            failures.append(f"docs/config.md does not name {section + '.' if section else ''}{key}")

# design.solver: each key's documented range, e.g. `grid_r` (6; ... in [4, 200])
# or `quadrature_max_depth` (15, in [4, 30]); the root bits share one range.
solver = doc[doc.index("**`solver`**"):doc.index("## `survival`")]
solver = " ".join(solver.split())
ranges = {}
for key, rng in re.findall(r"`(\w+)` \([^()]*?in \[([^\]]+)\]\)", solver):
    ranges[key] = rng
bits = re.search(r"`boundary_root_bits` \(40\), `survival_root_bits` \(45\), `inference_root_bits` "
                 r"\(44\) \(mantissa bits of the root searches, in \[([^\]]+)\]\)", solver)
if bits:
    for key in ("boundary_root_bits", "survival_root_bits", "inference_root_bits"):
        ranges[key] = bits.group(1)
expected = {"grid_r", "boundary_root_bits", "survival_root_bits", "inference_root_bits",
            "quadrature_tolerance", "quadrature_absolute_tolerance", "quadrature_max_depth"}
if set(ranges) != expected:
    failures.append(f"docs/config.md gives no range for design.solver {sorted(expected - set(ranges))}")
for key, rng in ranges.items():
    lo, hi = (float(x) for x in rng.split(", "))
    # Just outside, below and above, and far above (where a whole number is
    # first checked to fit its field: the same range must be named).
    for value in (lo - 1.0, 2.0 * hi, 1e9):
        config = copy.deepcopy(seed)
        config["design"]["solver"] = {key: value}
        code, err = refusal(config)
        m = re.search(r"must lie in \[([^\]]+)\]", err)
        got = tuple(float(x) for x in m.group(1).split(", ")) if m else None
        if code != 2 or got != (lo, hi):
            failures.append(f"design.solver.{key} = {value}: gsd says {err!r}, docs/config.md [{rng}]")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print(f"docs/config.md: the keys of {len(SECTIONS)} sections and {len(ranges)} solver ranges")
EOF
