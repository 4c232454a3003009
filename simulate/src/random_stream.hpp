#pragma once
// Counter-based random words for one replicate: Philox4x64-10 (Salmon, Moraes,
// Dror & Shaw 2011, SC'11; Random123) with key = (seed, purpose) and counter =
// (index, replicate, 0, 0). One call gives 256 bits, enough for two patients. Any replicate's
// draws are a pure function of (seed, replicate), whichever thread or MPI
// process runs it.
#include <Random123/philox.h>

#include <cstdint>

namespace gsd::detail {

// Separate purposes never share counters, so adding draws to one step of the
// trial does not shift the draws of another.
enum class StreamPurpose : std::uint32_t {
  kStratum = 1,
  kAccrual = 2,
  kOutcome = 3,
};

// 2^-32 and 2^-53: uniforms on the open interval (0, 1) from 32 or 53 bits,
// (x + 1/2) 2^-bits, as Random123's u01 does (uniform.hpp).
inline constexpr double kTwoPowMinus32 = 1.0 / 4294967296.0;
inline constexpr double kTwoPowMinus53 = 1.0 / 9007199254740992.0;

inline double u01_32(std::uint32_t x) noexcept { return (x + 0.5) * kTwoPowMinus32; }
inline double u01_53(std::uint64_t x) noexcept {
  return (static_cast<double>(x >> 11) + 0.5) * kTwoPowMinus53;
}

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

}  // namespace gsd::detail
