// The look times: the calendar time of the d-th event, from an index of the
// event times by bucket (Workspace::index_event_times and event_time).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "bucket_ids.hpp"
#include "count_below.hpp"
#include "lane_tables.hpp"
#include "prefix_sums.hpp"
#include "trial_kernel.hpp"

namespace gsd::simulate::detail {

namespace {
// Event-time buckets up to this size are searched by counting ranks (O(size^2)
// comparisons without branches) instead of std::nth_element.
constexpr std::size_t kSmallBucket = 8;
}  // namespace

void Workspace::index_event_times(double cap) {
  const std::size_t m = event_times.size();
  const std::size_t nb = std::max<std::size_t>(m, 1);
  const double scale = static_cast<double>(nb) / cap;
  // Each event's bucket once, for the count and for the looks' picking, in a loop
  // the compiler vectorises: scale * min(c, cap) lies in [0, nb]. Events
  // after the cap go to bucket nb. The buffer grows here, to the most events
  // a replicate has had (at most the patients), and is then reused.
  if (event_bucket_id_.size() < m) event_bucket_id_.resize(m);
  std::uint32_t* const ids = event_bucket_id_.data();
  const double* const times = event_times.data();
  const auto beyond_cap = static_cast<std::uint32_t>(nb);
  bucket_ids(
      m, nb, ids, [&](std::size_t i) { return std::min(times[i], cap) * scale; },
      [&](std::size_t i, std::uint32_t b) { return times[i] <= cap ? b : beyond_cap; });
  // The buckets' starts: start[b] = the events in buckets below b, for b up
  // to nb + 1, so start[nb] counts the events by the cap. The events stay
  // where they are; event_time picks a bucket's out when a look needs it.
  event_bucket_start_.assign(nb + 2, 0);
  std::uint32_t* const start = event_bucket_start_.data();
  for (std::size_t i = 0; i < m; ++i) ++start[ids[i] + 1];
  prefix_counts_in_place(start, nb + 2);
  // Room for every event, four slots more for the packed stores of
  // event_time, and kSmallBucket for its reads of a small bucket's width.
  if (picked_events_.size() < m + 4 + kSmallBucket) picked_events_.resize(m + 4 + kSmallBucket);
}

std::optional<double> Workspace::event_time(int d) {
  const auto need = static_cast<std::uint32_t>(d);
  if (need > static_cast<std::uint32_t>(events_by_cap())) return std::nullopt;
  // Bucket b - 1, with start[b - 1] < d <= start[b], by a search without
  // branches (count_below).
  const std::uint32_t* const start = event_bucket_start_.data();
  const std::size_t b = count_below(start, event_bucket_start_.size(), need);
  const std::size_t size = start[b] - start[b - 1];
  const std::size_t rank = need - 1 - start[b - 1];  // 0-based, within the bucket
  // The bucket's events, in event order: every event's bucket compared with
  // it, and the matches packed to the front, four at a time with AVX2 (a
  // store of four lanes, room for which index_event_times keeps).
  const std::size_t m = event_times.size();
  const std::uint32_t* const ids = event_bucket_id_.data();
  const double* const times = event_times.data();
  double* const bucket = picked_events_.data();
  const auto wanted = static_cast<std::uint32_t>(b - 1);
  std::size_t got = 0;
  std::size_t e = 0;
#if defined(__AVX2__)
  const __m128i wanted_lanes = _mm_set1_epi32(static_cast<int>(wanted));
  const auto pack_step = [&](__m128i id_lanes, __m256d time_lanes, unsigned in_range) {
    const __m128i same = _mm_cmpeq_epi32(id_lanes, wanted_lanes);
    got += store_packed(bucket + got, time_lanes,
                        static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(same))) & in_range);
  };
  for (; e + 4 <= m; e += 4) {
    pack_step(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids + e)), _mm256_loadu_pd(times + e), 0xF);
  }
  // The last one to three events by masked loads, in one more step taken
  // whatever m is (with no lane left it loads and packs nothing), so that no
  // branch depends on m's remainder.
  const auto left = static_cast<int>(m - e);
  const __m128i lanes_left = _mm_cmpgt_epi32(_mm_set1_epi32(left), _mm_setr_epi32(0, 1, 2, 3));
  pack_step(_mm_maskload_epi32(reinterpret_cast<const int*>(ids + e), lanes_left),
            _mm256_maskload_pd(times + e, _mm256_cvtepi32_epi64(lanes_left)), (1u << left) - 1u);
