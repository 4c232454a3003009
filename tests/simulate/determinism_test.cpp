// Reproducibility: replicate i depends only on (seed, i), and totals are
// integers, so any split of the replicates over threads or processes gives
// bit-identical totals.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <limits>

#include "gsd/simulate/process_group.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::determinism_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

constexpr std::int64_t kReplicates = 3000;

TEST(Determinism, OneAndTwoThreadsGiveIdenticalTotals) {
  const Simulator sim = testing::seed_simulator();
  const SimulationTotals one = sim.run(0, kReplicates, 42, 1);
  const SimulationTotals two = sim.run(0, kReplicates, 42, 2);
  const SimulationTotals three = sim.run(0, kReplicates, 42, 3);
  EXPECT_EQ(one.serialize(), two.serialize());
  EXPECT_EQ(one.serialize(), three.serialize());
  EXPECT_EQ(one.replicates, kReplicates);
}

TEST(Determinism, SplitRangesAddUpToTheWhole) {
  // What MPI ranks do: disjoint contiguous ranges, then an integer sum.
  const Simulator sim = testing::seed_simulator();
  const SimulationTotals whole = sim.run(0, kReplicates, 7, 1);
  for (int processes : {2, 3, 5}) {
    SimulationTotals sum(3);
    for (int rank = 0; rank < processes; ++rank) {
      const ReplicateRange r = replicate_range(kReplicates, ProcessGroup{rank, processes});
      sum.add(sim.run(r.first, r.count, 7, 1));
    }
    EXPECT_EQ(sum.serialize(), whole.serialize()) << processes << " processes";
  }
}

TEST(Determinism, ReplicateRangesPartitionTheReplicates) {
  std::int64_t next = 0;
  for (int rank = 0; rank < 7; ++rank) {
    const ReplicateRange r = replicate_range(1000003, ProcessGroup{rank, 7});
    EXPECT_EQ(r.first, next);
    next += r.count;
  }
  EXPECT_EQ(next, 1000003);
  EXPECT_THROW(replicate_range(10, ProcessGroup{2, 2}), std::invalid_argument);
}

TEST(Determinism, SerializeRoundTrips) {
  const Simulator sim = testing::seed_simulator();
  SimulationTotals t = sim.run(0, 500, 3, 1);
  t.duration += static_cast<Int128>(1) << 100;  // exercise the high word
  t.held_time[1] += static_cast<Int128>(1) << 90;
  t.held_efficacy[2] -= static_cast<Int128>(3) << 70;
  const SimulationTotals back = SimulationTotals::deserialize(t.serialize(), 3);
  EXPECT_EQ(back.serialize(), t.serialize());
  EXPECT_TRUE(back.duration == t.duration);
  EXPECT_TRUE(back.held_time == t.held_time);
  EXPECT_TRUE(back.held_efficacy == t.held_efficacy);
  EXPECT_EQ(back.held, t.held);
}

TEST(Determinism, SameReplicateSameLooksWhateverTheRange) {
  const Simulator sim = testing::seed_simulator();
  const auto a = sim.looks(99, 1234);
  const auto b = sim.looks(99, 1234);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].events, b[k].events);
    EXPECT_EQ(a[k].z, b[k].z);  // bit-identical, not merely close
  }
  // Different seeds or replicates differ.
  EXPECT_NE(sim.looks(99, 1235)[0].z, a[0].z);
  EXPECT_NE(sim.looks(100, 1234)[0].z, a[0].z);
}

TEST(Determinism, ReplicateSinkSeesEveryReplicateInOrder) {
  const Simulator sim = testing::seed_simulator();
  std::int64_t expected = 0;
  std::int64_t rows = 0;
  RunControl control;
  control.replicate_sink = [&](std::int64_t i, std::span<const LookRecord> looks) {
    EXPECT_EQ(i, expected);
    ++expected;
    rows += static_cast<std::int64_t>(looks.size());
    ASSERT_FALSE(looks.empty());
    EXPECT_NE(looks.back().decision, Decision::kContinue);
  };
  const SimulationTotals with_sink = sim.run(0, 5000, 5, 2, control);
  EXPECT_EQ(expected, 5000);
  EXPECT_GT(rows, 5000);
  EXPECT_EQ(with_sink.serialize(), sim.run(0, 5000, 5, 1).serialize());
}

TEST(Determinism, StopFlagEndsTheRunEarly) {
  const Simulator sim = testing::seed_simulator();
  std::atomic<bool> stop{true};
  RunControl control;
  control.stop = &stop;
  EXPECT_EQ(sim.run(0, 100000, 5, 2, control).replicates, 0);
}

// A stop in the middle of a run of the most replicates allowed (2^63 - 1):
// the threads leave at once, with the chunks they had done. A run that
// stepped through the chunks left (about 3.6e16 of them) would not return.
TEST(Determinism, StopFlagEndsARunOfTheMostReplicates) {
  const Simulator sim = testing::seed_simulator();
  std::atomic<bool> stop{false};
  RunControl control;
  control.stop = &stop;
  control.progress = [&](std::int64_t) { stop = true; };
  const SimulationTotals totals = sim.run(0, std::numeric_limits<std::int64_t>::max(), 5, 2, control);
  EXPECT_GT(totals.replicates, 0);
  EXPECT_LT(totals.replicates, 100000);
}

}  // namespace
}  // namespace gsd::simulate::determinism_test
