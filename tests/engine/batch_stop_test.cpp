// Stopping a batch (BatchOptions::stop and ::poll), as Ctrl-C does in the R
// and Python packages and SIGINT in the command line: no line starts after
// the stop, a running simulation line stops after its chunk of replicates,
// the chunk that was running is never handed on, and run_batch says so by
// returning false. The poll runs on the calling thread only.
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gsd/batch.hpp"

namespace gsd::batch_stop_test {
namespace {

// n distinct designs (beta differs line by line).
std::string design_text(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    nlohmann::json c;
    c["design"]["beta"] = 0.05 + 0.4 * i / n;
    c["design"]["information_fractions"] = {0.5, 1.0};
    text += c.dump() + "\n";
  }
  return text;
}

// The seed trial with `replicates`: two billion take hours, so a test that
// runs such a line to its end does not finish (ctest's timeout fails it).
std::string seed_line(long long replicates) {
  nlohmann::json c = nlohmann::json::parse(R"({
    "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0]},
    "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36.0}, "patients": 202, "events": 94}})");
  c["simulation"]["replicates"] = replicates;
  return c.dump() + "\n";
}

constexpr long long kEndless = 2000000000;

TEST(BatchStop, AStopSetBeforehandRunsNoLine) {
  std::istringstream in(design_text(10));
  std::atomic<bool> stop{true};
  BatchOptions options;
  options.stop = &stop;
  int handed_on = 0;
  EXPECT_FALSE(run_batch(in, "grid.jsonl", Command::kDesign, options, [&](const BatchLine&) { ++handed_on; }));
  EXPECT_EQ(handed_on, 0);
}

TEST(BatchStop, AFlagNeverSetChangesNothing) {
  std::istringstream in(design_text(10));
  std::atomic<bool> stop{false};
  BatchOptions options;
  options.stop = &stop;
  int polls = 0;
  options.poll = [&] { ++polls; };
  std::vector<std::size_t> numbers;
  EXPECT_TRUE(run_batch(in, "grid.jsonl", Command::kDesign, options,
                        [&](const BatchLine& line) { numbers.push_back(line.number); }));
  ASSERT_EQ(numbers.size(), 10U);
  for (std::size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], i + 1);
  EXPECT_EQ(polls, 10);  // after each line, on the one thread
}

// One thread: chunks of kDesignBatchLinesPerThread lines, the poll after each
// line. A stop in the second chunk keeps the first chunk's lines, all handed
// on, and drops the whole second chunk.
TEST(BatchStop, TheChunkInProgressIsDroppedAndTheOnesBeforeKept) {
  const int chunk = static_cast<int>(kDesignBatchLinesPerThread);
  std::istringstream in(design_text(3 * chunk));
  std::atomic<bool> stop{false};
  BatchOptions options;
  options.stop = &stop;
  int polls = 0;
  options.poll = [&] {
    if (++polls == chunk + chunk / 2) stop.store(true);
  };
  std::vector<std::size_t> numbers;
  EXPECT_FALSE(run_batch(in, "grid.jsonl", Command::kDesign, options,
                         [&](const BatchLine& line) { numbers.push_back(line.number); }));
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(chunk));
  EXPECT_EQ(numbers.back(), static_cast<std::size_t>(chunk));
  EXPECT_EQ(polls, chunk + chunk / 2);  // no line ran after the stop
}

// A simulation line polls after its chunks of replicates: the first poll
// stops it, long before its two billion replicates.
TEST(BatchStop, ARunningSimulationLineStops) {
  std::istringstream in(seed_line(kEndless));
  std::atomic<bool> stop{false};
  BatchOptions options;
  options.stop = &stop;
  int polls = 0;
  options.poll = [&] {
    ++polls;
    stop.store(true);
  };
  int handed_on = 0;
  EXPECT_FALSE(run_batch(in, "seed.jsonl", Command::kSimulate, options, [&](const BatchLine&) { ++handed_on; }));
  EXPECT_EQ(handed_on, 0);
  EXPECT_GE(polls, 1);
}

// Two threads: the calling thread runs the short first line, a helper the
// long ones (or the calling thread, if it gets there first). Either way the
// poll runs on the calling thread only, every line stops, and nothing of the
// chunk is handed on.
TEST(BatchStop, TwoThreadsStopAndPollOnTheCallingThreadOnly) {
  std::istringstream in(seed_line(200) + seed_line(kEndless) + seed_line(kEndless));
  std::atomic<bool> stop{false};
  BatchOptions options;
  options.threads = 2;
  options.stop = &stop;
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> polls{0};
  std::atomic<int> elsewhere{0};
  options.poll = [&] {
    if (std::this_thread::get_id() != caller) ++elsewhere;
    // A few polls first, so that the helper has started its line.
    if (++polls == 5) stop.store(true);
  };
  int handed_on = 0;
  EXPECT_FALSE(run_batch(in, "seed.jsonl", Command::kSimulate, options, [&](const BatchLine&) { ++handed_on; }));
  EXPECT_EQ(handed_on, 0);
  EXPECT_EQ(polls.load(), 5);
  EXPECT_EQ(elsewhere.load(), 0);
}

}  // namespace
}  // namespace gsd::batch_stop_test
