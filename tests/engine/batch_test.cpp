// Batches: every line gives what run() gives for its config, in input order,
// the same for any number of threads; bad lines become the line's error and
// the others go on; the input is read in chunks, so batches longer than a
// chunk keep their order across chunk boundaries.
#include "gsd/batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "gsd/errors.hpp"
#include "gsd/load.hpp"

namespace gsd::batch_test {
namespace {

// Designs that differ line by line (beta and the number of looks), so a
// result out of place cannot go unnoticed.
std::vector<std::string> design_lines(int n) {
  std::vector<std::string> lines;
  for (int i = 0; i < n; ++i) {
    nlohmann::json c;
    c["design"]["beta"] = 0.05 + 0.4 * i / n;  // distinct, inside (0, 0.5)
    std::vector<double> t;
    const int k = 2 + i % 4;
    for (int j = 1; j <= k; ++j) t.push_back(static_cast<double>(j) / k);
    c["design"]["information_fractions"] = t;
    lines.push_back(c.dump());
  }
  return lines;
}

// The seed trial at several hazard ratios.
std::vector<std::string> simulate_lines() {
  std::vector<std::string> lines;
  for (const double hr : {0.63, 0.8, 1.0, 0.5, 0.7}) {
    nlohmann::json c = nlohmann::json::parse(R"({
      "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0]},
      "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0},
                   "treatment": {"cure_fraction": 0.562},
                   "accrual": {"duration": 36.0}, "patients": 202, "events": 94},
      "simulation": {"replicates": 400, "seed": 7}})");
    c["survival"]["hazard_ratio_noncured"] = hr;
    lines.push_back(c.dump());
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  return text;
}

struct Outcome {
  std::size_t number;
  std::string text;  // the result's JSON, or "error: " and the error's message
};

std::vector<Outcome> run_text(const std::string& text, Command command, int threads,
                              const SimulationRequest& request = {}) {
  std::istringstream in(text);
  BatchOptions options;
  options.threads = threads;
  options.request = request;
  std::vector<Outcome> out;
  run_batch(in, "grid.jsonl", command, options, [&](const BatchLine& line) {
    if (!line.error) {
      out.push_back({line.number, line.result.dump()});
      return;
    }
    try {
      std::rethrow_exception(line.error);
    } catch (const InvalidInput& e) {
      out.push_back({line.number, "error: " + e.message(PathStyle::kJson)});
    }
  });
  return out;
}

// Each outcome is its line run alone as a design, in input order.
void expect_each_design_alone(const std::vector<std::string>& lines,
                              const std::vector<Outcome>& outcomes) {
  ASSERT_EQ(outcomes.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(outcomes[i].number, i + 1);
    EXPECT_EQ(outcomes[i].text, run(nlohmann::json::parse(lines[i]), Command::kDesign).dump())
        << "line " << i + 1;
  }
}

TEST(Batch, DesignLinesEqualRunInInputOrderForAnyThreads) {
  // 3 * kDesignBatchLinesPerThread + 5 lines: several chunks on 1 and 2
  // threads, the last one partial.
  const std::vector<std::string> lines = design_lines(3 * kDesignBatchLinesPerThread + 5);
  const std::vector<Outcome> one = run_text(joined(lines), Command::kDesign, 1);
  expect_each_design_alone(lines, one);
  for (const int threads : {2, 3}) {
    const std::vector<Outcome> many = run_text(joined(lines), Command::kDesign, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].number, one[i].number);
      EXPECT_EQ(many[i].text, one[i].text) << threads << " threads, line " << i + 1;
    }
  }
}

TEST(Batch, ReversedInputGivesReversedOutput) {
  std::vector<std::string> lines = design_lines(19);
  const std::vector<Outcome> forward = run_text(joined(lines), Command::kDesign, 3);
  std::reverse(lines.begin(), lines.end());
  const std::vector<Outcome> backward = run_text(joined(lines), Command::kDesign, 3);
  ASSERT_EQ(forward.size(), backward.size());
  for (std::size_t i = 0; i < forward.size(); ++i) {
    EXPECT_EQ(forward[i].text, backward[forward.size() - 1 - i].text) << "line " << i + 1;
  }
}

