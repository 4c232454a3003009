#!/usr/bin/env python3
"""The seed question's tables in docs/survival.md: for each test of the seed trial
(configs/blinatumomab-20120215.json), its analytic power at the plan's 202
patients and 94 events, its power simulated on the same replicates as the
others (gsd simulate with simulation.tests), and the patients and events it
needs for power 0.84 with the seed plan's accrual and 14.8 months of
follow-up (gsd design sized for the test), with its power simulated at
those sizes (the same seed). Then the RMST and milestone tests: their
analytic power with looks at 47 / 71 / 94 events, at 71 / 94 and at the
final analysis only, their power simulated on the same replicates as the
log-rank test with the same looks (simulation.tests), and the patients and
events each needs for the design's power 0.84 with the looks at the same
calendar times (sample_size.test.sized).

    scripts/seed_question.py build/release/cli/gsd [--replicates 40000] [--seed 20120215]

Prints two Markdown tables; needs only the Python standard library.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_CONFIG = os.path.join(ROOT, "configs", "blinatumomab-20120215.json")
FOLLOW_UP = 14.8  # months after accrual: the log-rank plan's 202 patients
TARGET = 0.84

# (row label, survival.test, simulated beside the others)
TESTS = [
    ("log-rank", {"type": "log-rank"}, True),
    ("FH(0, 1), late weights", {"type": "fleming-harrington", "rho": 0, "gamma": 1}, True),
    ("FH(1, 0), early weights", {"type": "fleming-harrington", "rho": 1, "gamma": 0}, True),
    ("FH(1, 1)", {"type": "fleming-harrington", "rho": 1, "gamma": 1}, True),
    ("Magirr-Burman, t* = 12 months", {"type": "magirr-burman", "t_star": 12}, True),
    ("MaxCombo of FH(0,0), FH(0,1), FH(1,0), FH(1,1)", {"type": "maxcombo"}, True),
]

# (row label, survival.test or None for the log-rank test, looks label, information fractions)
LOOKS = {"three": ("47 / 71 / 94 events", [0.5, 0.75, 1.0]), "two": ("71 / 94 events", [0.75, 1.0]),
         "final": ("final only (94)", [1.0])}
KM_ROWS = [
    ("log-rank", None, "three"),
    ("RMST, tau = 24 months", {"type": "rmst", "tau": 24}, "three"),
    ("RMST, tau = 36 months", {"type": "rmst", "tau": 36}, "three"),
    ("RMST, tau = 36 months", {"type": "rmst", "tau": 36}, "two"),
    ("RMST, tau = 36 months", {"type": "rmst", "tau": 36}, "final"),
    ("milestone, 24 months", {"type": "milestone", "time": 24}, "three"),
    ("milestone, 24 months", {"type": "milestone", "time": 24}, "final"),
    ("log-rank", None, "final"),
]


def run(gsd, command, config, *extra):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(config, f)
        path = f.name
    try:
        out = subprocess.run([gsd, command, path, "--format", "json", *extra], check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return json.loads(out)


def with_test(base, test):
    c = json.loads(json.dumps(base))
    if test["type"] != "log-rank":
        c["survival"]["test"] = test
    return c


def sized(base, test):
    c = with_test(base, test)
    s = c["survival"]
    del s["patients"], s["events"]
    s["follow_up"], s["power"] = FOLLOW_UP, TARGET
    return c


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gsd")
    parser.add_argument("--replicates", type=int, default=40000)
    parser.add_argument("--seed", type=int, default=20120215)
    a = parser.parse_args()
    base = json.load(open(SEED_CONFIG))
    sim = json.loads(json.dumps(base))
    sim["simulation"] = {"tests": [t for _, t, simulated in TESTS[1:] if simulated]}
    simulated = run(a.gsd, "simulate", sim, "--replicates", str(a.replicates), "--seed", str(a.seed),
                    "--quiet")["simulation"]
    sim_power = [(simulated["power"], simulated["power_se"])] + [(t["power"], t["power_se"])
                                                                 for t in simulated["tests"]]
    print("| test (`survival.test`) | analytic power | simulated power (SE) | patients / events for 0.84 "
          "(unrounded) | simulated power there (SE) |")
    print("|---|---|---|---|---|")
    k = 0
    for label, test, is_simulated in TESTS:
        plan = run(a.gsd, "design", with_test(base, test))["sample_size"]
        need = run(a.gsd, "design", sized(base, test))["sample_size"]
        analytic = f"{plan['power']:.4f}"
        if test["type"] == "log-rank":
            analytic += f" ({plan['power_fixed_times']:.4f} at the expected look times)"
        if test["type"] == "maxcombo":
            analytic += f" (MVN error {plan['test']['power_error']:.4f})"
        sizes = f"{need['patients']} / {need['events']}"
        sizes += f" ({need['patients_unrounded']:.1f} / {need['events_unrounded']:.1f})"
        if is_simulated:
            p, se = sim_power[k]
            k += 1
            simulated_cell = f"{p:.4f} ({se:.4f})"
            at = with_test(base, test)
            at["survival"]["patients"], at["survival"]["events"] = need["patients"], need["events"]
            there = run(a.gsd, "simulate", at, "--replicates", str(a.replicates), "--seed", str(a.seed),
                        "--quiet")["simulation"]
            there_cell = f"{there['power']:.4f} ({there['power_se']:.4f})"
        else:
            simulated_cell = there_cell = "not simulated"
        print(f"| {label} | {analytic} | {simulated_cell} | {sizes} | {there_cell} |")
    print()
    km_table(a, base)
    return 0


def defined(gsd, config):
    """gsd design's output, or None where it refuses the test (exit 2)."""
    try:
        return run(gsd, "design", config)
    except subprocess.CalledProcessError as e:
        if e.returncode != 2:
            raise
        return None


