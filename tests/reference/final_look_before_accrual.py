#!/usr/bin/env python3
"""Reference values for SampleSize.FinalLookBeforeAccrualEnds
(tests/survival/sample_size_test.cpp) and cli.survival.final_look_before_accrual_ends.

The seed trial's model with 1000 patients instead of 202: uniform accrual over
36 months, 1:1, cure fractions 0.40 (control) and 0.562 (treatment),
exponential latencies of the noncured with control median 7 months and hazard
ratio 0.63, no drop-out. Before accrual ends (t <= 36) the expected events by
calendar time t are, in closed form,
  sum over arms of (n_j / 36) (1 - pi_j) (t - (1 - exp(-lambda_j t)) / lambda_j),
the integral over entry times u in [0, t] of (1 - pi_j)(1 - exp(-lambda_j (t - u))).
The final look's expected time is where this reaches 94 (bisection to the
last bit, plain Python floats), and the patients enrolled by then are
1000 t / 36. Run: python3 tests/reference/final_look_before_accrual.py
"""
import math

PATIENTS = 1000
EVENTS = 94
ACCRUAL = 36.0
LAMBDA_C = math.log(2.0) / 7.0
ARMS = ((PATIENTS / 2, 0.40, LAMBDA_C), (PATIENTS / 2, 0.562, LAMBDA_C * 0.63))


def expected_events(t):
    return sum(n / ACCRUAL * (1.0 - pi) * (t - (1.0 - math.exp(-lam * t)) / lam)
               for n, pi, lam in ARMS)


lo, hi = 1.0, ACCRUAL
for _ in range(200):
    mid = 0.5 * (lo + hi)
    if expected_events(mid) < EVENTS:
        lo = mid
    else:
        hi = mid
print(f"study_duration        {lo!r}")
print(f"follow_up             {lo - ACCRUAL!r}")
print(f"patients_at_study_end {PATIENTS * lo / ACCRUAL!r}")