TEST(Batch, SimulationLinesEqualRunForAnyThreads) {
  const std::vector<std::string> lines = simulate_lines();
  SimulationRequest request;
  request.replicates = 300;  // the request applies to every line
  const std::vector<Outcome> one = run_text(joined(lines), Command::kSimulate, 1, request);
  ASSERT_EQ(one.size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(one[i].text, run(nlohmann::json::parse(lines[i]), Command::kSimulate, request).dump())
        << "line " << i + 1;
  }
  for (const int threads : {2, 3}) {
    const std::vector<Outcome> many = run_text(joined(lines), Command::kSimulate, threads, request);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].text, one[i].text) << threads << " threads, line " << i + 1;
    }
  }
}

TEST(Batch, BadLinesBecomeTheirErrorAndTheRestGoOn) {
  std::vector<std::string> lines = design_lines(3);
  lines.insert(lines.begin() + 1, R"({"design": {"alpha": 0.7}})");
  lines.insert(lines.begin() + 2, "{not json");
  lines.push_back(std::string(kMaxBatchLineBytes + 10, ' '));
  lines.push_back(design_lines(1)[0]);
  const std::vector<Outcome> out = run_text(joined(lines), Command::kDesign, 2);
  ASSERT_EQ(out.size(), 7U);
  EXPECT_EQ(out[1].text,
            "error: design.alpha = 0.7 must lie in (0, 0.5); give the type I error from 1e-06 up to "
            "below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both "
            "sides)");
  // The line is named once, then the column in it.
  EXPECT_EQ(out[2].text.rfind("error: grid.jsonl line 3, column 3: malformed JSON: ", 0), 0U) << out[2].text;
  EXPECT_EQ(out[5].text,
            "error: grid.jsonl line 6: the line is longer than 1 MiB, the limit for one config");
  EXPECT_EQ(out[6].text, run(nlohmann::json::parse(lines[6]), Command::kDesign).dump());
  for (const std::size_t good : {0U, 3U, 4U, 6U}) {
    EXPECT_NE(out[good].text.rfind("error: ", 0), 0U) << out[good].text;
  }
}

