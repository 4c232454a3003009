#pragma once
// Counter-based random words for one replicate: Philox4x64-10 (Salmon, Moraes,
// Dror & Shaw 2011, SC'11; Random123) with key = (seed, purpose) and counter =
// (index, replicate, 0, 0). One call gives 256 bits, enough for two patients. Any replicate's
// draws are a pure function of (seed, replicate), whichever thread or MPI
// process runs it.
#include <Random123/philox.h>

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
};

// 2^-32: uniforms on the open interval (0, 1) from 32 bits, (x + 1/2) 2^-32,
// as Random123's u01 does (uniform.hpp). The resolution 2.3e-10 is far below
// anything a trial of at most a million patients can resolve.
inline constexpr double kTwoPowMinus32 = 1.0 / 4294967296.0;

inline double u01_32(std::uint32_t x) noexcept { return (x + 0.5) * kTwoPowMinus32; }

class PhiloxBlocks {
 public:
  using Rng = r123::Philox4x64;
  PhiloxBlocks(std::uint64_t seed, std::uint64_t replicate, StreamPurpose purpose) noexcept {
    key_ = {{seed, static_cast<std::uint64_t>(purpose)}};
    ctr_ = {{0u, replicate, 0u, 0u}};
  }
  // The four 64-bit words at counter index i.
  Rng::ctr_type block(std::uint64_t i) const noexcept {
    Rng::ctr_type c = ctr_;
    c.v[0] = i;
    return Rng()(c, key_);
  }

 private:
  Rng::key_type key_;
  Rng::ctr_type ctr_;
};

// The first n 32-bit words of one purpose's stream (eight per block), in
// order. `out` must have room for n rounded up to a multiple of 8.
inline void fill_words(const PhiloxBlocks& blocks, std::uint32_t* out, std::size_t n) noexcept {
  for (std::uint64_t b = 0; 8 * b < n; ++b) {
    const auto w = blocks.block(b);
    std::uint32_t* o = out + 8 * b;
    for (std::size_t j = 0; j < 4; ++j) {
      o[2 * j] = static_cast<std::uint32_t>(w.v[j] >> 32);
      o[2 * j + 1] = static_cast<std::uint32_t>(w.v[j]);
    }
  }
}

// Room fill_words needs for n words.
inline std::size_t padded_words(std::size_t n) noexcept { return (n + 7) / 8 * 8; }

// Sequential 32-bit words from one purpose's blocks (eight per block).
class WordStream {
 public:
  WordStream(std::uint64_t seed, std::uint64_t replicate, StreamPurpose purpose) noexcept
      : blocks_(seed, replicate, purpose) {}
  std::uint32_t next() noexcept {
    if (used_ == 8) {
      buffer_ = blocks_.block(index_++);
      used_ = 0;
    }
    const std::uint64_t w = buffer_.v[used_ >> 1];
    const auto word = static_cast<std::uint32_t>((used_ & 1u) ? w : w >> 32);
    ++used_;
    return word;
  }
  double uniform() noexcept { return u01_32(next()); }

 private:
  PhiloxBlocks blocks_;
  PhiloxBlocks::Rng::ctr_type buffer_{};
  std::uint64_t index_ = 0;
  unsigned used_ = 8;
};

}  // namespace gsd::simulate::detail
