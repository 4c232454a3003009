#pragma once
// Private: three scans over one replicate's 0/1 flags per patient
// (trial_kernel.cpp), eight flags (the cure draw's: four) at a time where
// AVX2 allows. Each has a plain loop that gives the same numbers, which
// serves the remainder and builds without AVX2.
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

// below[i] = 1 if words[2 i] < threshold[flag[i]], else 0, for i in
// [begin, end): the cure draw (trial_kernel.cpp), whose word is the first of
// each patient's two and whose threshold (at most 2^32) is the arm's. With
// AVX2 four patients are compared at once, each pair of words one 64-bit
// lane whose low half is the word, and the four results written as four
// bytes.
inline void flag_below(const std::uint32_t* words, const std::uint8_t* flag,
                       const std::uint64_t threshold[2], std::size_t begin, std::size_t end,
                       std::uint8_t* below) noexcept {
  std::size_t i = begin;
#if defined(__AVX2__)
  const __m256i low_half = _mm256_set1_epi64x(0xFFFFFFFFll);
  const __m256i threshold0 = _mm256_set1_epi64x(static_cast<long long>(threshold[0]));
  const __m256i threshold1 = _mm256_set1_epi64x(static_cast<long long>(threshold[1]));
  for (; i + 4 <= end; i += 4) {
    const __m256i word = _mm256_and_si256(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(words + 2 * i)), low_half);
    std::uint32_t four;
    std::memcpy(&four, flag + i, sizeof four);
    const __m256i set = _mm256_cmpgt_epi64(
        _mm256_cvtepu8_epi64(_mm_cvtsi32_si128(static_cast<int>(four))), _mm256_setzero_si256());
    // Both sides lie in [0, 2^32], so the signed comparison is exact.
    const __m256i lanes_below =
        _mm256_cmpgt_epi64(_mm256_blendv_epi8(threshold0, threshold1, set), word);
    const auto mask = static_cast<std::uint32_t>(_mm256_movemask_pd(_mm256_castsi256_pd(lanes_below)));
    // Bit b of the mask to byte b: the four shifted copies do not overlap.
    const std::uint32_t bytes = (mask * 0x00204081u) & 0x01010101u;
    std::memcpy(below + i, &bytes, sizeof bytes);
  }
#endif
  for (; i < end; ++i) below[i] = std::uint64_t{words[2 * i]} < threshold[flag[i]] ? 1 : 0;
}

}  // namespace gsd::simulate::detail