// Where a syntax error is, by what was parsed: a batch line's source names
// its line, so the error gives the column; a file's gives line and column,
// whatever the file is called.
TEST(Batch, ParseErrorsPlaceABatchLineByColumnAndAFileByLine) {
  const auto error_of = [](const std::string& text, const std::string& source, JsonText kind) {
    try {
      (void)parse_json(text, source, kind);
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("{x", "b.jsonl line 4", JsonText::kBatchLine).rfind("b.jsonl line 4, column 2: malformed JSON", 0), 0U);
  EXPECT_EQ(error_of("{\n x", "cfg line 4", JsonText::kFile).rfind("cfg line 4:2:2: malformed JSON", 0), 0U);
  EXPECT_EQ(error_of("  ", "b.jsonl line 4", JsonText::kBatchLine),
            "b.jsonl line 4: an empty line; give one JSON config per line");
  // A number beyond the double range is placed too, at the last character
  // of its token (where the parser stopped, as for a syntax error).
  EXPECT_EQ(error_of("{\"design\":\n  {\"alpha\": 1e999}}", "c.json", JsonText::kFile),
            "c.json:2:17: malformed JSON: number overflow parsing '1e999' (numbers must be finite)");
  EXPECT_EQ(error_of("{\"a\": -1e400}", "b.jsonl line 2", JsonText::kBatchLine),
            "b.jsonl line 2, column 12: malformed JSON: number overflow parsing '-1e400' (numbers must be finite)");
}

// BatchOptions::text: each line's text is its result's dump, made on the
// worker threads, the result itself is left null, and a bad line has its
// error and no text; the same for any number of threads.
TEST(Batch, TextLinesAreTheResultsDumpForAnyThreads) {
  std::vector<std::string> lines = design_lines(2 * kDesignBatchLinesPerThread + 3);
  lines.insert(lines.begin() + 4, R"({"design": {"alpha": 0.7}})");
  const std::vector<Outcome> tree = run_text(joined(lines), Command::kDesign, 1);
  for (const int threads : {1, 2, 3}) {
    std::istringstream in(joined(lines));
    BatchOptions options;
    options.threads = threads;
    options.text = true;
    std::size_t seen = 0;
    run_batch(in, "grid.jsonl", Command::kDesign, options, [&](const BatchLine& line) {
      ASSERT_LT(seen, tree.size());
      const Outcome& expected = tree[seen++];
      EXPECT_EQ(line.number, expected.number);
      EXPECT_TRUE(line.result.is_null()) << "line " << line.number;
      if (line.error) {
        EXPECT_TRUE(line.text.empty()) << "line " << line.number;
        EXPECT_EQ(expected.text.rfind("error: ", 0), 0U) << "line " << line.number;
      } else {
        EXPECT_EQ(line.text, expected.text) << threads << " threads, line " << line.number;
      }
    });
    EXPECT_EQ(seen, tree.size()) << threads << " threads";
  }
}

// Lines of nearly kMaxBatchLineBytes (a design padded with spaces, which JSON
// allows): a chunk ends by its bytes (kBatchBytesPerThread) long before its
// line count, and the results still come in input order.
TEST(Batch, ChunksOfLongLinesEndByTheirBytes) {
  const std::size_t per_chunk = kBatchBytesPerThread / (kMaxBatchLineBytes - 16) + 1;
  ASSERT_LT(per_chunk, kDesignBatchLinesPerThread);  // the byte bound is the one that acts
  std::vector<std::string> lines = design_lines(static_cast<int>(per_chunk) + 3);
  for (std::string& line : lines) line.append(kMaxBatchLineBytes - 16 - line.size(), ' ');
  const std::vector<Outcome> one = run_text(joined(lines), Command::kDesign, 1);
  expect_each_design_alone(lines, one);
  // When the first result is handed on, the first chunk has been read and no
  // more: kBatchBytesPerThread and the line that crossed it.
  const std::string text = joined(lines);
  std::istringstream in(text);
  std::streamoff read_at_first = -1;
  run_batch(in, "long.jsonl", Command::kDesign, BatchOptions{}, [&](const BatchLine& line) {
    if (line.number == 1) read_at_first = in.tellg();
  });
  EXPECT_GT(read_at_first, 0);
  EXPECT_LE(static_cast<std::size_t>(read_at_first), kBatchBytesPerThread + kMaxBatchLineBytes);
  EXPECT_LT(static_cast<std::size_t>(read_at_first), text.size());
}

TEST(Batch, LastLineWithoutNewlineAndEmptyInput) {
  const std::vector<std::string> lines = design_lines(2);
  EXPECT_EQ(run_text(lines[0] + "\n" + lines[1], Command::kDesign, 2).size(), 2U);
  EXPECT_TRUE(run_text("", Command::kDesign, 2).empty());
}

// The batches' helper threads are kept from one batch to the next and lent
// to one batch at a time; a batch that asks for fewer threads engages fewer
// of them, one that asks for more starts more.
TEST(Batch, KeptHelpersServeBatchAfterBatch) {
  const std::vector<std::string> lines = design_lines(40);
  const std::vector<Outcome> one = run_text(joined(lines), Command::kDesign, 1);
  expect_each_design_alone(lines, one);
  for (const int threads : {3, 2, 4, 1, 2, 3}) {
    const std::vector<Outcome> many = run_text(joined(lines), Command::kDesign, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].text, one[i].text) << threads << " threads, line " << i + 1;
    }
  }
}

