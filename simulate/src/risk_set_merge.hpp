#pragma once
// Private: the merge of a stratum's y-sorted outcomes with the censorings at
// a look, shared by the log-rank statistic and the weighted tests
// (trial_kernel.cpp, weighted_log_rank.cpp). Included after trial_kernel.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "gsd/numerics/double_bits.hpp"
#include "count_below.hpp"
#include "lane_tables.hpp"
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
  // Where each run starts: any count at or below the run's first true one
  // will do, since censored_before moves on from it to the true one, eight
  // times at a time. The first run starts at 0; the others at the times
  // below their first outcome among every eighth time, found by a binary
  // search without branches (its steps are data-dependent loads, not
  // mispredicted jumps), at most 8 short of the true count.
  j[0] = 0;
  for (std::size_t c = 1; c < kCensorChains; ++c) {
    const double y = start[c] < k_end ? oy[start[c]] : 0.0;
    const std::size_t below = count_below(cy, j_end / 8, y, 8);
    j[c] = below > 0 ? 8 * (below - 1) : 0;
  }
  // The runs' lengths differ by at most one: all advance together for the
  // shortest length, the loop over the runs unrolled (a loop's exit there
  // would be mispredicted once per outcome), then the longer ones take
  // their last outcome.
  const std::size_t shortest = k_end / kCensorChains;
  for (std::size_t i = 0; i < shortest; ++i) {
#pragma GCC unroll 4
    for (std::size_t c = 0; c < kCensorChains; ++c) {
      const std::size_t k = start[c] + i;
      j[c] = censored_before(cy, j[c], oy[k]);
      before[k] = static_cast<std::uint32_t>(j[c]);
    }
  }
  for (std::size_t c = 0; c < kCensorChains; ++c) {
    const std::size_t k = start[c] + shortest;
    if (k < start[c + 1]) before[k] = static_cast<std::uint32_t>(censored_before(cy, j[c], oy[k]));
  }
}

// The censorings at calendar time tau among patients 0..m-1 of a stratum
// (entry ascending): those with calendar > tau, in descending entry order, so
// that their censoring times tau - entry ascend. Writes the times to cy and
// treated[j] = the treated among the first j of them (treated[0] = 0);
// returns how many there are. cy needs room for m + 3 times and treated for
// m + 4 counts: with AVX2 four patients are taken at once, the censored among
// them packed to the front of a four-lane store (left-packing by a table of
// lane permutations), which writes up to three slots beyond the count.
// Either way the times and counts are the same, bit for bit.
namespace censoring_lanes {
// For each 4-bit mask, the lanes that move the masked ones to the front, in
// order (unused lanes 0), as four 32-bit lanes (the doubles' halves are
// lane_tables.hpp's kPackDoubleHalves).
inline constexpr auto kPack = packed_lanes<4, std::int32_t>();
// For each 4-bit mask, the inclusive prefix counts of its bits.
inline constexpr auto kPrefix = [] {
  std::array<std::array<std::int32_t, 4>, 16> table{};
  for (std::size_t mask = 0; mask < 16; ++mask) {
    std::int32_t count = 0;
    for (std::size_t bit = 0; bit < 4; ++bit) {
      count += static_cast<std::int32_t>((mask >> bit) & 1u);
      table[mask][bit] = count;
    }
  }
  return table;
}();
}  // namespace censoring_lanes

static_assert(kCensorPad >= 3, "censoring_times writes up to three times beyond its count");

inline std::size_t censoring_times(const double* entry, const double* calendar,
                                   const std::uint8_t* treatment, std::size_t m, double tau,
                                   double* cy, int* treated) noexcept {
  std::size_t j_end = 0;
  int treated_count = 0;
  treated[0] = 0;
  std::size_t i = m;  // patients i..m-1 done
#if defined(__AVX2__)
  const __m256d tau_lanes = _mm256_set1_pd(tau);
  for (; i >= 4; i -= 4) {
    // Patients i-1, i-2, i-3, i-4 in lanes 0..3 (descending entry).
    const __m256d cal = _mm256_permute4x64_pd(_mm256_loadu_pd(calendar + i - 4), 0x1B);
    const __m256d ent = _mm256_permute4x64_pd(_mm256_loadu_pd(entry + i - 4), 0x1B);
    const auto mask = static_cast<unsigned>(
        _mm256_movemask_pd(_mm256_cmp_pd(cal, tau_lanes, _CMP_GT_OQ)));
    store_packed(cy + j_end, _mm256_sub_pd(tau_lanes, ent), mask);
    // The treated among the censored, as bits in lane order (lane 0 is the
    // last of the four bytes), counted up to each lane and packed likewise.
    // One multiplication gathers the four 0/1 bytes (bits 0, 8, 16, 24) into
    // bits 27, 26, 25, 24: its ten partial products below bit 32 fall on
    // distinct bits, so nothing carries.
    std::uint32_t arms;
    std::memcpy(&arms, treatment + i - 4, sizeof arms);
    const unsigned treated_bits = ((arms * 0x08040201u) >> 24) & mask;
    const __m128i up_to = _mm_loadu_si128(
        reinterpret_cast<const __m128i*>(censoring_lanes::kPrefix[treated_bits].data()));
    const __m128i packed = _mm_castps_si128(_mm_permutevar_ps(
        _mm_castsi128_ps(up_to),
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(censoring_lanes::kPack[mask].data()))));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(treated + j_end + 1),
                     _mm_add_epi32(_mm_set1_epi32(treated_count), packed));
    treated_count += __builtin_popcount(treated_bits);
    j_end += static_cast<std::size_t>(__builtin_popcount(mask));
  }