def km_table(a, base):
    """The RMST and milestone tests: per set of looks, one gsd simulate run
    with the log-rank test as the trial's and the tests defined there as
    simulation.tests."""
    rows = {}
    for looks, (_, fractions) in LOOKS.items():
        at = json.loads(json.dumps(base))
        at["design"]["information_fractions"] = fractions
        tests = [t for _, t, k in KM_ROWS if k == looks and t is not None]
        plans = [defined(a.gsd, with_test(at, t)) for t in tests]
        sim = json.loads(json.dumps(at))
        sim["simulation"] = {"tests": [t for t, p in zip(tests, plans) if p is not None]}
        simulated = run(a.gsd, "simulate", sim, "--replicates", str(a.replicates), "--seed", str(a.seed),
                        "--quiet")["simulation"]
        rows[(looks, None)] = (run(a.gsd, "design", at)["sample_size"], simulated)
        side = iter(simulated["tests"])
        for t, p in zip(tests, plans):
            rows[(looks, json.dumps(t))] = (p and p["sample_size"], p and next(side))
    print("| test (`survival.test`) | looks | analytic power | simulated power (SE) | patients (events) for 0.84 |")
    print("|---|---|---|---|---|")
    for label, test, looks in KM_ROWS:
        plan, simulated = rows[(looks, None if test is None else json.dumps(test))]
        looks_label = LOOKS[looks][0]
        if plan is None:
            print(f"| {label} | {looks_label} | not defined: refused | | |")
            continue
        if test is None:
            analytic = f"{plan['power_fixed_times']:.4f} ({plan['power']:.4f} event-driven)"
            sizes = ""
        else:
            analytic = f"{plan['power']:.4f}"
            sized = plan["test"]["sized"]
            sizes = f"{sized['patients']:.0f} ({sized['events']})"
        print(f"| {label} | {looks_label} | {analytic} | {simulated['power']:.4f} ({simulated['power_se']:.4f}) "
              f"| {sizes} |")


if __name__ == "__main__":
    sys.exit(main())
