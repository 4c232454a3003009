#pragma once
// Private: tables for left-packing the lanes of a vector (the censoring
// times, risk_set_merge.hpp; the noncured positions, flag_scans.hpp; a look's
// event-time bucket, event_time_index.cpp).
#include <array>
#include <cstddef>
#include <cstdint>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace gsd::simulate::detail {

// For each mask of Lanes bits, the lanes of its set bits moved to the front,
// in order, as values of type T (unused lanes 0).
template <std::size_t Lanes, class T>
constexpr std::array<std::array<T, Lanes>, std::size_t{1} << Lanes> packed_lanes() {
  std::array<std::array<T, Lanes>, std::size_t{1} << Lanes> table{};
  for (std::size_t mask = 0; mask < table.size(); ++mask) {
    std::size_t to = 0;
    for (std::size_t lane = 0; lane < Lanes; ++lane) {
      if ((mask >> lane) & 1u) table[mask][to++] = static_cast<T>(lane);
    }
  }
  return table;
}

// For each 4-bit mask, the eight 32-bit halves of four doubles that move the
// masked doubles to the front, in order (unused lanes 0).
inline constexpr auto kPackDoubleHalves = [] {
  constexpr auto pack = packed_lanes<4, std::int32_t>();
  std::array<std::array<std::int32_t, 8>, 16> table{};
  for (std::size_t mask = 0; mask < 16; ++mask) {
    for (std::size_t to = 0; to < 4; ++to) {
      table[mask][2 * to] = 2 * pack[mask][to];
      table[mask][2 * to + 1] = 2 * pack[mask][to] + 1;
    }
  }
  return table;
}();

#if defined(__AVX2__)
// Stores the lanes of v whose bits are set in mask (4 bits) at out, in lane
// order, and returns how many: a store of four lanes, so out needs room for
// four doubles whatever the count.
inline std::size_t store_packed(double* out, __m256d v, unsigned mask) noexcept {
  const __m256i pack = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kPackDoubleHalves[mask].data()));
  _mm256_storeu_pd(out, _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(v), pack)));
  return static_cast<std::size_t>(__builtin_popcount(mask));
}
#endif

}  // namespace gsd::simulate::detail
