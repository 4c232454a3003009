// The look times' index of event calendar times (Workspace::index_event_times
// and event_time, trial_kernel.cpp) against a plain sort: the d-th event time
// for every d, none beyond the events by the cap, and the count by the cap,
// for crowded and empty buckets, ties, events after the cap and none at all.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "trial_kernel.hpp"

namespace gsd::simulate::detail::event_times_index_test {
namespace {

void expect_index_matches_sort(const std::vector<double>& times, double cap) {
  Workspace ws;
  ws.event_times = times;
  ws.index_event_times(cap);
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  const auto by_cap = static_cast<int>(
      std::upper_bound(sorted.begin(), sorted.end(), cap) - sorted.begin());
  EXPECT_EQ(ws.events_by_cap(), by_cap);
  for (int d = 1; d <= by_cap; ++d) {
    const std::optional<double> t = ws.event_time(d);
    ASSERT_TRUE(t.has_value()) << "d = " << d;
    EXPECT_EQ(*t, sorted[static_cast<std::size_t>(d - 1)]) << "d = " << d;
  }
  EXPECT_FALSE(ws.event_time(by_cap + 1).has_value());
}

TEST(EventTimesIndex, TheDthEventTimeOfAPlainSort) {
  std::mt19937_64 engine(94);
  std::exponential_distribution<double> latency(0.1);
  std::uniform_real_distribution<double> entry(0.0, 36.0);
  for (const std::size_t m : {1u, 2u, 7u, 105u, 1000u}) {
    std::vector<double> times(m);
    for (double& t : times) t = entry(engine) + latency(engine);
    expect_index_matches_sort(times, 109.8);  // some after the cap
    expect_index_matches_sort(times, 1e6);    // all by the cap
  }
}

TEST(EventTimesIndex, CrowdedBucketsTiesAndTheCapItself) {
  // All in one bucket, exact ties, an event exactly at the cap (counted),
  // and one just after it (not).
  expect_index_matches_sort({5.0, 5.0, 5.0, 5.1, 5.05}, 100.0);
  expect_index_matches_sort({100.0, 3.0, 100.000001, 50.0}, 100.0);
  expect_index_matches_sort({200.0, 300.0}, 100.0);  // none by the cap
  // Buckets above and at the size searched by counting ranks (8), with ties,
  // beside spread-out times.
  for (const int crowd : {8, 9, 13}) {
    std::vector<double> times = {1.0, 30.0, 60.0, 90.0};
    for (int i = 0; i < crowd; ++i) times.push_back(45.0 + 1e-3 * (i % 4));
    expect_index_matches_sort(times, 100.0);
  }
}

TEST(EventTimesIndex, NoEvents) {
  Workspace ws;
  ws.index_event_times(60.0);
  EXPECT_EQ(ws.events_by_cap(), 0);
  EXPECT_FALSE(ws.event_time(1).has_value());
}

}  // namespace
}  // namespace gsd::simulate::detail::event_times_index_test
