// Drawing one replicate's patients and the log-rank statistic at a look.
#include "trial_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "bucket_ids.hpp"
#include "flag_scans.hpp"
#include "gsd/numerics/vector_log.hpp"
#include "prefix_sums.hpp"
#include "random_stream.hpp"
#include "risk_set_merge.hpp"

namespace gsd::simulate::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Buckets per item in the y sort: with 4, an item shares its bucket with
// another about one time in five (1 - e^-1/4 for evenly spread items, against
// 2 in 5 with 2 per item), so the finishing insertion sort rarely finds an
// item out of place, and its test of each item is rarely mispredicted. On the
// seed trial (cachegrind) 4 rather than 2 took 13 fewer mispredicted branches
// per trial for 290 more instructions; 8 took 3.8k more instructions.
constexpr std::size_t kBucketsPerItem = 4;

// Sizes a vector of offsets and sets its first to 0; the caller sets every
// later entry. Not assign(): zeroing a few entries through memset once per
// replicate cost a mispredicted branch or two in its size dispatch.
template <class T>
void start_offsets(std::vector<T>& offsets, std::size_t size) {
  offsets.resize(size);
  offsets[0] = 0;
}
}  // namespace

void Workspace::draw_strata(const CompiledTrial& trial, std::uint64_t seed,
                            std::uint64_t replicate) {
  start_offsets(stratum_offset, trial.strata + 1);
  if (trial.strata == 1) {
    stratum_offset[1] = trial.patients;
    return;
  }
  std::fill(stratum_offset.begin() + 1, stratum_offset.end(), 0);
  // Each patient's stratum independently with the given proportions, so the
  // stratum sizes are multinomial.
  WordStream stream(seed, replicate, StreamPurpose::kStratum);
  for (int i = 0; i < trial.patients; ++i) {
    const double u = stream.uniform();
    const auto it = std::upper_bound(trial.stratum_cdf.begin(), trial.stratum_cdf.end(), u);
    const std::size_t s = std::min(static_cast<std::size_t>(it - trial.stratum_cdf.begin()),
                                   trial.strata - 1);
    ++stratum_offset[s + 1];
  }
  for (std::size_t s = 1; s <= trial.strata; ++s) stratum_offset[s] += stratum_offset[s - 1];
  for (std::size_t s = 0; s < trial.strata; ++s) {
    std::fill(stratum_of_.begin() + stratum_offset[s], stratum_of_.begin() + stratum_offset[s + 1],
              static_cast<std::uint16_t>(s));
  }
}

void Workspace::draw_entries(const CompiledTrial& trial, std::uint64_t seed,
                             std::uint64_t replicate) {
  // Entry times are the order statistics of i.i.d. draws from the accrual
  // distribution. Sorted uniforms come directly, without a sort, from
  // normalised exponential spacings: with E_1..E_{n+1} i.i.d. Exp(1), the
  // partial sums over the total are distributed as the order statistics of n
  // uniforms (Devroye 1986, "Non-Uniform Random Variate Generation", section
  // V.2.1). The n + 1 logarithms are taken many at once, the partial sums in
  // segments side by side (prefix_sums.hpp; nondecreasing like the exact
  // ones), and the increasing accrual quantile keeps the order. n + 1 words
  // per stratum.
  fill_words(PhiloxBlocks(seed, replicate, StreamPurpose::kAccrual), words_.data(),
             idx(trial.patients) + trial.strata);
  for (std::size_t s = 0; s < trial.strata; ++s) {
    const int lo = stratum_offset[s];
    const int n = stratum_offset[s + 1] - lo;
    const std::uint32_t* w = words_.data() + idx(lo) + s;
    double* const partial = spacing_.data();
    for (int i = 0; i <= n; ++i) partial[i] = u01_32(w[i]);
    numerics::negative_logs(partial, partial, idx(n) + 1);
    const double inverse_total = 1.0 / prefix_sums_in_place(partial, idx(n) + 1);
    double* e = entry.data() + lo;
    if (trial.uniform_accrual) {
      const double scale = trial.accrual->duration() * inverse_total;
      for (int i = 0; i < n; ++i) e[i] = partial[i] * scale;
    } else {
      for (int i = 0; i < n; ++i) {
        e[i] = trial.accrual->time_at_fraction(partial[i] * inverse_total);
      }
    }
  }
}