#endif
  for (; i > 0; --i) {
    const std::size_t p = i - 1;
    const int censored = calendar[p] > tau ? 1 : 0;
    cy[j_end] = tau - entry[p];
    treated_count += treatment[p] & censored;
    treated[j_end + 1] = treated_count;
    j_end += static_cast<std::size_t>(censored);
  }
  return j_end;
}

// The plain log-rank sums over outcomes with no tied times, as the merge
// below forms them term by term, four outcomes at a time: the numbers at risk
// n and n1 just before outcome k are enrolled - k - before[k] and
// enrolled_treated - (treated outcomes before k) - treated[before[k]], and
// an event adds n1 / n to the expected treated events and
// (n1 / n)(1 - n1 / n) to the variance. The four lanes' sums are added at the
// end, so the result differs from the running sums of the merge only by
// rounding, and depends on the data alone.
struct UntiedSums {
  double expected_t = 0.0;
  double variance = 0.0;
  int observed_t = 0;
  int events = 0;
};

#if defined(__AVX2__)
// The sums into `out` over outcomes k < k_end, or false (and `out`
// unchanged) when two outcomes share a time: tie groups take the merge's
// hypergeometric path. oy[k_end] must be +infinity; inv[m] = 1 / m.
inline bool untied_log_rank_sums(const double* oy, const std::uint8_t* arm,
                                 const std::uint8_t* is_event, const std::uint32_t* before,
                                 const int* treated, const double* inv, std::size_t k_end,
                                 int enrolled, int enrolled_treated, UntiedSums& out) noexcept {
  // Four 0/1 bytes as one word; their sum is the top byte of word * 0x01010101.
  const auto four = [](const std::uint8_t* p) {
    std::uint32_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  const auto byte_sum = [](std::uint32_t w) { return static_cast<int>((w * 0x01010101u) >> 24); };
  __m256d expected = _mm256_setzero_pd();
  __m256d variance = _mm256_setzero_pd();
  __m256d tie = _mm256_setzero_pd();
  const __m256d one = _mm256_set1_pd(1.0);
  int treated_out = 0;
  int observed_t = 0;
  int events = 0;
  std::size_t k = 0;
  for (; k + 4 <= k_end; k += 4) {
    tie = _mm256_or_pd(tie, _mm256_cmp_pd(_mm256_loadu_pd(oy + k), _mm256_loadu_pd(oy + k + 1),
                                          _CMP_EQ_OQ));
    const std::uint32_t arms = four(arm + k);
    const std::uint32_t evs = four(is_event + k);
    // Treated outcomes before each of the four: the running count plus an
    // exclusive prefix sum within the group.
    const __m128i a = _mm_cvtepu8_epi32(_mm_cvtsi32_si128(static_cast<int>(arms)));
    __m128i inclusive = _mm_add_epi32(a, _mm_slli_si128(a, 4));
    inclusive = _mm_add_epi32(inclusive, _mm_slli_si128(inclusive, 8));
    const __m128i out_before =
        _mm_add_epi32(_mm_set1_epi32(treated_out), _mm_sub_epi32(inclusive, a));
    // The censorings before each of the four, and the numbers at risk,
    // enrolled - (k + lane) - before, as 32-bit lanes for two gathers.
    const __m128i censored = _mm_loadu_si128(reinterpret_cast<const __m128i*>(before + k));
    const __m128i n1 = _mm_sub_epi32(_mm_sub_epi32(_mm_set1_epi32(enrolled_treated), out_before),
                                     _mm_i32gather_epi32(treated, censored, 4));
    const __m128i at_risk = _mm_sub_epi32(
        _mm_sub_epi32(_mm_set1_epi32(enrolled - static_cast<int>(k)), _mm_setr_epi32(0, 1, 2, 3)), censored);
    // The masked gather with every lane on: GCC 12 warns of the unmasked
    // one's undefined source vector (-Wmaybe-uninitialized).
    const __m256d inverse = _mm256_mask_i32gather_pd(_mm256_setzero_pd(), inv, at_risk,
                                                     _mm256_castsi256_pd(_mm256_set1_epi64x(-1)), 8);
    const __m256d share = _mm256_mul_pd(_mm256_cvtepi32_pd(n1), inverse);
    const __m256d ev =
        _mm256_cvtepi32_pd(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(static_cast<int>(evs))));
    const __m256d event_share = _mm256_mul_pd(ev, share);
    expected = _mm256_add_pd(expected, event_share);
    variance = _mm256_add_pd(variance, _mm256_mul_pd(event_share, _mm256_sub_pd(one, share)));
    treated_out += byte_sum(arms);
    observed_t += byte_sum(arms & evs);
    events += byte_sum(evs);
  }
  if (_mm256_movemask_pd(tie) != 0) return false;
  alignas(32) double lane_expected[4];
  alignas(32) double lane_variance[4];
  _mm256_store_pd(lane_expected, expected);
  _mm256_store_pd(lane_variance, variance);
  // The last few, each into the lane it would have had.
  for (std::size_t lane = 0; k < k_end; ++k, ++lane) {
    if (!(oy[k + 1] > oy[k])) return false;
    const std::size_t jk = before[k];
    const int n = enrolled - static_cast<int>(k) - static_cast<int>(jk);
    const int n1 = enrolled_treated - treated_out - treated[jk];
    const double share = n1 * inv[n];
    const double event_share = is_event[k] * share;
    lane_expected[lane] += event_share;
    lane_variance[lane] += event_share * (1.0 - share);
    treated_out += arm[k];
    observed_t += arm[k] & is_event[k];
    events += is_event[k];
  }
  out.expected_t = (lane_expected[0] + lane_expected[1]) + (lane_expected[2] + lane_expected[3]);
  out.variance = (lane_variance[0] + lane_variance[1]) + (lane_variance[2] + lane_variance[3]);
  out.observed_t = observed_t;
  out.events = events;
  return true;
}
#endif

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
  const int enrolled_end =
      lo + static_cast<int>(count_below(entry.data() + lo, idx(stratum_offset[s + 1] - lo), tau));
  const int enrolled = enrolled_end - lo;
  const int enrolled_treated = treatment_prefix_[idx(enrolled_end)] - treatment_prefix_[idx(lo)];
  // No follow-up reaches beyond tau - (first entry): later outcomes are unseen.
  // Observed means entry + y <= tau, which rounding can keep true for a y a
  // few ulps above tau - entry; the margin keeps the cut conservative (the
  // exact test is calendar <= tau below).
  const double horizon =
      enrolled_end > lo ? (tau - entry[idx(lo)]) + kHorizonMargin * (1.0 + std::fabs(tau)) : 0.0;
  const TimedPatient* a = timed_.data() + timed_offset_[s];
  // The outcomes with y <= horizon, that is, y below the next double above
  // it (for a finite horizon >= 0, the one whose bits are one more; an
  // infinite horizon keeps every finite y as it is), found by count_below
  // over the y of the sorted items, so that the copy below has one exit.
  static_assert(sizeof(TimedPatient) == 3 * sizeof(double) && offsetof(TimedPatient, y) == 0,
                "count_below reads the items' y at a stride of three doubles");
  const double above_horizon = horizon < std::numeric_limits<double>::infinity()
                                   ? numerics::double_of(numerics::bits_of(horizon) + 1)
                                   : horizon;
  const TimedPatient* const a_end =
      a + count_below(&a->y, idx(timed_offset_[s + 1] - timed_offset_[s]), above_horizon, 3);
  const double* inv = inverse_.data();
  // Outcomes observed by tau, in y order, then an infinite y.
  double* oy = observed_y_.data();
  std::uint8_t* arm = observed_arm_.data();
  std::uint8_t* is_event = observed_event_.data();
  std::size_t k_end = 0;
  for (; a != a_end; ++a) {
    oy[k_end] = a->y;
    arm[k_end] = a->treatment;
    is_event[k_end] = a->event;
    k_end += a->calendar <= tau ? 1 : 0;
  }
  oy[k_end] = std::numeric_limits<double>::infinity();
  // Censoring times in ascending order; treated[j]: the treated among the first j.
  double* cy = censored_y_.data();
  int* treated = censored_treated_.data();
  const std::size_t j_end =
      censoring_times(entry.data() + lo, calendar.data() + lo, treatment.data() + lo,
                      idx(enrolled_end - lo), tau, cy, treated);
  for (std::size_t p = 0; p < kCensorPad; ++p) cy[j_end + p] = std::numeric_limits<double>::infinity();
  std::uint32_t* before = censored_before_.data();
  count_censored_before(cy, j_end, oy, k_end, before);
#if defined(__AVX2__)
  if constexpr (std::is_same_v<Visitor, NoVisitor>) {
    UntiedSums untied;
    if (untied_log_rank_sums(oy, arm, is_event, before, treated, inv, k_end, enrolled,
                             enrolled_treated, untied)) {
      sums.observed_t += untied.observed_t;
      sums.expected_t += untied.expected_t;
      sums.variance += untied.variance;
      sums.events += untied.events;
      return enrolled;
    }
  }
#endif
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