#if defined(__linux__)
// The thread ids of this process.
std::vector<std::string> threads_of_this_process() {
  std::vector<std::string> ids;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    ids.push_back(task.path().filename().string());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The threads of the process while a batch of `text` on `threads` threads
// hands back its first line (the batch's helpers are then alive).
std::vector<std::string> threads_during_batch(const std::string& text, int threads) {
  std::istringstream in(text);
  BatchOptions options;
  options.threads = threads;
  std::vector<std::string> during;
  run_batch(in, "grid.jsonl", Command::kDesign, options, [&](const BatchLine& line) {
    if (line.number == 1) during = threads_of_this_process();
  });
  return during;
}

TEST(Batch, HelpersAreNotStartedAgainForEachBatch) {
  const std::string text = joined(design_lines(12));
  const std::vector<std::string> first = threads_during_batch(text, 4);
  EXPECT_GE(first.size(), 4U);  // this thread and (at least) three helpers
  for (int batch = 0; batch < 4; ++batch) {
    // The same threads, by id; batches on fewer threads engage fewer of them.
    EXPECT_EQ(threads_during_batch(text, batch % 2 == 0 ? 4 : 2), first) << "batch " << batch;
  }
}

// CPU time (ns) of each thread of this process but the calling one, by id,
// from the scheduler's /proc/self/task/<id>/schedstat (its first field).
std::map<std::string, long long> cpu_of_other_threads() {
  const std::string self = std::to_string(gettid());
  std::map<std::string, long long> cpu;
  for (const std::string& id : threads_of_this_process()) {
    if (id == self) continue;
    std::ifstream in("/proc/self/task/" + id + "/schedstat");
    long long ns = 0;
    if (in >> ns) cpu[id] = ns;
  }
  return cpu;
}

// Helpers that a batch does not engage (the pool has more than it asks for)
// sleep until a batch engages them: they neither poll nor wake at every
// chunk. Over a hundred 2-thread batches after a 4-thread one, one helper
// works and two are left out; polling gave each of those 0.2 ms per batch,
// about half of what the working helper spends, and a wake-up at every chunk
// still a tenth of it or more; sleeping, they spend microseconds in all.
TEST(Batch, HelpersLeftOutOfABatchDoNotPoll) {
  const std::string text = joined(design_lines(12));
  threads_during_batch(text, 4);
  const std::map<std::string, long long> before = cpu_of_other_threads();
  for (int batch = 0; batch < 100; ++batch) threads_during_batch(text, 2);
  const std::map<std::string, long long> after = cpu_of_other_threads();
  std::vector<long long> spent;
  for (const auto& [id, ns] : after) {
    const auto it = before.find(id);
    if (it != before.end()) spent.push_back(ns - it->second);
  }
  ASSERT_GE(spent.size(), 3U);  // the three helpers
  std::sort(spent.rbegin(), spent.rend());
  // The working helper first; every other thread spent far less.
  EXPECT_GT(spent[0], 0);
  EXPECT_LT(spent[1], spent[0] / 8) << "working helper " << spent[0] << " ns, next " << spent[1]
                                    << " ns";
}
#endif

// Batches run at once from several threads: one has the kept helpers, the
// others start their own, and each gives what it gives alone.
TEST(Batch, BatchesFromSeveralThreadsAtOnce) {
  const std::vector<std::string> lines = design_lines(30);
  const std::vector<Outcome> one = run_text(joined(lines), Command::kDesign, 1);
  std::vector<std::vector<Outcome>> results(3);
  std::vector<std::thread> callers;
  for (std::size_t c = 0; c < results.size(); ++c) {
    callers.emplace_back([&, c] {
      for (int round = 0; round < 3; ++round) {
        results[c] = run_text(joined(lines), Command::kDesign, 2 + static_cast<int>(c));
      }
    });
  }
  for (std::thread& t : callers) t.join();
  for (std::size_t c = 0; c < results.size(); ++c) {
    ASSERT_EQ(results[c].size(), one.size()) << "caller " << c;
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(results[c][i].text, one[i].text) << "caller " << c << ", line " << i + 1;
    }
  }
}