void Workspace::draw_patients(const CompiledTrial& trial, std::uint64_t seed,
                              std::uint64_t replicate) {
  // Per patient position (entry order within strata) two 32-bit words: one
  // uniform u for cure and latency, one for the randomisation; drop-out times
  // come from a stream of their own, drawn only when a drop-out rate is given.
  const std::size_t n_all = idx(trial.patients);
  fill_words(PhiloxBlocks(seed, replicate, StreamPurpose::kOutcome), outcome_words_.data(),
             2 * n_all);
  if (trial.any_dropout) {
    fill_words(PhiloxBlocks(seed, replicate, StreamPurpose::kDropout), dropout_words_.data(),
               n_all);
  }
  // Each patient's y and event, for the drop-out pass and for patient
  // records; the looks read the sorted list and the calendar times alone.
  const bool keep_outcomes = patient_outcomes || trial.any_dropout;
  // Pass 1, in entry order within each stratum: arm and cure. Branch-free
  // where the outcome is a coin toss, so that it costs no mispredictions.
  // The arrays are reached through local pointers: a byte store may alias
  // anything, and would otherwise make every vector's data pointer reload.
  std::uint8_t* const arm_of = treatment.data();
  std::uint8_t* const cured_of = cured.data();
  std::uint8_t* const event_of = event.data();
  double* const y_of = y.data();
  double* const calendar_of = calendar.data();
  int* const treated_before = treatment_prefix_.data();
  std::uint32_t* const uncured_at = uncured_.data();
  const std::uint32_t* const words = outcome_words_.data();
  treated_before[0] = 0;
  int treated = 0;  // running count in a register, not through memory
  std::size_t uncured = 0;
  start_offsets(uncured_offset_, trial.strata + 1);  // each [s + 1] is set below
  for (std::size_t s = 0; s < trial.strata; ++s) {
    const ArmParams* arms = trial.arms.data() + 2 * s;
    const int begin = stratum_offset[s];
    const int end = stratum_offset[s + 1];
    if (trial.permuted_blocks) {
      // A random permutation of each block, drawn one position at a time
      // (sampling without replacement), in entry order within the stratum.
      // Blocks start afresh every block_treatment + block_control positions,
      // so the chain of what is left runs only within a block and the
      // blocks' draws overlap.
      const int block = trial.block_treatment + trial.block_control;
      int first = begin;
      if (block == 2) {
        // Blocks of one treatment and one control (1:1 by default): the
        // first position's draw with one of two left, the second the other
        // arm; the same draws as the general loop, in a loop that vectorises.
        const int pairs = (end - begin) / 2;
        for (int j = 0; j < pairs; ++j) {
          const std::size_t i = idx(begin + 2 * j);
          const std::uint8_t t = block_draw_is_treatment(words[2 * i + 1], 1, 2) ? 1 : 0;
          arm_of[i] = t;
          arm_of[i + 1] = static_cast<std::uint8_t>(1 - t);
        }
        first = begin + 2 * pairs;
      }
#if defined(__AVX2__)
      if (block == 4) {
        // Blocks of four (1:1 by default): four blocks side by side, one in
        // each 64-bit lane, through their first three positions, each
        // position's word gathered from the four blocks and compared as
        // block_draw_is_treatment compares it, (2w + 1) n as 2 (w n) + n;
        // the last position takes what is left, as below. A block's four
        // arms are the bytes of its lane's low 32 bits, stored at once. The
        // same arms as the loop below.
        const __m128i word_offsets = _mm_setr_epi32(0, 8, 16, 24);  // 2 words per position
        const __m256i lanes_low_halves = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
        const __m256i zero = _mm256_setzero_si256();
        const int groups = (end - first) / 16;
        for (int g = 0; g < groups; ++g, first += 16) {
          const auto* const w = reinterpret_cast<const int*>(words + 2 * idx(first) + 1);
          __m256i left = _mm256_set1_epi64x(trial.block_treatment);
          __m256i arms4 = zero;
#pragma GCC unroll 3
          for (int j = 0; j < 3; ++j) {
            const __m256i word = _mm256_cvtepu32_epi64(_mm_i32gather_epi32(w + 2 * j, word_offsets, 4));
            const __m256i n = _mm256_set1_epi64x(4 - j);
            const __m256i scaled = _mm256_add_epi64(_mm256_slli_epi64(_mm256_mul_epu32(word, n), 1), n);
            const __m256i is_treatment = _mm256_cmpgt_epi64(_mm256_slli_epi64(left, 33), scaled);  // -1 or 0
            left = _mm256_add_epi64(left, is_treatment);
            arms4 = _mm256_or_si256(arms4, _mm256_slli_epi64(_mm256_sub_epi64(zero, is_treatment), 8 * j));
          }
          arms4 = _mm256_or_si256(arms4, _mm256_slli_epi64(left, 24));
          _mm_storeu_si128(reinterpret_cast<__m128i*>(arm_of + first),
                           _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(arms4, lanes_low_halves)));
        }
      }
#endif
      // A whole block's last position has one place left, and its draw
      // gives what is left (block_draw_is_treatment with n = 1 is
      // L 2^33 > 2w + 1, true for L = 1 and false for L = 0), so it is set
      // without a draw. A last, partial block draws every position.
      const int whole_end = first + (end - first) / block * block;
      for (; first < whole_end; first += block) {
        int left_t = trial.block_treatment;
        const std::uint32_t* const w = words + 2 * idx(first) + 1;
        std::uint8_t* const a = arm_of + first;
        for (int j = 0; j + 1 < block; ++j) {
          const int t = block_draw_is_treatment(w[2 * j], left_t, block - j) ? 1 : 0;
          left_t -= t;
          a[j] = static_cast<std::uint8_t>(t);
        }
        a[block - 1] = static_cast<std::uint8_t>(left_t);
      }
      int left_t = trial.block_treatment;
      for (int i = first; i < end; ++i) {
        const int left = block - (i - first);  // treatment and control left
        const int t = block_draw_is_treatment(words[2 * idx(i) + 1], left_t, left) ? 1 : 0;
        left_t -= t;
        arm_of[idx(i)] = static_cast<std::uint8_t>(t);
      }
    } else {
      const double p_treatment = trial.p_treatment;
      for (int i = begin; i < end; ++i) {
        arm_of[idx(i)] = u01_32(words[2 * idx(i) + 1]) < p_treatment ? 1 : 0;
      }
    }
    treated = prefix_counts(arm_of, idx(begin), idx(end), treated, treated_before);
    // Cured when u < pi, u from word 2p (reused below for the latency): the
    // comparison in integers (words_below), four patients at a time.
    const std::uint64_t cure_words[2] = {arms[0].cure_words, arms[1].cure_words};
    flag_below(words, arm_of, cure_words, idx(begin), idx(end), cured_of);
    if (keep_outcomes) {
      std::fill(event_of + begin, event_of + end, std::uint8_t{0});
      std::fill(y_of + begin, y_of + end, kInf);
    }
    std::fill(calendar_of + begin, calendar_of + end, kInf);
    uncured = append_unflagged(cured_of, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                               uncured_at, uncured);
    uncured_offset_[s + 1] = uncured;
  }
  // Pass 2, the noncured: V = (1 - u) / (1 - pi) is uniform on (0, 1] and
  // independent of the cure draw, and T = S^-1(V). Without drop-out this pass
  // also writes the event list and the list to sort (the cured never appear
  // in either), in the same order as the general pass 3 below.
  const bool direct = !trial.any_dropout;
  double* ev = event_times.data();
  const double* const entry_of = entry.data();
  TimedPatient* const to_sort = unsorted_.data();
  if (direct) start_offsets(timed_offset_, trial.strata + 1);  // each [s + 1] is set below
  for (std::size_t s = 0; s < trial.strata; ++s) {
    const ArmParams* arms = trial.arms.data() + 2 * s;
    const std::size_t k_begin = uncured_offset_[s];
    const std::size_t k_end = uncured_offset_[s + 1];
    // Cumulative hazards -log V of the stratum's noncured, many logarithms
    // at once, then each arm's inverse cumulative hazard.
    double* const hazard = hazard_.data();
    const double inverse_noncured[2] = {arms[0].inverse_noncured, arms[1].inverse_noncured};
    std::size_t k_first = k_begin;  // noncured whose hazard is still to do
#if defined(__AVX2__)
    // The gather's offsets, twice the positions, are 32-bit signed integers.
    if (2 * n_all <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
      // Four at a time: each word gathered from its patient's position, and
      // made a double exactly (a 32-bit word with its top bit flipped is a
      // signed integer 2^31 below it); then u01_32's and the loop's own
      // operations in the same order, so the same values.
      const __m256d control = _mm256_set1_pd(inverse_noncured[0]);
      const __m256d treatment_lanes = _mm256_set1_pd(inverse_noncured[1]);
      const __m128i top_bit = _mm_set1_epi32(std::numeric_limits<std::int32_t>::min());
      const __m256d two_pow_31 = _mm256_set1_pd(2147483648.0);
      const __m256d half = _mm256_set1_pd(0.5);
      const __m256d scale = _mm256_set1_pd(kTwoPowMinus32);
      const __m256d one = _mm256_set1_pd(1.0);
      const __m256i treated_arm = _mm256_set1_epi64x(1);
      const auto* const signed_words = reinterpret_cast<const int*>(words);
      for (; k_first + 4 <= k_end; k_first += 4) {
        const std::uint32_t* const at = uncured_at + k_first;
        const __m128i p = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        const __m128i w = _mm_i32gather_epi32(signed_words, _mm_slli_epi32(p, 1), 4);
        const __m256d x = _mm256_add_pd(_mm256_cvtepi32_pd(_mm_xor_si128(w, top_bit)), two_pow_31);
        const __m256d u = _mm256_mul_pd(_mm256_add_pd(x, half), scale);
        const __m256i t = _mm256_setr_epi64x(arm_of[at[0]], arm_of[at[1]], arm_of[at[2]], arm_of[at[3]]);
        const __m256d inverse = _mm256_blendv_pd(
            control, treatment_lanes, _mm256_castsi256_pd(_mm256_cmpeq_epi64(t, treated_arm)));
        _mm256_storeu_pd(hazard + (k_first - k_begin), _mm256_mul_pd(_mm256_sub_pd(one, u), inverse));
      }
    }
#endif
    for (std::size_t k = k_first; k < k_end; ++k) {
      const std::size_t p = uncured_at[k];
      const double u = u01_32(words[2 * p]);
      hazard[k - k_begin] = (1.0 - u) * inverse_noncured[arm_of[p]];
    }
    numerics::negative_logs(hazard, hazard, k_end - k_begin);
    // Exponential latencies in both arms (the common case): the time is the
    // hazard times the arm's 1 / rate, as time_at_cumulative_hazard gives it,
    // without a call through the arm's sampler for each patient.
    const bool exponential = arms[0].latency->kind() == LatencyKind::kExponential &&
                             arms[1].latency->kind() == LatencyKind::kExponential;
    const double inverse_rate[2] = {arms[0].latency->inverse_rate(), arms[1].latency->inverse_rate()};
    if (exponential && direct && !keep_outcomes) {
      // The common case of a simulation run, in a loop without branches:
      // the same values as the general loop below.
      for (std::size_t k = k_begin; k < k_end; ++k) {
        const std::size_t p = uncured_at[k];
        const std::uint8_t t = arm_of[p];
        const double y_p = hazard[k - k_begin] * inverse_rate[t];
        const double c = entry_of[p] + y_p;
        calendar_of[p] = c;
        ev[k] = c;
        to_sort[k] = {y_p, c, t, 1};
      }
      sort_by_y(k_begin, k_end, trial.sort_scale[s]);
      timed_offset_[s + 1] = static_cast<int>(k_end);
      continue;
    }
    for (std::size_t k = k_begin; k < k_end; ++k) {
      const std::size_t p = uncured_at[k];
      const std::uint8_t t = arm_of[p];
      const double h = hazard[k - k_begin];
      const double y_p = exponential ? h * inverse_rate[t] : arms[t].latency->time_at_cumulative_hazard(h);
      if (keep_outcomes) {
        y_of[p] = y_p;
        event_of[p] = 1;
      }
      if (direct) {
        const double c = entry_of[p] + y_p;
        calendar_of[p] = c;
        ev[k] = c;
        to_sort[k] = {y_p, c, t, 1};
      }
    }
    if (direct) {
      sort_by_y(k_begin, k_end, trial.sort_scale[s]);
      timed_offset_[s + 1] = static_cast<int>(k_end);
    }
  }
  if (direct) {
    event_times.resize(uncured);
    return;
  }
  // Drop-out competes with the event, for cured and noncured alike.
  if (trial.any_dropout) {
    for (std::size_t s = 0; s < trial.strata; ++s) {
      for (int i = stratum_offset[s]; i < stratum_offset[s + 1]; ++i) {
        const std::size_t p = idx(i);
        const double rate = trial.arms[2 * s + treatment[p]].dropout_rate;
        if (!(rate > 0.0)) continue;
        const double c = -std::log(u01_32(dropout_words_[p])) / rate;
        event[p] = event[p] && y[p] <= c ? 1 : 0;
        y[p] = std::min(y[p], c);
      }
    }
  }
  // Pass 3: calendar times, the event list, and the y-sorted list per stratum
  // (sorted once per replicate, then merged in O(n) at every look).
  std::size_t m = 0;
  start_offsets(timed_offset_, trial.strata + 1);  // each [s + 1] is set below
  std::size_t count = 0;
  for (std::size_t s = 0; s < trial.strata; ++s) {
    const std::size_t begin = count;
    for (int i = stratum_offset[s]; i < stratum_offset[s + 1]; ++i) {
      const std::size_t p = idx(i);
      const double y_p = y[p];
      calendar[p] = entry[p] + y_p;
      ev[m] = calendar[p];
      m += event[p];
      unsorted_[count] = {y_p, calendar[p], treatment[p], event[p]};
      count += y_p < kInf ? 1 : 0;
    }
    sort_by_y(begin, count, trial.sort_scale[s]);
    timed_offset_[s + 1] = static_cast<int>(count);
  }
  event_times.resize(m);
}

