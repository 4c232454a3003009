#pragma once
// Counter-based random words for one replicate: Philox4x32-10 (Salmon, Moraes,
// Dror & Shaw 2011, "Parallel random numbers: as easy as 1, 2, 3", SC'11;
// Random123) with key = the seed's two 32-bit halves and counter = (block,
// replicate low, replicate high, purpose). Any replicate's draws are a pure
// function of (seed, replicate), whichever thread or MPI process runs it.
//
// A purpose's words come in groups of 8 consecutive blocks (32 words): word
// 32 g + 8 j + l is word j of block 8 g + l. Eight blocks are thus eight lanes
// of a 256-bit vector, and with AVX2 the ten rounds run on 16 blocks at once
// (two independent vectors keep the multiplier busy); without it each block
// is Random123's scalar Philox4x32. Both give the same words, bit for bit
// (tests/simulate/random_stream_test.cpp checks them against Random123).
#include <Random123/philox.h>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include <cstddef>
#include <cstdint>

namespace gsd::simulate::detail {

// Separate purposes never share counters, so adding draws to one step of the
// trial does not shift the draws of another.
enum class StreamPurpose : std::uint32_t {
  kStratum = 1,
  kAccrual = 2,
  kOutcome = 3,
  kDropout = 4,
  // A normal or binary endpoint's sufficient statistics (endpoint_kernel.cpp).
  kEndpoint = 5,
};

// 2^-32: uniforms on the open interval (0, 1) from 32 bits, (x + 1/2) 2^-32,
// as Random123's u01 does (uniform.hpp). The resolution 2.3e-10 is far below
// anything a trial of at most a million patients can resolve.
inline constexpr double kTwoPowMinus32 = 1.0 / 4294967296.0;

inline double u01_32(std::uint32_t x) noexcept { return (x + 0.5) * kTwoPowMinus32; }

// A permuted block's draw at one position: treatment when
// u01_32(w) n < left_treatment, with n = left_treatment + left_control the
// positions left in the block, that is, drawing without replacement from what
// is left of it. Computed exactly in integers: (w + 1/2) 2^-32 n < L is
// (2w + 1) n < L 2^33. For blocks of up to 2^20 patients (a config allows
// 1000) both sides stay below 2^53, so the same comparison in doubles is
// exact as well and the two agree for every w
// (tests/simulate/random_stream_test.cpp); the integers cannot overflow for
// any int block. The caller passes n from the position's place in the block,
// so the chain from one position to the next runs only through L: a shift,
// a comparison and a subtraction.
inline bool block_draw_is_treatment(std::uint32_t w, int left_treatment,
                                    int left_in_block) noexcept {
  const auto n = static_cast<std::uint64_t>(left_in_block);
  return (2 * std::uint64_t{w} + 1) * n < static_cast<std::uint64_t>(left_treatment) << 33;
}

// The number of words w with u01_32(w) < p: since u01_32 increases with w,
// u01_32(w) < p exactly when w < words_below(p), so a draw "u < p" becomes
// one integer comparison, which vectorises. Found from the nearest candidate
// by the double comparison itself, so the two agree for every w.
inline std::uint64_t words_below(double p) noexcept {
  constexpr std::uint64_t kAll = std::uint64_t{1} << 32;
  if (!(p > u01_32(0))) return 0;
  if (p > u01_32(0xFFFFFFFFu)) return kAll;
  // (w + 1/2) 2^-32 < p  <=>  w < p 2^32 - 1/2, up to the rounding checked below.
  auto w = static_cast<std::uint64_t>(p * 4294967296.0 - 0.5);
  while (w > 0 && !(u01_32(static_cast<std::uint32_t>(w - 1)) < p)) --w;
  while (w < kAll && u01_32(static_cast<std::uint32_t>(w)) < p) ++w;
  return w;
}

// Blocks per group and words per group (the layout above).
inline constexpr std::size_t kGroupBlocks = 8;
inline constexpr std::size_t kGroupWords = 4 * kGroupBlocks;

class PhiloxBlocks {
 public:
  using Rng = r123::Philox4x32;
  PhiloxBlocks(std::uint64_t seed, std::uint64_t replicate, StreamPurpose purpose) noexcept {
    key_ = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    ctr_ = {{0u, static_cast<std::uint32_t>(replicate), static_cast<std::uint32_t>(replicate >> 32),
             static_cast<std::uint32_t>(purpose)}};
  }
  // The four words of block i (Random123's scalar Philox4x32-10).
  Rng::ctr_type block(std::uint32_t i) const noexcept {
    Rng::ctr_type c = ctr_;
    c.v[0] = i;
    return Rng()(c, key_);
  }
  const Rng::key_type& key() const noexcept { return key_; }
  const Rng::ctr_type& counter() const noexcept { return ctr_; }

