#pragma once
// Private: prefix sums of nonnegative numbers, for the entry times
// (trial_kernel.cpp). One running sum costs a floating-point add's latency
// per element; four segments summed side by side cost about a quarter of
// that, and give the same sums up to rounding.
#include <cstddef>

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

}  // namespace gsd::simulate::detail