#else
  for (; e < m; ++e) {
    bucket[got] = times[e];
    got += ids[e] == wanted ? 1 : 0;
  }
#endif
  if (size > kSmallBucket) {
    std::nth_element(bucket, bucket + rank, bucket + size);
    return bucket[rank];
  }
  // A small bucket (the usual case: one event per bucket on average): the
  // rank-th smallest is the largest time with at most `rank` times below it,
  // found without a branch on the data.
#if defined(__AVX2__)
  // All kSmallBucket slots at once, whatever the size, so that no loop's
  // length depends on it: each slot's count of times below it, then the
  // largest slot whose count is at most the rank, with the slots at or past
  // the size masked out of both (picked_events_ has kSmallBucket slots of
  // room after its last event, so the loads stay inside it). Comparisons
  // give all-ones lanes, -1 as integers, so subtracting them counts.
  static_assert(kSmallBucket == 8, "two four-lane vectors hold a small bucket");
  const __m256d low = _mm256_loadu_pd(bucket);
  const __m256d high = _mm256_loadu_pd(bucket + 4);
  const __m256i lanes_size = _mm256_set1_epi64x(static_cast<long long>(size));
  const __m256i in_low = _mm256_cmpgt_epi64(lanes_size, _mm256_setr_epi64x(0, 1, 2, 3));
  const __m256i in_high = _mm256_cmpgt_epi64(lanes_size, _mm256_setr_epi64x(4, 5, 6, 7));
  __m256i below_low = _mm256_setzero_si256();
  __m256i below_high = _mm256_setzero_si256();
#pragma GCC unroll 8
  for (std::size_t j = 0; j < kSmallBucket; ++j) {
    const __m256d v = _mm256_set1_pd(bucket[j]);
    const __m256i in = _mm256_set1_epi64x(-static_cast<long long>(j < size));
    below_low = _mm256_sub_epi64(
        below_low, _mm256_and_si256(in, _mm256_castpd_si256(_mm256_cmp_pd(v, low, _CMP_LT_OQ))));
    below_high = _mm256_sub_epi64(
        below_high, _mm256_and_si256(in, _mm256_castpd_si256(_mm256_cmp_pd(v, high, _CMP_LT_OQ))));
  }
  const __m256i above_rank = _mm256_set1_epi64x(static_cast<long long>(rank) + 1);
  const __m256d none = _mm256_set1_pd(-std::numeric_limits<double>::infinity());
  const __m256d pick_low = _mm256_castsi256_pd(_mm256_and_si256(in_low, _mm256_cmpgt_epi64(above_rank, below_low)));
  const __m256d pick_high = _mm256_castsi256_pd(_mm256_and_si256(in_high, _mm256_cmpgt_epi64(above_rank, below_high)));
  const __m256d best = _mm256_max_pd(_mm256_blendv_pd(none, low, pick_low), _mm256_blendv_pd(none, high, pick_high));
  const __m128d pair = _mm_max_pd(_mm256_castpd256_pd128(best), _mm256_extractf128_pd(best, 1));
  return _mm_cvtsd_f64(_mm_max_sd(pair, _mm_unpackhi_pd(pair, pair)));
#else
  double nth = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < size; ++i) {
    std::size_t below = 0;
    for (std::size_t j = 0; j < size; ++j) below += bucket[j] < bucket[i] ? 1 : 0;
    nth = below <= rank ? std::max(nth, bucket[i]) : nth;
  }
  return nth;
#endif
}

}  // namespace gsd::simulate::detail
