// The three scans over a replicate's 0/1 flags (flag_scans.hpp): each gives
// what the plain loop over one flag at a time gives, at every length around
// the eight-flag (four-flag) steps, and append_unflagged, called stratum by stratum as
// the simulator calls it, stores nothing at or beyond the last flag's slot.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "flag_scans.hpp"

namespace gsd::simulate::detail::flag_scans_test {
namespace {

std::vector<std::uint8_t> random_flags(std::size_t n, double p, std::mt19937_64& engine) {
  std::bernoulli_distribution flag(p);
  std::vector<std::uint8_t> flags(n);
  for (auto& f : flags) f = flag(engine) ? 1 : 0;
  return flags;
}

TEST(FlagScans, PrefixCountsAreTheRunningCounts) {
  std::mt19937_64 engine(7);
  for (std::size_t n = 0; n <= 41; ++n) {
    const std::vector<std::uint8_t> flags = random_flags(n, 0.5, engine);
    for (const std::size_t begin : {std::size_t{0}, n / 3}) {
      const int running = 5;
      std::vector<int> before(n + 1, -1);
      const int total = prefix_counts(flags.data(), begin, n, running, before.data());
      int expected = running;
      for (std::size_t i = begin; i < n; ++i) {
        expected += flags[i];
        EXPECT_EQ(before[i + 1], expected) << "n = " << n << ", i = " << i;
      }
      EXPECT_EQ(total, expected) << "n = " << n;
      // Nothing before begin + 1 is written.
      for (std::size_t i = 0; i <= begin; ++i) EXPECT_EQ(before[i], -1) << "n = " << n;
    }
  }
}

TEST(FlagScans, AppendUnflaggedStaysWithinTheFlagsStratumByStratum) {
  // Strata of uneven sizes, flags from mostly unset to all set; the output
  // has exactly one slot per flag, followed by guards that must stay as
  // they are.
  constexpr std::uint32_t kGuard = 0xDEADBEEF;
  constexpr std::size_t kGuards = 16;
  std::mt19937_64 engine(11);
  for (const double p : {0.0, 0.1, 0.5, 0.9, 1.0}) {
    for (std::size_t n = 0; n <= 60; ++n) {
      const std::vector<std::uint8_t> flags = random_flags(n, p, engine);
      std::vector<std::uint32_t> out(n + kGuards, kGuard);
      std::vector<std::uint32_t> expected;
      std::size_t count = 0;
      const std::size_t cuts[] = {0, n / 5, n / 2, n / 2 + 3 < n ? n / 2 + 3 : n, n};
      for (std::size_t s = 0; s + 1 < std::size(cuts); ++s) {
        const auto begin = static_cast<std::uint32_t>(cuts[s]);
        const auto end = static_cast<std::uint32_t>(cuts[s + 1]);
        count = append_unflagged(flags.data(), begin, end, out.data(), count);
        for (std::uint32_t i = begin; i < end; ++i) {
          if (flags[i] == 0) expected.push_back(i);
        }
        ASSERT_EQ(count, expected.size()) << "n = " << n << ", p = " << p;
      }
      for (std::size_t k = 0; k < count; ++k) {
        EXPECT_EQ(out[k], expected[k]) << "n = " << n << ", p = " << p << ", k = " << k;
      }
      for (std::size_t g = 0; g < kGuards; ++g) {
        EXPECT_EQ(out[n + g], kGuard) << "n = " << n << ", p = " << p << ", guard " << g;
      }
    }
  }
}

TEST(FlagScans, FlagBelowComparesEachWordWithItsFlagsThreshold) {
  // Thresholds at the ends of their range (0: never below; 2^32: always)
  // and between; words with the extremes mixed in. Nothing outside
  // [begin, end) is written.
  constexpr std::uint8_t kGuard = 7;
  constexpr std::uint64_t kAll = std::uint64_t{1} << 32;
  const std::uint64_t thresholds[][2] = {{0, kAll}, {kAll, 0}, {1u << 31, 3u << 30}, {12345, 4000000000u}};
  std::mt19937_64 engine(13);
  std::uniform_int_distribution<std::uint32_t> any_word;
  for (const auto& threshold : thresholds) {
    for (std::size_t n = 0; n <= 41; ++n) {
      const std::vector<std::uint8_t> flags = random_flags(n, 0.5, engine);
      std::vector<std::uint32_t> words(2 * n + 8);
      for (auto& w : words) w = any_word(engine);
      if (n > 2) words[2] = 0, words[4] = 0xFFFFFFFFu;
      for (const std::size_t begin : {std::size_t{0}, n / 3}) {
        std::vector<std::uint8_t> below(n + 4, kGuard);
        flag_below(words.data(), flags.data(), threshold, begin, n, below.data());
        for (std::size_t i = 0; i < n + 4; ++i) {
          const bool inside = i >= begin && i < n;
          const int expected = !inside ? kGuard : std::uint64_t{words[2 * i]} < threshold[flags[i]] ? 1 : 0;
          EXPECT_EQ(below[i], expected) << "n = " << n << ", begin = " << begin << ", i = " << i;
        }
      }
    }
  }
}

}  // namespace
}  // namespace gsd::simulate::detail::flag_scans_test
