"""Classical O'Brien-Fleming monitored with the bounds used held: the golden
case tests/golden/inputs/monitor-classical-final.json (looks at 48, 103, 149
and 206 of 200 planned events, one-sided alpha 0.025, planned fractions 0.25,
0.5, 0.75, 1), recomputed with scipy's Genz-Bretz multivariate normal
probabilities (scipy 1.10, abseps 1e-9) and Brent's root.

At each look the schedule is the looks taken and the planned ones beyond the
current one (50 after 48, 150 after 149); the bounds used at earlier looks are
held and C of c_k = C / sqrt(t_k) is solved for the looks from the current one
on, so that all the bounds spend alpha. rpact's getGroupSequentialProbabilities
is not used here: it loses accuracy at looks as close as 48 and 50 events
(correlation 0.98), where it gives C = 2.024024 for the first schedule against
2.024318 from this computation and from gsd.

Printed (one run): 4.132122756, 2.822068368, 2.353551203, 2.027917151; gsd's
golden file has 4.132122511, 2.822068366, 2.353552065, 2.027916915 (within
the quasi-Monte Carlo error, about 1e-6 in z).

Run: python3 tests/reference/classical_held_chain.py (a few minutes).
"""
import numpy as np
from scipy.optimize import brentq
from scipy.stats import multivariate_normal as mvn

ALPHA = 0.025


def spent(bounds, t):
    t = np.asarray(t, float)
    cov = np.sqrt(np.minimum.outer(t, t) / np.maximum.outer(t, t))
    np.random.seed(1)
    return 1.0 - mvn.cdf(np.asarray(bounds), mean=np.zeros(len(t)), cov=cov,
                         abseps=1e-9, releps=1e-9, maxpts=5 * 10**7)


schedules = [np.array([48, 50, 100, 150, 200]) / 200, np.array([48, 103, 150, 200]) / 200,
             np.array([48, 103, 149, 150, 200]) / 200, np.array([48, 103, 149, 206]) / 206]
used = []
for k, t in enumerate(schedules):
    shape = 1.0 / np.sqrt(t)
    c = brentq(lambda c: spent(used + list(c * shape[k:]), t) - ALPHA, 1.5, 3.0, xtol=1e-10)
    used.append(c * shape[k])
print(", ".join("%.9f" % u for u in used))
