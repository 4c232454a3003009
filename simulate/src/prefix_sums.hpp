#pragma once
// Private: prefix sums of nonnegative numbers, for the entry times
// (trial_kernel.cpp). One running sum costs a floating-point add's latency
// per element; four segments summed side by side cost about a quarter of
// that, and give the same sums up to rounding. And the exact prefix sums of
// the counting sorts' bucket counts, eight at a time.
#include <cstddef>
#include <cstdint>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace gsd::simulate::detail {

// Segments summed side by side.
inline constexpr std::size_t kPrefixSegments = 4;

// Replaces x[0, n) (all >= 0) by its inclusive prefix sums and returns the
// last (0 for n = 0). The array is cut into kPrefixSegments segments; each
// is summed from 0 on its own, and then shifted by the shifted end of the
// one before it. The sums are thus nondecreasing, like the exact ones: within
// a segment each add is of a number >= 0, and a segment starts from the
// previous one's last sum, itself plus something >= 0. The order of the
// additions depends on n only.
inline double prefix_sums_in_place(double* x, std::size_t n) noexcept {
  std::size_t start[kPrefixSegments + 1];
  for (std::size_t c = 0; c <= kPrefixSegments; ++c) start[c] = n * c / kPrefixSegments;
  // Local sums, the segments' chains interleaved (they differ in length by
  // at most one: the shortest first, then the rest of each).
  const std::size_t shortest = n / kPrefixSegments;
  double local[kPrefixSegments] = {};
  for (std::size_t i = 0; i < shortest; ++i) {
    for (std::size_t c = 0; c < kPrefixSegments; ++c) {
      local[c] += x[start[c] + i];
      x[start[c] + i] = local[c];
    }
  }
  for (std::size_t c = 0; c < kPrefixSegments; ++c) {
    for (std::size_t i = start[c] + shortest; i < start[c + 1]; ++i) {
      local[c] += x[i];
      x[i] = local[c];
    }
  }
  // Shifts: the first segment's sums are final; each later one adds the
  // final last sum of the segment before it.
  for (std::size_t c = 1; c < kPrefixSegments; ++c) {
    if (start[c] == start[c + 1]) continue;
    const double shift = start[c] > 0 ? x[start[c] - 1] : 0.0;
    for (std::size_t i = start[c]; i < start[c + 1]; ++i) x[i] += shift;
  }
  return n > 0 ? x[n - 1] : 0.0;
}

// Replaces a[0, n) by its inclusive prefix sums, which must not exceed
// 2^32 - 1 (bucket counts: at most the number of items). With AVX2 eight at
// a time: the sums within each 128-bit half by two shifted adds, the low
// half's total added to the high half, and the running total to all eight;
// integer sums, so the same as the plain loop's.
inline void prefix_counts_in_place(std::uint32_t* a, std::size_t n) noexcept {
  std::size_t i = 0;
  std::uint32_t running = 0;
#if defined(__AVX2__)
  __m256i carry = _mm256_setzero_si256();
  const __m256i low_last = _mm256_set1_epi32(3);
  const __m256i last = _mm256_set1_epi32(7);
  for (; i + 8 <= n; i += 8) {
    __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i));
    x = _mm256_add_epi32(x, _mm256_slli_si256(x, 4));
    x = _mm256_add_epi32(x, _mm256_slli_si256(x, 8));
    const __m256i low_total =
        _mm256_blend_epi32(_mm256_setzero_si256(), _mm256_permutevar8x32_epi32(x, low_last), 0xF0);
    x = _mm256_add_epi32(_mm256_add_epi32(x, low_total), carry);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(a + i), x);
    carry = _mm256_permutevar8x32_epi32(x, last);
  }
  running = static_cast<std::uint32_t>(_mm256_cvtsi256_si32(carry));
#endif
  for (; i < n; ++i) {
    running += a[i];
    a[i] = running;
  }
}

}  // namespace gsd::simulate::detail
