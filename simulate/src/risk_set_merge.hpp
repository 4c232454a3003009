#pragma once
// Private: the merge of a stratum's y-sorted outcomes with the censorings at
// a look, shared by the log-rank statistic and the weighted tests
// (trial_kernel.cpp, weighted_log_rank.cpp). Included after trial_kernel.hpp.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

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

// How many of the ascending censoring times cy[j], cy[j + 1], ... fall
// strictly before y, added to j. cy ends with at least kCensorPad infinities.
// With AVX2 eight times are compared at once (they are sorted, so the lanes
// below y are a prefix and their count is the step); the plain loop gives the
// same j. Either way no branch depends on how many there are, except the rare
// run of eight or more.
inline std::size_t censored_before(const double* cy, std::size_t j, double y) noexcept {
#if defined(__AVX2__)
  const __m256d yv = _mm256_set1_pd(y);
  for (;;) {
    const int lower = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(cy + j), yv, _CMP_LT_OQ));
    const int upper = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(cy + j + 4), yv, _CMP_LT_OQ));
    const int below = lower | (upper << 4);
    j += static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(below)));
    if (below != 0xFF) return j;
  }
#else
  while (cy[j] < y) ++j;
  return j;
#endif
}

// Independent runs of count_censored_before: each count depends on the one
// before it in its run (a load, a compare, a population count and an add,
// about 15 cycles), so the outcomes are split in kCensorChains runs that
// advance side by side.
inline constexpr std::size_t kCensorChains = 4;

// before[k] = the number of censoring times cy[.] strictly below oy[k], for
// k < k_end, the same numbers the merge's running count gives. oy ascends;
// cy ascends and ends with kCensorPad infinities after its j_end times.
inline void count_censored_before(const double* cy, std::size_t j_end, const double* oy,
                                  std::size_t k_end, std::uint32_t* before) noexcept {
  std::size_t start[kCensorChains + 1];
  std::size_t j[kCensorChains];
  for (std::size_t c = 0; c <= kCensorChains; ++c) start[c] = k_end * c / kCensorChains;
  for (std::size_t c = 0; c < kCensorChains; ++c) {
    // Where each run starts, by binary search (lower_bound counts the times
    // strictly below).
    j[c] = start[c] < k_end
               ? static_cast<std::size_t>(std::lower_bound(cy, cy + j_end, oy[start[c]]) - cy)
               : 0;
  }
  const std::size_t longest = (k_end + kCensorChains - 1) / kCensorChains;
  for (std::size_t i = 0; i < longest; ++i) {
    for (std::size_t c = 0; c < kCensorChains; ++c) {
      const std::size_t k = start[c] + i;
      if (k < start[c + 1]) {
        j[c] = censored_before(cy, j[c], oy[k]);
        before[k] = static_cast<std::uint32_t>(j[c]);
      }
    }
  }
}

// One stratum's log-rank sums at calendar time tau. The outcomes observed by
// tau, in y order, leave the risk set at their y; the other enrolled patients
// leave it at their censoring time tau - entry, which is ascending as entry
// descends. For each outcome the censorings strictly before its y are
// counted in the ascending list of censoring times first
// (count_censored_before), and the numbers at risk are the enrolled less the
// outcomes before it and less those censorings (with a running count of the
// treated among them), so the loop carries no per-arm state through memory.
// The common case of no tie is branch-free; exact ties take the grouped path.
template <class Visitor>
int Workspace::stratum_merge(std::size_t s, double tau, Sums& sums, Visitor& visitor) const {
  const int lo = stratum_offset[s];
  const int enrolled_end = static_cast<int>(
      std::lower_bound(entry.begin() + lo, entry.begin() + stratum_offset[s + 1], tau) -
      entry.begin());
  const int enrolled = enrolled_end - lo;
  const int enrolled_treated = treatment_prefix_[idx(enrolled_end)] - treatment_prefix_[idx(lo)];
  // No follow-up reaches beyond tau - (first entry): later outcomes are unseen.
  // Observed means entry + y <= tau, which rounding can keep true for a y a
  // few ulps above tau - entry; the margin keeps the cut conservative (the
  // exact test is calendar <= tau below).
  const double horizon =
      enrolled_end > lo ? (tau - entry[idx(lo)]) + kHorizonMargin * (1.0 + std::fabs(tau)) : 0.0;
  const TimedPatient* a = timed_.data() + timed_offset_[s];
  const TimedPatient* a_end = timed_.data() + timed_offset_[s + 1];
  const double* inv = inverse_.data();
  // Outcomes observed by tau, in y order, then an infinite y.
  double* oy = observed_y_.data();
  std::uint8_t* arm = observed_arm_.data();
  std::uint8_t* is_event = observed_event_.data();
  std::size_t k_end = 0;
  for (; a != a_end && !(a->y > horizon); ++a) {
    oy[k_end] = a->y;
    arm[k_end] = a->treatment;
    is_event[k_end] = a->event;
    k_end += a->calendar <= tau ? 1 : 0;
  }
  oy[k_end] = std::numeric_limits<double>::infinity();
  // Censoring times in ascending order; treated[j]: the treated among the first j.
  double* cy = censored_y_.data();
  int* treated = censored_treated_.data();
  std::size_t j_end = 0;
  int treated_count = 0;
  treated[0] = 0;
  for (int i = enrolled_end - 1; i >= lo; --i) {
    const int censored = calendar[idx(i)] > tau ? 1 : 0;
    cy[j_end] = tau - entry[idx(i)];
    treated_count += treatment[idx(i)] & censored;
    treated[j_end + 1] = treated_count;
    j_end += idx(censored);
  }
  for (std::size_t p = 0; p < kCensorPad; ++p) cy[j_end + p] = std::numeric_limits<double>::infinity();
  std::uint32_t* before = censored_before_.data();
  count_censored_before(cy, j_end, oy, k_end, before);
  visitor.begin_stratum();
  double observed_t = 0.0;
  double expected_t = 0.0;
  double variance = 0.0;
  int events = 0;
  int treated_out = 0;  // treated outcomes before k
  for (std::size_t k = 0; k < k_end;) {
    const double t = oy[k];
    const std::size_t j = before[k];
    const int n = enrolled - static_cast<int>(k) - static_cast<int>(j);
    const int n1 = enrolled_treated - treated_out - treated[j];
    if (oy[k + 1] > t) {
      const int ev = is_event[k];
      const double share = n1 * inv[n];
      expected_t += ev * share;
      variance += ev * share * (1.0 - share);
      observed_t += ev & arm[k];
      events += ev;
      visitor.one(t, n - n1, n1, ev, arm[k]);
      treated_out += arm[k];
      ++k;
      continue;
    }
    // Tie group at time t: d events among n at risk, hypergeometric variance.
    int d = 0;
    int d1 = 0;
    std::size_t g = k;
    for (; !(oy[g] > t); ++g) {
      d += is_event[g];
      d1 += is_event[g] & arm[g];
    }
    if (d > 0 && n > 0) {
      const double share = n1 * inv[n];
      expected_t += d * share;
      observed_t += d1;
      if (n > 1) variance += d * share * (1.0 - share) * (n - d) / (n - 1.0);
      events += d;
      visitor.group(t, n, n1, d, d1);
    }
    for (; k < g; ++k) treated_out += arm[k];
  }
  sums.observed_t += observed_t;
  sums.expected_t += expected_t;
  sums.variance += variance;
  sums.events += events;
  return enrolled;
}

}  // namespace gsd::simulate::detail
