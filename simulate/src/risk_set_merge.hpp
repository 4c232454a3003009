#pragma once
// Private: the merge of a stratum's y-sorted outcomes with the censorings at
// a look, shared by the log-rank statistic and the weighted tests
// (trial_kernel.cpp, weighted_log_rank.cpp). Included after trial_kernel.hpp.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "trial_kernel.hpp"

namespace gsd::simulate::detail {

// Relative margin of the log-rank's follow-up horizon: far above the rounding
// of entry + y (a few 1e-16 relative), far below any time difference that matters.
inline constexpr double kHorizonMargin = 1e-9;

inline std::size_t idx(int i) { return static_cast<std::size_t>(i); }

// The plain log-rank test needs nothing beyond the merge's own sums.
struct NoVisitor {
  void begin_stratum() {}
  void one(double, int, int, int, int) {}
  void group(double, int, int, int, int) {}
};

// One stratum's merge of the y-sorted list (outcomes observed by tau) with the
// censorings at tau - entry (descending entry). The common case of no tie is
// branch-free; exact ties take the grouped path.
template <class Visitor>
int Workspace::stratum_merge(std::size_t s, double tau, Sums& sums, Visitor& visitor) const {
  const int lo = stratum_offset[s];
  const int enrolled_end = static_cast<int>(
      std::lower_bound(entry.begin() + lo, entry.begin() + stratum_offset[s + 1], tau) -
      entry.begin());
  int at_risk[2];
  at_risk[1] = treatment_prefix_[idx(enrolled_end)] - treatment_prefix_[idx(lo)];
  at_risk[0] = enrolled_end - lo - at_risk[1];
  int ib = enrolled_end - 1;
  // No follow-up reaches beyond tau - (first entry): later outcomes are unseen.
  // Observed means entry + y <= tau, which rounding can keep true for a y a
  // few ulps above tau - entry; the margin keeps the cut conservative (the
  // exact test is calendar <= tau below).
  const double horizon =
      enrolled_end > lo ? (tau - entry[idx(lo)]) + kHorizonMargin * (1.0 + std::fabs(tau)) : 0.0;
  const TimedPatient* a = timed_.data() + timed_offset_[s];
  const TimedPatient* a_end = timed_.data() + timed_offset_[s + 1];
  const double* inv = inverse_.data();
  visitor.begin_stratum();
  double observed_t = 0.0;
  double expected_t = 0.0;
  double variance = 0.0;
  int events = 0;
  // Outcomes observed by tau, in y order; the others leave the risk set at
  // their censoring time tau - entry, in the loop over ib.
  std::size_t k_end = 0;
  TimedPatient* obs = observed_.data();
  for (; a != a_end && !(a->y > horizon); ++a) {
    obs[k_end] = *a;
    k_end += a->calendar <= tau ? 1 : 0;
  }
  for (std::size_t k = 0; k < k_end;) {
    const TimedPatient& o = obs[k];
    // Censorings at tau - entry before o.y.
    while (ib >= lo && tau - entry[idx(ib)] < o.y) {
      at_risk[treatment[idx(ib)]] -= calendar[idx(ib)] > tau ? 1 : 0;
      --ib;
    }
    const bool tie = k + 1 < k_end && !(obs[k + 1].y > o.y);
    if (!tie) {
      const int is_event = o.event;
      const double share = at_risk[1] * inv[at_risk[0] + at_risk[1]];
      expected_t += is_event * share;
      variance += is_event * share * (1.0 - share);
      observed_t += is_event & o.treatment;
      events += is_event;
      visitor.one(o.y, at_risk[0], at_risk[1], is_event, o.treatment);
      at_risk[o.treatment] -= 1;
      ++k;
      continue;
    }
    // Tie group at time o.y: d events among n at risk, hypergeometric variance.
    int d = 0;
    int d1 = 0;
    std::size_t g = k;
    for (; g < k_end && !(obs[g].y > o.y); ++g) {
      d += obs[g].event;
      d1 += obs[g].event & obs[g].treatment;
    }
    const int n = at_risk[0] + at_risk[1];
    if (d > 0 && n > 0) {
      const double share = at_risk[1] * inv[n];
      expected_t += d * share;
      observed_t += d1;
      if (n > 1) variance += d * share * (1.0 - share) * (n - d) / (n - 1.0);
      events += d;
      visitor.group(o.y, n, at_risk[1], d, d1);
    }
    for (; k < g; ++k) at_risk[obs[k].treatment] -= 1;
  }
  sums.observed_t += observed_t;
  sums.expected_t += expected_t;
  sums.variance += variance;
  sums.events += events;
  return enrolled_end - lo;
}

}  // namespace gsd::simulate::detail