void Workspace::generate(const CompiledTrial& trial, std::uint64_t seed,
                         std::uint64_t replicate) {
  const std::size_t n = idx(trial.patients);
  if (entry.size() != n) {
    entry.resize(n);
    y.resize(n);
    calendar.resize(n);
    treatment.resize(n);
    event.resize(n);
    cured.resize(n);
    treatment_prefix_.resize(n + 1);
    words_.resize(padded_words(2 * n));  // n + one per stratum, strata <= n
    spacing_.resize(n + 1);
    hazard_.resize(n);
    timed_.resize(n);
    outcome_words_.resize(padded_words(2 * n));
    dropout_words_.resize(padded_words(n));
    bucket_id_.resize(n);
    uncured_.resize(n);  // append_unflagged stays below n (flag_scans.hpp)
    stratum_of_.resize(n);
    unsorted_.resize(n);
    observed_y_.resize(n + 1);
    observed_arm_.resize(n);
    observed_event_.resize(n);
    censored_y_.resize(n + kCensorPad);  // kCensorPad >= 3: censoring_times' room
    censored_treated_.resize(n + 4);
    censored_before_.resize(n + 1);
    inverse_.resize(n + 1);
    inverse_[0] = 0.0;  // an empty risk set contributes nothing
    for (std::size_t k = 1; k <= n; ++k) inverse_[k] = 1.0 / static_cast<double>(k);
    event_times.reserve(n);
  }
  event_times.resize(n);
  draw_strata(trial, seed, replicate);
  draw_entries(trial, seed, replicate);
  draw_patients(trial, seed, replicate);
}

