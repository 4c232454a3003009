// The simulator's random words: the vectorised Philox4x32-10 (AVX2 where the
// build has it) gives Random123's scalar Philox4x32-10 word for word, in the
// documented layout, and the scalar generator gives the published
// known-answer vectors.
#include <gtest/gtest.h>

#include <Random123/philox.h>

#include <cstdint>
#include <vector>

#include "random_stream.hpp"

namespace gsd::simulate::detail::random_stream_test {
namespace {

using Rng = r123::Philox4x32;

// Random123 1.14, examples/kat_vectors: philox4x32 10 rounds.
TEST(RandomStream, ScalarPhiloxGivesTheKnownAnswers) {
  struct Kat {
    Rng::ctr_type ctr;
    Rng::key_type key;
    Rng::ctr_type expected;
  };
  const Kat kats[] = {
      {{{0u, 0u, 0u, 0u}}, {{0u, 0u}}, {{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}}},
      {{{0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}},
       {{0xffffffffu, 0xffffffffu}},
       {{0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu}}},
      {{{0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}},
       {{0xa4093822u, 0x299f31d0u}},
       {{0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u}}},
  };
  for (const Kat& k : kats) {
    const Rng::ctr_type got = Rng()(k.ctr, k.key);
    for (int j = 0; j < 4; ++j) EXPECT_EQ(got.v[j], k.expected.v[j]) << "word " << j;
  }
}

// Word 32 g + 8 j + l is word j of block 8 g + l; block b has counter
// (b, replicate low, replicate high, purpose) and key (seed low, seed high).
std::uint32_t reference_word(std::uint64_t seed, std::uint64_t replicate, StreamPurpose purpose,
                             std::size_t w) {
  const std::size_t g = w / 32;
  const std::size_t j = (w % 32) / 8;
  const std::size_t l = w % 8;
  const Rng::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const Rng::ctr_type ctr = {{static_cast<std::uint32_t>(8 * g + l), static_cast<std::uint32_t>(replicate),
                              static_cast<std::uint32_t>(replicate >> 32),
                              static_cast<std::uint32_t>(purpose)}};
  return Rng()(ctr, key).v[j];
}

TEST(RandomStream, FilledWordsEqualScalarPhiloxInTheDocumentedLayout) {
  const std::uint64_t seeds[] = {0, 1, 20120215, 0xfedcba9876543210ull};
  const std::uint64_t replicates[] = {0, 1, 4294967295ull, 4294967296ull + 17};
  // 1 word, a partial group, one group, two groups (the paired path) and more.
  const std::size_t sizes[] = {1, 5, 32, 64, 97, 203, 404};
  for (std::uint64_t seed : seeds) {
    for (std::uint64_t rep : replicates) {
      for (StreamPurpose purpose : {StreamPurpose::kAccrual, StreamPurpose::kOutcome}) {
        for (std::size_t n : sizes) {
          std::vector<std::uint32_t> out(padded_words(n));
          fill_words(PhiloxBlocks(seed, rep, purpose), out.data(), n);
          for (std::size_t w = 0; w < n; ++w) {
            ASSERT_EQ(out[w], reference_word(seed, rep, purpose, w))
                << "seed " << seed << " replicate " << rep << " word " << w << " of " << n;
          }
        }
      }
    }
  }
}

// The path of builds without AVX2 (WebAssembly among them).
TEST(RandomStream, ScalarGroupsFollowTheSameLayout) {
  const PhiloxBlocks blocks(20120215, 99, StreamPurpose::kOutcome);
  std::uint32_t out[kGroupWords];
  for (std::size_t g = 0; g < 4; ++g) {
    fill_group_scalar(blocks, g, out);
    for (std::size_t w = 0; w < kGroupWords; ++w) {
      ASSERT_EQ(out[w], reference_word(20120215, 99, StreamPurpose::kOutcome, kGroupWords * g + w));
    }
  }
}

TEST(RandomStream, SequentialWordsFollowTheSameLayout) {
  WordStream stream(7, 123456789, StreamPurpose::kStratum);
  for (std::size_t w = 0; w < 200; ++w) {
    ASSERT_EQ(stream.next(), reference_word(7, 123456789, StreamPurpose::kStratum, w)) << w;
  }
}

TEST(RandomStream, PaddingCoversWholeGroups) {
  EXPECT_EQ(padded_words(0), 0u);
  EXPECT_EQ(padded_words(1), 32u);
  EXPECT_EQ(padded_words(32), 32u);
  EXPECT_EQ(padded_words(33), 64u);
}

// The block draw in integers against the comparison in doubles it replaced,
// u01_32(w) * (L + C) < L, for every block of up to 1000 (a config's limit)
// and every L: at the words on both sides of each threshold, where a
// rounding would show, and at the extreme words.
TEST(RandomStream, BlockDrawInIntegersEqualsTheDoubleComparison) {
  constexpr std::uint64_t kWords = std::uint64_t{1} << 32;
  for (int n = 1; n <= 1000; ++n) {
    for (int left_t = 0; left_t <= n; ++left_t) {
      const int left_c = n - left_t;
      // The first w with (2w + 1) n >= L 2^33, and its neighbours.
      const std::uint64_t edge =
          ((static_cast<std::uint64_t>(left_t) << 33) / static_cast<std::uint64_t>(n) + 1) / 2;
      for (const std::uint64_t w64 : {edge - 1, edge, edge + 1, std::uint64_t{0}, kWords - 1}) {
        if (w64 >= kWords) continue;
        const auto w = static_cast<std::uint32_t>(w64);
        const bool in_doubles = u01_32(w) * (left_t + left_c) < left_t;
        ASSERT_EQ(block_draw_is_treatment(w, left_t, n), in_doubles)
            << "w " << w << ", " << left_t << " treatment and " << left_c << " control left";
      }
    }
  }
  // What is left decides at the ends: nothing treated left, or only treated.
  EXPECT_FALSE(block_draw_is_treatment(0xFFFFFFFFu, 0, 3));
  EXPECT_TRUE(block_draw_is_treatment(0xFFFFFFFFu, 3, 3));
}

// The cure draw in integers, word < words_below(p), against u01_32(w) < p
// it replaced: on both sides of the threshold for the seed trial's cure
// fractions, tiny and near-1 ones and the edges, and the closed form at 1/2.
TEST(RandomStream, WordsBelowGivesTheDoubleComparisonsThreshold) {
  constexpr std::uint64_t kWords = std::uint64_t{1} << 32;
  for (const double p : {0.0, 1e-12, 0.1, 0.4, 0.5, 0.562, 0.9, 1.0 - 1e-12, 1.0, -0.5, 1.5}) {
    const std::uint64_t below = words_below(p);
    ASSERT_LE(below, kWords) << "p = " << p;
    if (below > 0) {
      EXPECT_TRUE(u01_32(static_cast<std::uint32_t>(below - 1)) < p) << "p = " << p;
    }
    if (below < kWords) {
      EXPECT_FALSE(u01_32(static_cast<std::uint32_t>(below)) < p) << "p = " << p;
    }
  }
  // (w + 1/2) 2^-32 < 1/2 exactly for w < 2^31.
  EXPECT_EQ(words_below(0.5), std::uint64_t{1} << 31);
  EXPECT_EQ(words_below(0.0), 0u);
  EXPECT_EQ(words_below(1.0), kWords);
}

}  // namespace
}  // namespace gsd::simulate::detail::random_stream_test
