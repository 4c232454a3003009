"""The seed trial end to end in Python: blinatumomab vs consolidation
chemotherapy in children with high-risk first-relapse B-ALL (Locatelli et
al., JAMA 2021;325:843).

  1. the design: two-sided 0.05, Lan-DeMets O'Brien-Fleming, looks at 50%
     and 75% of 94 events (published threshold at the first look: P .003);
  2. the plan under a mixture cure model: 202 patients, 94 events, power;
  3. a simulation of the planned trial;
  4. the committee's look at 49 of 94 events, entered into a monitoring
     record: threshold P .00381 (published .004), observed P < .001, stop;
  5. the plots of each, saved as PNG files.

Run it from the repository root after `scripts/setup.sh python`:

    .venv/bin/python examples/python/seed_trial.py --out seed-trial

It prints the numbers and checks them against the published plan.
"""
import argparse
import os
import tempfile

import matplotlib

matplotlib.use("Agg")  # files only, no window

import gsd  # noqa: E402


def check(what, got, want, tolerance):
    status = "ok" if abs(got - want) <= tolerance else "DIFFERS"
    print(f"  {what:<46} {got:10.6f}   published/reference {want:g}   {status}")
    if status != "ok":
        raise SystemExit(f"{what}: {got} is not within {tolerance} of {want}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="seed-trial", help="folder for the plots")
    parser.add_argument("--replicates", type=int, default=20000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    print("1. Design: two-sided 0.05, LD O'Brien-Fleming, looks at 50%, 75%, 100%")
    design = gsd.design(alpha=0.05, sided=2, beta=0.16, information_fractions=[0.5, 0.75, 1.0],
                        efficacy="lan-demets-obf")
    print(design.bounds[["information_fraction", "efficacy_z", "nominal_p_two_sided"]])
    check("two-sided nominal p at the first look", design.bounds["nominal_p_two_sided"][1],
          0.003, 0.0005)

    print("\n2. Plan: cure 40% vs 56.2%, noncured median 7 months, HR 0.63, 36 months accrual")
    plan = gsd.survival(design, control={"cure_fraction": 0.40, "median_noncured": 7.0},
                        treatment={"cure_fraction": 0.562}, hazard_ratio_noncured=0.63,
                        accrual=36.0, patients=202, events=94, time_unit="months")
    print(plan.looks[["events", "calendar_time", "drift", "efficacy_z", "crossing_probability"]])
    check("power under the cure model (about 84%)", plan.power, 0.84, 0.01)
    check("study duration, months (independent R: 50.77)", plan.study_duration, 50.77, 0.01)

    print(f"\n3. Simulation: {args.replicates} trials on {args.threads} threads")
    sim = gsd.simulate(plan, replicates=args.replicates, seed=20120215, threads=args.threads)
    # Where the trials stop, and when the looks they held come (the mean
    # calendar time over the trials that held each look).
    print(sim.looks[["events", "reject", "capped", "held", "mean_time", "mean_patients"]])
    # The design's look time is when the expected events reach 47; the
    # simulated one is the mean time of the 47th event: close, not equal.
    check("first look, months (design 27.09)", sim.looks["mean_time"][1], plan.looks["calendar_time"][1], 0.5)
    # rpact 3.3.4 and lrstat simulate 0.837 and 0.836 (100,000 replicates).
    check("simulated power (rpact 0.837)", sim.power, 0.837, 4 * sim.power_se + 0.002)

    print("\n4. The committee's look at 49 of 94 events, P < .001, in a monitoring record")
    with tempfile.TemporaryDirectory() as tmp:
        record = gsd.Record(os.path.join(tmp, "dmc-record.json"))
        look = record.add_look(49, p_two_sided=0.001, direction="favours-treatment",
                               note="published as P < .001", config=plan,
                               date="first interim analysis")
    print(look.looks[["events", "efficacy_z", "nominal_p_two_sided", "z", "decision"]])
    check("threshold at 49 of 94 events (paper: .004)", look.looks["nominal_p_two_sided"][1],
          0.00381256, 1e-7)
    print(f"  decision: {look.decision}")
    if look.decision != "stop-efficacy":
        raise SystemExit("the published look should stop the trial for benefit")

    for name, result in (("design", plan), ("simulation", sim), ("monitoring", look)):
        path = os.path.join(args.out, f"{name}.png")
        result.plot().savefig(path, dpi=80)
        print(f"  saved {path}")
    look.save_report(os.path.join(args.out, "dmc-report.html"))
    print(f"  saved {os.path.join(args.out, 'dmc-report.html')}")


if __name__ == "__main__":
    main()