// Bucket sort of unsorted_[begin, end) into timed_ by g(y) = y / (y + c),
// with c a typical latency of the stratum (CompiledTrial::sort_scale), which
// spreads exponential-like times evenly enough over n buckets; then insertion
// sort finishes within buckets (expected O(n) for such inputs, correct for any).
void Workspace::sort_by_y(std::size_t begin, std::size_t end, double mean) {
  const std::size_t n = end - begin;
  if (n == 0) return;
  const std::size_t nb = kBucketsPerItem * n;
  const double scale = static_cast<double>(nb);
  bucket_.assign(nb + 1, 0);
  // The buckets first, in a loop of their own that the compiler vectorises
  // (the divisions four or eight at a time), then the counts. scale * v /
  // (v + mean) lies in [0, nb].
  std::uint32_t* const ids = bucket_id_.data();
  const TimedPatient* const items = unsorted_.data() + begin;
  bucket_ids(
      n, nb, ids,
      [&](std::size_t i) {
        const double v = items[i].y;
        return scale * (v / (v + mean));
      },
      [](std::size_t, std::uint32_t b) { return b; });
  for (std::size_t i = 0; i < n; ++i) ++bucket_[ids[i] + 1];
  prefix_counts_in_place(bucket_.data(), nb + 1);
  for (std::size_t i = 0; i < n; ++i) timed_[begin + bucket_[ids[i]]++] = items[i];
  // Out of order are only items that share a bucket, mostly pairs; the
  // insertion sort finishes, and finds most items in place, where it
  // neither copies nor stores them. It is stable, so the order is the
  // same as any stable sort's.
  for (std::size_t i = begin + 1; i < end; ++i) {
    if (!(timed_[i - 1].y > timed_[i].y)) continue;
    const TimedPatient v = timed_[i];
    std::size_t j = i;
    do {
      timed_[j] = timed_[j - 1];
      --j;
    } while (j > begin && timed_[j - 1].y > v.y);
    timed_[j] = v;
  }
}

