#!/usr/bin/env bash
# The outputs README.md, its pages under docs/ (PAGES below) and docs/cli.md
# show are what gsd prints today.
#   docs_examples_check.sh GSD PROJECT_DIR
# - Each command block of one `gsd ...` line followed by an output block: every
#   output line (but those with "...") is a line of the command's stdout.
# - The output blocks the pages introduce in prose by their config (ANCHORED
#   below: the command and one line of the block that names it) alike.
# - The record walk-through of docs/monitoring.md: its commands build a
#   record, its `sed` edits it, and the replay then exits 2 with the line the
#   page quotes.
# - docs/monitoring.md's example config runs its looks.
# - The --log-level example of docs/cli.md: each line shown has the form of a
#   line gsd writes (numbers and times aside).
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$gsd" "$root" "$tmp" <<'EOF'
import json, re, shlex, subprocess, sys
gsd, root, tmp = sys.argv[1:4]
PAGES = ["README.md", "docs/designs.md", "docs/survival.md", "docs/endpoints.md",
         "docs/simulation.md", "docs/monitoring.md"]
pages = {page: open(f"{root}/{page}", encoding="utf-8").read().splitlines() for page in PAGES}
failures = []


def blocks(lines):
    """(language, body lines) of each fenced block, in order."""
    out, i = [], 0
    while i < len(lines):
        m = re.match(r"^```(\w*)$", lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while not lines[j].startswith("```"):
            j += 1
        out.append((m.group(1), lines[i + 1:j]))
        i = j + 1
    return out


def run(command, cwd=root):
    argv = [gsd] + shlex.split(command)[1:]
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True)


def compare(command, shown):
    result = run(command)
    if result.returncode != 0:
        failures.append(f"`{command}` exited {result.returncode}: {result.stderr.strip()}")
        return
    printed = {line.rstrip() for line in result.stdout.splitlines()}
    for line in shown:
        if line.strip() and "..." not in line and line.rstrip() not in printed:
            failures.append(f"`{command}` does not print the shown line: {line.strip()}")


# Blocks pair only within a page; the anchored ones may be on any page.
shown_blocks = []
pairs = 0
for page, lines in pages.items():
    page_blocks = blocks(lines)
    shown_blocks += page_blocks
    for (lang, body), (next_lang, next_body) in zip(page_blocks, page_blocks[1:]):
        commands = [l.split("#")[0].strip() for l in body if l.strip() and not l.lstrip().startswith("#")]
        if lang == "sh" and next_lang == "" and len(commands) == 1 and commands[0].startswith("gsd "):
            compare(commands[0], next_body)
            pairs += 1
if pairs < 6:
    failures.append(f"only {pairs} command and output pairs found in {', '.join(PAGES)}")

ANCHORED = [
    ("gsd design configs/blinatumomab-20120215.json", "   1       0.5000      2.9626     0.003051     0.003051           -    0.003051      0.1967           -"),
    ("gsd design configs/blinatumomab-20120215.json", "  naive Schoenfeld, proportional hazards with HR 0.63: 164 events for power 0.84 with one look, 167 with these looks;"),
    ("gsd design examples/boundaries/harm-bound.json", "  harm z bounds:  -2.5005  -2.6707  -2.6924"),
    ("gsd design examples/boundaries/protocol-futility.json", "  inflation factor I_max / I_fixed = 1.038541"),
    ("gsd design examples/boundaries/integer-plan.json", "  patients 201.93 -> 204 (a multiple of 4)"),
    ("gsd design examples/calendar/integer-calendar-looks.json", "   1       39.18    39.57*      0.4168      0.4209      3.2811      3.2631           -           -"),
    ("gsd design examples/boundaries/endpoint-futility.json --summary", "   1  futility     0.5000    200.00     0.0000     0.500000     0.0000          0     0.500000       0.0139"),
]
for command, anchor in ANCHORED:
    shown = [body for lang, body in shown_blocks if lang == "" and anchor in body]
    if not shown:
        failures.append(f"no page has a block with the line: {anchor.strip()}")
        continue
    compare(command, shown[0])

# The record walk-through: the commands of docs/monitoring.md's first block
# start and extend a record, the tamper block edits and replays it.
monitor = next(body for lang, body in blocks(pages["docs/monitoring.md"])
               if lang == "sh" and any("add-look --events 49" in l for l in body))
tamper = next(body for lang, body in blocks(pages["docs/monitoring.md"])
              if lang == "sh" and any(l.startswith("sed -i") for l in body))
config = "configs/blinatumomab-20120215.json"
text = "\n".join(monitor).replace("\\\n", " ")
steps = [l.split("#")[0].strip() for l in text.splitlines()]
steps = [s.replace("CONFIG.json", f"{root}/{config}") for s in steps if "add-look" in s]
if len(steps) != 2:
    failures.append(f"expected two add-look commands in the Monitoring block, found {len(steps)}")
for step in steps:
    result = run(step, cwd=tmp)
    if result.returncode != 0:
        failures.append(f"`{step}` exited {result.returncode}: {result.stderr.strip()}")
sed = next(l for l in tamper if l.startswith("sed -i"))
before = open(f"{tmp}/dmc.json", encoding="utf-8").read()
subprocess.run(shlex.split(sed), cwd=tmp, check=True)
if open(f"{tmp}/dmc.json", encoding="utf-8").read() == before:
    failures.append(f"docs/monitoring.md's `{sed}` leaves the record it describes unchanged")
replay = next(l for l in tamper if l.startswith("gsd monitor --record dmc.json ") and "exit 2" in l)
quoted = next(l for l in tamper if l.startswith("# error:"))[2:]
result = run(replay.split("#")[0].strip(), cwd=tmp)
if result.returncode != 2 or result.stdout or result.stderr.strip() != quoted:
    failures.append(f"after the edit, the replay exited {result.returncode} with {result.stderr.strip()!r}, "
                    f"not 2 with {quoted!r}")

# docs/monitoring.md's config example: the seed plan with that monitoring
# section runs its three looks.
example = next(body for lang, body in blocks(pages["docs/monitoring.md"])
               if lang == "json" and body and body[0].startswith('"monitoring": {'))
plan = json.load(open(f"{root}/{config}", encoding="utf-8"))
plan.update(json.loads("{" + "\n".join(example) + "}"))
json.dump(plan, open(f"{tmp}/looks.json", "w"))
result = run(f"gsd monitor {tmp}/looks.json --format json", cwd=tmp)
if result.returncode != 0 or len(json.loads(result.stdout)["monitoring"]["looks"]) != 3:
    failures.append(f"docs/monitoring.md's example exits {result.returncode}: {result.stderr.strip()}")

# docs/cli.md: the --log-level example's lines, numbers and times aside.
def form(line):
    return re.sub(r"[-+]?[0-9][0-9.e+-]*", "N", line.strip())

cli = open(f"{root}/docs/cli.md", encoding="utf-8").read().splitlines()
example = next(body for lang, body in blocks(cli) if body and body[0].startswith("$ gsd design") and "--log-level debug" in body[0])
result = run(example[0][2:].split(">")[0].strip())
written = {form(l) for l in result.stderr.splitlines()}
for line in example[1:]:
    if "..." not in line and form(line) not in written:
        failures.append(f"docs/cli.md: gsd writes no line of the form: {line.strip()}")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print(f"{len(PAGES)} pages: {pairs} command blocks, {len(ANCHORED)} named outputs, the record walk-through; docs/cli.md log example")
EOF
