// The analyses held, by look (SimulationResult::held_per_look and the means
// beside it): what fraction of the trials held each look, and the mean
// events, patients, calendar time and efficacy bound there. Checked three
// ways: against the replicates' own look records (the replicate data), by
// bookkeeping that must hold exactly (every trial holds its first look; a
// look is held by those the one before did not stop), and against closed
// forms of the model (the patients enrolled by a calendar time, the events
// the model expects by then).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "gsd/load.hpp"
#include "gsd/simulation.hpp"
#include "monte_carlo_bounds.hpp"

namespace gsd::held_looks_test {
namespace {

using nlohmann::json;
using simulate::LookRecord;

constexpr std::int64_t kReplicates = 3000;
// Fixed-point sums (kDurationScale, kBoundScale: 2^-32 per trial) against
// plain double means of the same values: far below 1e-9 for times < 1e3.
constexpr double kFixedPoint = 1e-9;

struct HeldRun {
  SimulationSetup setup;
  simulate::SimulationResult result;
  std::vector<std::vector<LookRecord>> looks;  // per replicate
};

HeldRun run(const json& config, std::uint64_t seed) {
  SimulationRequest request;
  request.replicates = kReplicates;
  request.seed = seed;
  request.threads = 2;
  HeldRun out;
  out.setup = prepare_simulation(load_trial(config), request);
  const simulate::Simulator simulator = make_simulator(out.setup);
  out.looks.resize(static_cast<std::size_t>(kReplicates));
  simulate::RunControl control;
  control.replicate_sink = [&](std::int64_t i, std::span<const LookRecord> looks) {
    out.looks[static_cast<std::size_t>(i)].assign(looks.begin(), looks.end());
  };
  out.result = run_simulation(out.setup, simulator, control).result;
  return out;
}

json config_file(const std::string& relative) {
  return read_json_file(std::string(GSD_SOURCE_DIR) + "/" + relative);
}

// Mean and standard error of one field over the records of look k.
struct Sample {
  std::int64_t n = 0;
  double mean = 0.0;
  double se = 0.0;
};

template <class Field>
Sample sample(const HeldRun& r, std::size_t k, Field field) {
  Sample s;
  double sum = 0.0;
  double squares = 0.0;
  for (const std::vector<LookRecord>& looks : r.looks) {
    for (const LookRecord& l : looks) {
      if (static_cast<std::size_t>(l.look) != k) continue;
      const double x = field(l);
      ++s.n;
      sum += x;
      squares += x * x;
    }
  }
  if (s.n == 0) return s;
  const double n = static_cast<double>(s.n);
  s.mean = sum / n;
  s.se = n > 1 ? std::sqrt(std::max(0.0, (squares - sum * sum / n) / (n - 1.0)) / n) : 0.0;
  return s;
}

// Every per-look mean is the mean of the replicate data's rows of that look.
void expect_means_of_the_records(const HeldRun& r) {
  const simulate::SimulationResult& res = r.result;
  ASSERT_EQ(res.held_per_look.size(), r.setup.plan.look_events.size());
  for (std::size_t k = 0; k < res.held_per_look.size(); ++k) {
    SCOPED_TRACE("look " + std::to_string(k + 1));
    const Sample events = sample(r, k, [](const LookRecord& l) { return double(l.events); });
    EXPECT_EQ(res.held_per_look[k], static_cast<double>(events.n) / static_cast<double>(kReplicates));
    if (events.n == 0) {
      EXPECT_FALSE(res.mean_events_per_look[k].has_value());
      EXPECT_FALSE(res.mean_time_per_look[k].has_value());
      continue;
    }
    EXPECT_NEAR(*res.mean_events_per_look[k], events.mean, 1e-12 * events.mean);
    const Sample patients = sample(r, k, [](const LookRecord& l) { return double(l.patients); });
    EXPECT_NEAR(*res.mean_patients_per_look[k], patients.mean, 1e-12 * patients.mean);
    const Sample time = sample(r, k, [](const LookRecord& l) { return l.calendar_time; });
    EXPECT_NEAR(*res.mean_time_per_look[k], time.mean, kFixedPoint);
    const Sample bound = sample(r, k, [](const LookRecord& l) { return l.efficacy_z; });
    ASSERT_TRUE(res.mean_efficacy_z_per_look[k].has_value());
    EXPECT_NEAR(*res.mean_efficacy_z_per_look[k], bound.mean, kFixedPoint);
  }
}

TEST(HeldLooks, SeedTrialLooksByEvents) {
  const HeldRun r = run(config_file("configs/blinatumomab-20120215.json"), 11);
  expect_means_of_the_records(r);
  const simulate::SimulationResult& res = r.result;
  EXPECT_EQ(res.held_per_look[0], 1.0);
  // Before the final look nothing ends a trial but a stop at a bound (the
  // calendar cap is far beyond look 2), so the next look is held by the rest.
  for (std::size_t k = 0; k + 1 < res.held_per_look.size(); ++k) {
    const double stopped = res.reject_per_look[k] + res.reject_lower_per_look[k] + res.futility_per_look[k];
    EXPECT_NEAR(res.held_per_look[k + 1], res.held_per_look[k] - stopped, 1e-12) << "look " << k + 1;
  }
  // Looks 1 and 2 are held at their planned events against their planned
  // bounds; the final look's events fall short of 94 only at the cap.
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(*res.mean_events_per_look[k], r.setup.plan.look_events[k]);
    EXPECT_NEAR(*res.mean_efficacy_z_per_look[k], r.setup.design.efficacy[k], kFixedPoint);
  }
  EXPECT_LT(*res.mean_events_per_look[2], 94.0);
  EXPECT_GT(*res.mean_events_per_look[2], 94.0 - 94.0 * res.capped_fraction / res.held_per_look[2]);
  // Looks come later and see more patients, one after the other.
  EXPECT_LT(*res.mean_time_per_look[0], *res.mean_time_per_look[1]);
  EXPECT_LT(*res.mean_patients_per_look[0], *res.mean_patients_per_look[1]);
}

TEST(HeldLooks, ALookByCalendarTimeHasTheModelsPatientsAndEvents) {
  // A first look at month 24 with 204 patients accrued uniformly over 36
  // months: every trial holds it at month 24, the patients enrolled by then
  // are Binomial(204, 24/36) (mean 136), and the events are those the model
  // expects by month 24 (the design's expected events there, an exact
  // integral of the model, not an approximation).
  const HeldRun r = run(config_file("examples/calendar/integer-calendar-looks.json"), 5);
  expect_means_of_the_records(r);
  const simulate::SimulationResult& res = r.result;
  EXPECT_EQ(res.held_per_look[0], 1.0);
  EXPECT_NEAR(*res.mean_time_per_look[0], 24.0, kFixedPoint);
  const Sample patients = sample(r, 0, [](const LookRecord& l) { return double(l.patients); });
  EXPECT_NEAR(*res.mean_patients_per_look[0], 204.0 * 24.0 / 36.0,
              testing::kPowerCheckStandardErrors * patients.se);
  const Sample events = sample(r, 0, [](const LookRecord& l) { return double(l.events); });
  EXPECT_NEAR(*res.mean_events_per_look[0], r.setup.sample_size.plan.looks[0].expected_events,
              testing::kPowerCheckStandardErrors * events.se);
  // Its bound is recomputed at the events observed: not the planned one.
  EXPECT_GT(std::fabs(*res.mean_efficacy_z_per_look[0] - r.setup.design.efficacy[0]), 1e-3);
}

TEST(HeldLooks, AWeightedTestsBoundsAtTheObservedVariance) {
  json c = config_file("configs/blinatumomab-20120215.json");
  c["survival"]["test"] = {{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1}};
  c["simulation"] = {{"weighted_bounds", "observed"}};
  const HeldRun r = run(c, 3);
  expect_means_of_the_records(r);
}

TEST(HeldLooks, ASideTestsMeanBoundsAreItsOwn) {
  // FH(0, 1) at the observed variance as the trial's test and again as a
  // side test: with no futility bound both hold the same analyses and meet
  // the same bounds, so the side test's means are the trial's, bit for bit.
  // The log-rank test beside them keeps its planned bounds: exactly the
  // design's at looks 1 and 2 (the cap never comes that early).
  json c = config_file("configs/blinatumomab-20120215.json");
  const json fh01 = {{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1}};
  c["survival"]["test"] = fh01;
  c["simulation"] = {{"weighted_bounds", "observed"}, {"tests", json::array({fh01, {{"type", "log-rank"}}})}};
  const HeldRun r = run(c, 4);
  const simulate::SimulationResult& res = r.result;
  ASSERT_EQ(res.tests.size(), 2u);
  ASSERT_EQ(res.tests[0].mean_efficacy_z_per_look.size(), res.mean_efficacy_z_per_look.size());
  for (std::size_t k = 0; k < res.mean_efficacy_z_per_look.size(); ++k) {
    EXPECT_EQ(res.tests[0].mean_efficacy_z_per_look[k], res.mean_efficacy_z_per_look[k]) << "look " << k + 1;
  }
  for (std::size_t k = 0; k < 2; ++k) {
    ASSERT_TRUE(res.tests[1].mean_efficacy_z_per_look[k].has_value());
    EXPECT_NEAR(*res.tests[1].mean_efficacy_z_per_look[k], r.setup.tests.side[1].design.efficacy[k], kFixedPoint);
  }
  // Recomputed, the FH(0, 1) bounds are not the planned ones.
  EXPECT_GT(std::fabs(*res.tests[0].mean_efficacy_z_per_look[0] - r.setup.tests.side[0].design.efficacy[0]), 1e-3);
}

TEST(HeldLooks, TheSameForAnyThreadCount) {
  const json c = config_file("examples/calendar/integer-calendar-looks.json");
  SimulationRequest request;
  request.replicates = 2000;
  request.seed = 8;
  std::vector<std::uint64_t> first;
  for (int threads : {1, 2, 3}) {
    request.threads = threads;
    const SimulationSetup setup = prepare_simulation(load_trial(c), request);
    const simulate::SimulationTotals t = run_simulation(setup, make_simulator(setup)).result.totals;
    if (first.empty()) first = t.serialize();
    EXPECT_EQ(t.serialize(), first) << threads << " threads";
  }
}

}  // namespace
}  // namespace gsd::held_looks_test