int Workspace::enrolled_by(double tau) const {
  int n = 0;
  for (std::size_t s = 0; s + 1 < stratum_offset.size(); ++s) {
    const auto lo = entry.begin() + stratum_offset[s];
    const auto hi = entry.begin() + stratum_offset[s + 1];
    n += static_cast<int>(std::lower_bound(lo, hi, tau) - lo);
  }
  return n;
}

// Log-rank test (Mantel 1966; Peto & Peto 1972) with the hypergeometric
// variance for ties, stratified by summing O - E and V over strata (Collett,
// "Modelling Survival Data in Medical Research", 3rd ed., section 2.8).
// Patients censored at an event time are at risk at it. The Pike (1972)
// hazard-ratio estimate is (O_T / E_T) / (O_C / E_C) with totals over strata.
LogRank Workspace::log_rank(double tau) const {
  Sums sums;
  LogRank out;
  for (std::size_t s = 0; s + 1 < stratum_offset.size(); ++s) {
    out.patients += stratum_log_rank(s, tau, sums);
  }
  finish_log_rank(sums, out);
  return out;
}

void Workspace::finish_log_rank(const Sums& sums, LogRank& out) {
  out.events = sums.events;
  if (sums.variance > 0.0) {
    out.z = (sums.expected_t - sums.observed_t) / std::sqrt(sums.variance);
  }
  const double observed_c = sums.events - sums.observed_t;
  const double expected_c = sums.events - sums.expected_t;
  if (sums.observed_t > 0.0 && observed_c > 0.0 && sums.expected_t > 0.0 && expected_c > 0.0) {
    out.log_hazard_ratio =
        std::log(sums.observed_t / sums.expected_t) - std::log(observed_c / expected_c);
  }
}

int Workspace::stratum_log_rank(std::size_t s, double tau, Sums& sums) const {
  NoVisitor none;
  return stratum_merge(s, tau, sums, none);
}

}  // namespace gsd::simulate::detail