 private:
  Rng::key_type key_;
  Rng::ctr_type ctr_;
};

// Group g of a purpose's words into out[0, 32), block by block.
inline void fill_group_scalar(const PhiloxBlocks& blocks, std::size_t g,
                              std::uint32_t* out) noexcept {
  for (std::size_t l = 0; l < kGroupBlocks; ++l) {
    const auto w = blocks.block(static_cast<std::uint32_t>(kGroupBlocks * g + l));
    for (std::size_t j = 0; j < 4; ++j) out[kGroupBlocks * j + l] = w.v[j];
  }
}

#if defined(__AVX2__)
namespace philox_avx2 {

// Philox4x32's constants (Salmon et al. 2011, table 2; Random123 philox.h).
inline constexpr std::uint32_t kM0 = 0xD2511F53u;
inline constexpr std::uint32_t kM1 = 0xCD9E8D57u;
inline constexpr std::uint32_t kW0 = 0x9E3779B9u;  // golden ratio
inline constexpr std::uint32_t kW1 = 0xBB67AE85u;  // sqrt(3) - 1

inline __m256i set1(std::uint32_t x) noexcept { return _mm256_set1_epi32(static_cast<int>(x)); }

// The high and low halves of the 64-bit products x * m in each 32-bit lane.
inline void mulhilo(__m256i x, __m256i m, __m256i& hi, __m256i& lo) noexcept {
  const __m256i even = _mm256_mul_epu32(x, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

// V consecutive groups from group g, as Philox4x32-10 in 8 lanes per group.
template <std::size_t V>
inline void fill_groups(const PhiloxBlocks& blocks, std::size_t g, std::uint32_t* out) noexcept {
  const auto& c = blocks.counter();
  const auto& k = blocks.key();
  __m256i x0[V], x1[V], x2[V], x3[V];
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  for (std::size_t v = 0; v < V; ++v) {
    const auto first = static_cast<std::uint32_t>(kGroupBlocks * (g + v));
    x0[v] = _mm256_add_epi32(set1(first), lane);
    x1[v] = set1(c.v[1]);
    x2[v] = set1(c.v[2]);
    x3[v] = set1(c.v[3]);
  }
  const __m256i m0 = set1(kM0);
  const __m256i m1 = set1(kM1);
  std::uint32_t k0 = k.v[0];
  std::uint32_t k1 = k.v[1];
  // The ten rounds unrolled: the loop's exit was mispredicted at every call.
#pragma GCC unroll 10
  for (int round = 0; round < 10; ++round) {
    const __m256i key0 = set1(k0);
    const __m256i key1 = set1(k1);
    for (std::size_t v = 0; v < V; ++v) {
      __m256i hi0, lo0, hi1, lo1;
      mulhilo(x0[v], m0, hi0, lo0);
      mulhilo(x2[v], m1, hi1, lo1);
      x0[v] = _mm256_xor_si256(_mm256_xor_si256(hi1, x1[v]), key0);
      x2[v] = _mm256_xor_si256(_mm256_xor_si256(hi0, x3[v]), key1);
      x1[v] = lo1;
      x3[v] = lo0;
    }
    k0 += kW0;
    k1 += kW1;
  }
  for (std::size_t v = 0; v < V; ++v) {
    auto* o = reinterpret_cast<__m256i*>(out + kGroupWords * v);
    _mm256_storeu_si256(o, x0[v]);
    _mm256_storeu_si256(o + 1, x1[v]);
    _mm256_storeu_si256(o + 2, x2[v]);
    _mm256_storeu_si256(o + 3, x3[v]);
  }
}

}  // namespace philox_avx2
#endif

// Group g of a purpose's words into out[0, 32).
inline void fill_group(const PhiloxBlocks& blocks, std::size_t g, std::uint32_t* out) noexcept {
#if defined(__AVX2__)
  philox_avx2::fill_groups<1>(blocks, g, out);
#else
  fill_group_scalar(blocks, g, out);
#endif
}

// The first n words of one purpose's stream, in order. `out` must have room
// for n rounded up to a multiple of 32 (padded_words).
inline void fill_words(const PhiloxBlocks& blocks, std::uint32_t* out, std::size_t n) noexcept {
  const std::size_t groups = (n + kGroupWords - 1) / kGroupWords;
  std::size_t g = 0;
#if defined(__AVX2__)
  for (; g + 2 <= groups; g += 2) philox_avx2::fill_groups<2>(blocks, g, out + kGroupWords * g);
#endif
  for (; g < groups; ++g) fill_group(blocks, g, out + kGroupWords * g);
}

// Room fill_words needs for n words.
inline std::size_t padded_words(std::size_t n) noexcept {
  return (n + kGroupWords - 1) / kGroupWords * kGroupWords;
}

// Sequential 32-bit words from one purpose's stream (a group at a time).
class WordStream {
 public:
  WordStream(std::uint64_t seed, std::uint64_t replicate, StreamPurpose purpose) noexcept
      : blocks_(seed, replicate, purpose) {}
  std::uint32_t next() noexcept {
    if (used_ == kGroupWords) {
      fill_group(blocks_, group_++, buffer_);
      used_ = 0;
    }
    return buffer_[used_++];
  }
  double uniform() noexcept { return u01_32(next()); }

 private:
  PhiloxBlocks blocks_;
  std::uint32_t buffer_[kGroupWords] = {};
  std::size_t group_ = 0;
  std::size_t used_ = kGroupWords;
};

}  // namespace gsd::simulate::detail
