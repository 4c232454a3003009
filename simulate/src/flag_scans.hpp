#pragma once
// Private: two scans over one replicate's 0/1 flags per patient
// (trial_kernel.cpp), eight flags at a time where AVX2 allows. Each has a
// plain loop that gives the same numbers, which serves the remainder and
// builds without AVX2.
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include "lane_tables.hpp"

namespace gsd::simulate::detail {

namespace flag_lanes {
// For each 8-bit mask, its set bits' lanes moved to the front, in order.
inline constexpr auto kPack = packed_lanes<8, std::uint8_t>();
}  // namespace flag_lanes

// before[i + 1] = running + (flags set in [begin, i]) for i in
// [begin, end); returns running + all the set flags. Flags are 0 or 1.
// With AVX2, the prefix counts of eight flags are one multiplication (each
// byte of w * 0x0101010101010101 is the sum of w's bytes up to it, at most 8).
inline int prefix_counts(const std::uint8_t* flag, std::size_t begin, std::size_t end, int running,
                         int* before) noexcept {
  std::size_t i = begin;
#if defined(__AVX2__)
  for (; i + 8 <= end; i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, flag + i, sizeof eight);
    const std::uint64_t sums = eight * 0x0101010101010101ull;
    const __m256i counts = _mm256_add_epi32(
        _mm256_set1_epi32(running), _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<long long>(sums))));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(before + i + 1), counts);
    running += static_cast<int>(sums >> 56);
  }
#endif
  for (; i < end; ++i) {
    running += flag[i];
    before[i + 1] = running;
  }
  return running;
}

// Appends to out[count..] the positions i in [begin, end) whose flag is 0,
// in order; returns the new count. With AVX2 the positions of eight flags
// are packed by a table of lanes and stored as eight 32-bit lanes; the
// plain loop stores a position whether or not it counts it. When
// count <= begin (the unflagged of [0, begin) already appended, as the
// simulator does stratum by stratum) no store reaches out[end] or beyond: a
// store at count covers count..count + 7, and count never exceeds i, with
// i + 8 <= end in the eight-lane loop and i < end in the plain one.
inline std::size_t append_unflagged(const std::uint8_t* flag, std::uint32_t begin, std::uint32_t end,
                                    std::uint32_t* out, std::size_t count) noexcept {
  std::uint32_t i = begin;
#if defined(__AVX2__)
  for (; i + 8 <= end; i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, flag + i, sizeof eight);
    const __m128i zero = _mm_cmpeq_epi8(_mm_cvtsi64_si128(static_cast<long long>(eight)), _mm_setzero_si128());
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(zero)) & 0xFFu;
    std::uint64_t lanes;
    std::memcpy(&lanes, flag_lanes::kPack[mask].data(), sizeof lanes);
    const __m256i positions = _mm256_add_epi32(
        _mm256_set1_epi32(static_cast<int>(i)), _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<long long>(lanes))));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + count), positions);
    count += static_cast<std::size_t>(__builtin_popcount(mask));
  }
#endif
  for (; i < end; ++i) {
    out[count] = i;
    count += static_cast<std::size_t>(1 - flag[i]);
  }
  return count;
}

}  // namespace gsd::simulate::detail
