#!/usr/bin/env python3
"""Reference values for tests/engine/event_projection_test.cpp.

Expected event fraction per arm, by calendar time tau, for a trial with
  - piecewise-exponential latency: hazard 0.1 on [0, 6), 0.05 after (control),
    times 0.7 (treatment), no cure;
  - piecewise accrual: relative rate 10 on [0, 6], 30 on [6, 30] (780 patients
    in rpact's accrualIntensity terms);
  - exponential drop-out hazard -log(0.95) / 12 in both arms.
The fraction of patients in arm j with an observed event by tau is
  int_0^tau R(tau - s) h_j(s) exp(-H_j(s) - eta s) ds,
computed here independently of gsd: on the time scale s (gsd integrates on
the cumulative-hazard scale), by composite Simpson's rule on each piece
between kinks (s = 6, tau - 30, tau - 6), 20000 intervals per piece, with
plain-Python floating point. Simpson's error on these smooth pieces is below
1e-13. Run: python3 tests/reference/survival_events_reference.py
"""
import math

ETA = -math.log(0.95) / 12.0
ACCRUAL_ENDS = (6.0, 30.0)
ACCRUAL_RATES = (10.0, 30.0)
TOTAL = 10.0 * 6.0 + 30.0 * 24.0


def accrual_cdf(u):
    if u <= 0.0:
        return 0.0
    if u <= 6.0:
        return 10.0 * u / TOTAL
    if u <= 30.0:
        return (60.0 + 30.0 * (u - 6.0)) / TOTAL
    return 1.0


def hazard(s, hr):
    return hr * (0.1 if s < 6.0 else 0.05)


def cumulative_hazard(s, hr):
    return hr * (0.1 * s if s < 6.0 else 0.6 + 0.05 * (s - 6.0))


def integrand(s, tau, hr):
    return accrual_cdf(tau - s) * hazard(s, hr) * math.exp(-cumulative_hazard(s, hr) - ETA * s)


def simpson(f, a, b, n=20000):
    # The hazard jumps at s = 6: the end values are taken from inside the
    # piece (1e-13 of its length in), which moves the result by < 1e-14.
    h = (b - a) / n
    inset = 1e-13 * (b - a)
    total = f(a + inset) + f(b - inset)
    for i in range(1, n):
        total += (4.0 if i % 2 else 2.0) * f(a + i * h)
    return total * h / 3.0


def arm_fraction(tau, hr):
    cuts = sorted({0.0, tau} | {c for c in (6.0, tau - 30.0, tau - 6.0) if 0.0 < c < tau})
    return sum(simpson(lambda s: integrand(s, tau, hr), a, b) for a, b in zip(cuts, cuts[1:]))


if __name__ == "__main__":
    for tau in (5.0, 10.0, 20.0, 29.0, 30.0, 31.0, 40.0):
        print(f"{{{tau:.1f}, {arm_fraction(tau, 1.0):.15e}, {arm_fraction(tau, 0.7):.15e}}},")