#if defined(__linux__)
#if defined(__SANITIZE_THREAD__)
#define GSD_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GSD_UNDER_TSAN 1
#endif
#endif

// A child made by fork has none of the parent's kept helpers; its batches
// start their own and give the same results (R's parallel package forks).
TEST(Batch, ForkedChildRunsBatchesWithoutTheParentsHelpers) {
#if defined(GSD_UNDER_TSAN)
  GTEST_SKIP() << "ThreadSanitizer does not support threads started after a multi-threaded fork";
#else
  const std::vector<std::string> lines = design_lines(16);
  const std::vector<Outcome> one = run_text(joined(lines), Command::kDesign, 1);
  run_text(joined(lines), Command::kDesign, 3);  // the parent keeps helpers
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    alarm(60);  // a child that hangs fails the test instead of stalling it
    bool same = true;
    for (const int threads : {2, 3}) {
      const std::vector<Outcome> many = run_text(joined(lines), Command::kDesign, threads);
      same = same && many.size() == one.size();
      for (std::size_t i = 0; same && i < one.size(); ++i) same = many[i].text == one[i].text;
    }
    // The child's own two helpers run beside it, and the process ends with
    // its static objects destroyed (the kept pool among them).
    const bool helpers = threads_of_this_process().size() == 3;
    std::exit(!same ? 1 : !helpers ? 2 : 0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0)
      << "1: the child's batches differ from the parent's; 2: the child ran without helpers";
  // The parent's helpers still serve it.
  const std::vector<Outcome> again = run_text(joined(lines), Command::kDesign, 3);
  ASSERT_EQ(again.size(), one.size());
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_EQ(again[i].text, one[i].text);
#endif
}
#endif

TEST(Batch, RefusesBadThreadsAndMonitor) {
  std::istringstream in("{}\n");
  BatchOptions options;
  options.threads = 0;
  const auto sink = [](const BatchLine&) {};
  EXPECT_THROW(run_batch(in, "x", Command::kDesign, options, sink), InvalidInput);
  options.threads = 1;
  EXPECT_THROW(run_batch(in, "x", Command::kMonitor, options, sink), InvalidInput);
}

TEST(Batch, AFileThatIsADirectoryOrMissingIsRefusedByItsArgument) {
  const auto sink = [](const BatchLine&) { ADD_FAILURE() << "no line may run"; };
  const std::string directory = ::testing::TempDir();
  for (const std::string& path : {directory, directory + "/no-such-batch.jsonl"}) {
    try {
      run_batch_file(path, FieldPath{"batch"}, Command::kDesign, {}, sink);
      ADD_FAILURE() << path << " was read";
    } catch (const InvalidInput& e) {
      EXPECT_EQ(to_string(e.path()), "batch");
      EXPECT_EQ(e.value(), path);
      EXPECT_NE(std::string(e.what()).find(path == directory ? "is a directory" : "cannot be read"),
                std::string::npos) << e.what();
    }
  }
  // A readable file runs as run_batch runs its text.
  const std::string file = directory + "/gsd-batch-file-test.jsonl";
  std::ofstream(file) << joined(design_lines(3));
  std::vector<std::string> texts;
  BatchOptions options;
  options.text = true;
  run_batch_file(file, FieldPath{"batch"}, Command::kDesign, options,
                 [&](const BatchLine& line) { texts.push_back(line.text); });
  std::filesystem::remove(file);
  const std::vector<Outcome> expected = run_text(joined(design_lines(3)), Command::kDesign, 1);
  ASSERT_EQ(texts.size(), expected.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(texts[i], expected[i].text);
}

}  // namespace
}  // namespace gsd::batch_test
