#!/usr/bin/env python3
"""Monte Carlo check of the influence-function moments of the log-rank
statistic (survival/calendar_profile.hpp) for the seed plan: control cure 40%,
noncured median 7 months; treatment cure 56.2%, noncured hazard ratio 0.63;
uniform accrual over 36 months; 202 patients, 101 per arm.

Prints, per patient:
  * at the expected time of 94 events (50.77 months): Cov(U, D) / Var(D) and
    Var(U | D) (U the log-rank score, D the event count);
  * at the time of the 47th event: the mean and variance of Z = U / sqrt(V),
    V the hypergeometric variance estimate.

The values are embedded in tests/survival/calendar_profile_test.cpp.
Run: /usr/bin/python3 tests/reference/logrank_influence_check.py  (numpy; ~3 min)
"""
import numpy as np

N, N0, ACCRUAL, MEDIAN, HR, CURE = 202, 101, 36.0, 7.0, 0.63, (0.40, 0.562)
ARM = np.r_[np.zeros(N0), np.ones(N - N0)]


def trial(rng):
    entry = rng.uniform(0, ACCRUAL, N)
    cured = rng.uniform(size=N) < np.where(ARM == 1, CURE[1], CURE[0])
    rate = np.log(2) / MEDIAN * np.where(ARM == 1, HR, 1.0)
    latency = np.where(cured, np.inf, rng.exponential(1 / rate))
    return entry, latency


def logrank(entry, latency, tau):
    follow = np.maximum(tau - entry, 0)
    x = np.minimum(latency, follow)
    event = latency <= follow + 1e-12
    order = np.argsort(x)
    event, arm = event[order], ARM[order]
    y1 = np.cumsum(arm[::-1])[::-1]
    y = np.arange(N, 0, -1)
    y0 = y - y1
    u = np.sum((1 - arm[event]) - y0[event] / y[event])
    v = np.sum(y0[event] * y1[event] / y[event] ** 2)
    return u, v, event.sum()


def fixed_time(tau, reps, seed):
    rng = np.random.default_rng(seed)
    out = np.array([logrank(*trial(rng), tau) for _ in range(reps)])
    u, d = out[:, 0], out[:, 2]
    c = np.cov(u, d)
    print(f"tau {tau}: slope Cov(U,D)/Var(D) {c[0, 1] / c[1, 1]:.4f}, "
          f"Var(U|D)/N {(c[0, 0] - c[0, 1] ** 2 / c[1, 1]) / N:.5f}, E V/N {out[:, 1].mean() / N:.5f}")


def at_events(events, reps, seed):
    rng = np.random.default_rng(seed)
    z = []
    for _ in range(reps):
        entry, latency = trial(rng)
        tau = np.sort(entry + latency)[events - 1]
        u, v, _ = logrank(entry, latency, tau)
        z.append(u / np.sqrt(v))
    z = np.array(z)
    print(f"{events} events: E Z {z.mean():.4f}, Var Z {z.var():.4f}")


if __name__ == "__main__":
    fixed_time(50.77, 40000, 5)
    at_events(47, 60000, 3)
