// The chunks handed to a run's threads (chunk_queue.hpp): every replicate
// of the range exactly once, the last chunk cut at the range's end, also for
// a range that ends at the largest replicate number, and nothing after the
// last chunk however often the threads ask.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

#include "chunk_queue.hpp"

namespace gsd::simulate::detail::chunk_queue_test {
namespace {

TEST(ChunkQueue, CoversTheRangeInOrderWithAShortLastChunk) {
  ChunkQueue queue(10, 1010, 256);
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::vector<std::int64_t> starts;
  std::int64_t expected_first = 10;
  while (queue.next(first, last)) {
    EXPECT_EQ(first, expected_first);
    starts.push_back(first);
    expected_first = last;
  }
  EXPECT_EQ(starts, (std::vector<std::int64_t>{10, 266, 522, 778}));
  EXPECT_EQ(expected_first, 1010);  // the last chunk [778, 1010) is 232 long
  EXPECT_FALSE(queue.next(first, last));
}

TEST(ChunkQueue, EmptyRangeHasNoChunk) {
  ChunkQueue queue(5, 5, 256);
  std::int64_t first = 0;
  std::int64_t last = 0;
  EXPECT_FALSE(queue.next(first, last));
}

// The range of the most replicates a run allows, and one that ends at the
// largest replicate number: chunk bounds never overflow (UBSan would report
// it), and the last chunk ends exactly at the end.
TEST(ChunkQueue, RangesEndingAtTheLargestReplicateNumber) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  ChunkQueue whole(0, kMax, 256);
  std::int64_t first = 0;
  std::int64_t last = 0;
  ASSERT_TRUE(whole.next(first, last));
  EXPECT_EQ(first, 0);
  EXPECT_EQ(last, 256);

  ChunkQueue tail(kMax - 300, kMax, 256);
  ASSERT_TRUE(tail.next(first, last));
  EXPECT_EQ(last - first, 256);
  ASSERT_TRUE(tail.next(first, last));
  EXPECT_EQ(first, kMax - 44);
  EXPECT_EQ(last, kMax);
  EXPECT_FALSE(tail.next(first, last));
}

// Two threads drawing from one queue take every chunk once between them.
TEST(ChunkQueue, ThreadsShareTheChunksWithoutOverlap) {
  constexpr std::int64_t kEnd = 100000;
  ChunkQueue queue(0, kEnd, 7);
  std::vector<std::vector<std::int64_t>> taken(2);
  const auto take = [&](std::size_t t) {
    std::int64_t first = 0;
    std::int64_t last = 0;
    while (queue.next(first, last)) {
      for (std::int64_t i = first; i < last; ++i) taken[t].push_back(i);
    }
  };
  std::thread other(take, 1);
  take(0);
  other.join();
  std::vector<int> seen(kEnd, 0);
  for (const auto& list : taken) {
    for (std::int64_t i : list) ++seen[static_cast<std::size_t>(i)];
  }
  for (std::int64_t i = 0; i < kEnd; ++i) ASSERT_EQ(seen[static_cast<std::size_t>(i)], 1) << i;
}

}  // namespace
}  // namespace gsd::simulate::detail::chunk_queue_test
