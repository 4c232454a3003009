// simulation.weighted_bounds = "observed": each simulated look of a weighted
// log-rank test is judged against the bounds a monitoring committee would
// set at the variance it observed. The reference is gsd monitor itself, run
// from the config's side (its own V_plan, its own scaling of the variances):
// the replicates' looks, entered as monitoring.looks with their events, z
// and variance, must get the same bounds and decisions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/simulation.hpp"

namespace gsd::weighted_observed_bounds_test {
namespace {

using nlohmann::json;
using simulate::LookRecord;

// The seed trial with FH(0, 1) as its test; `observed` sets weighted_bounds.
json fh01_trial(bool observed) {
  json c = read_json_file(std::string(GSD_SOURCE_DIR) + "/configs/blinatumomab-20120215.json");
  c["survival"]["test"] = {{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1}};
  if (observed) c["simulation"] = {{"weighted_bounds", "observed"}};
  return c;
}

std::vector<std::vector<LookRecord>> replicate_looks(const json& config, std::int64_t replicates,
                                                     std::uint64_t seed) {
  SimulationRequest request;
  request.replicates = replicates;
  request.seed = seed;
  request.threads = 1;
  const SimulationSetup setup = prepare_simulation(load_trial(config), request);
  const simulate::Simulator simulator = make_simulator(setup);
  std::vector<std::vector<LookRecord>> out(static_cast<std::size_t>(replicates));
  simulate::RunControl control;
  control.replicate_sink = [&](std::int64_t i, std::span<const LookRecord> looks) {
    out[static_cast<std::size_t>(i)].assign(looks.begin(), looks.end());
  };
  run_simulation(setup, simulator, control);
  return out;
}

TEST(WeightedObservedBounds, EachLookGetsTheMonitorsBoundAtItsVariance) {
  const json config = fh01_trial(true);
  const std::vector<std::vector<LookRecord>> replicates = replicate_looks(config, 40, 17);
  int compared = 0;
  for (std::size_t i = 0; i < replicates.size(); ++i) {
    SCOPED_TRACE("replicate " + std::to_string(i));
    const std::vector<LookRecord>& looks = replicates[i];
    ASSERT_FALSE(looks.empty());
    json monitored = config;
    monitored["monitoring"] = {{"planned_events", 94}, {"looks", json::array()}};
    for (const LookRecord& look : looks) {
      ASSERT_TRUE(look.variance.has_value());
      json entry = {{"events", look.events}, {"z", look.z}, {"variance", *look.variance}};
      // The simulator's last look (the third, or the calendar cap's) is
      // the final analysis.
      if (look.look == 2 || look.capped) entry["final"] = true;
      monitored["monitoring"]["looks"].push_back(entry);
    }
    const std::vector<LookOutcome> outcomes = look_outcomes(monitor_trial(load_trial(monitored)));
    ASSERT_EQ(outcomes.size(), looks.size());
    for (std::size_t k = 0; k < looks.size(); ++k) {
      // The bounds are the same computation on the same inputs: they agree
      // to the rounding of the variance's scaling, far below the bound
      // search's 1e-9.
      EXPECT_NEAR(looks[k].efficacy_z, outcomes[k].efficacy_z, 1e-9) << "look " << k + 1;
      // A final analysis that does not reject is the simulator's
      // kFinalNoRejection and the monitor's kStopFutility (decision.hpp).
      const spending::Decision simulated = looks[k].decision == spending::Decision::kFinalNoRejection
                                               ? spending::Decision::kStopFutility
                                               : looks[k].decision;
      EXPECT_EQ(simulated, outcomes[k].decision) << "look " << k + 1;
      ++compared;
    }
  }
  EXPECT_GT(compared, 80);  // most of the 40 trials take two or three looks
}

// With the bounds planned, the same looks have the planned bounds whatever
// variance they observe, and the records still carry the variance.
TEST(WeightedObservedBounds, PlannedBoundsStayThePlans) {
  const json config = fh01_trial(false);
  const SimulationSetup setup = prepare_simulation(load_trial(config));
  const std::vector<std::vector<LookRecord>> replicates = replicate_looks(config, 10, 17);
  for (const auto& looks : replicates) {
    for (const LookRecord& look : looks) {
      ASSERT_TRUE(look.variance.has_value());
      if (!look.capped) {
        EXPECT_EQ(look.efficacy_z, setup.design.efficacy[static_cast<std::size_t>(look.look)]);
      }
    }
  }
}

// The option changes only the bounds: the same replicates, the same z.
TEST(WeightedObservedBounds, SameReplicatesSameStatistics) {
  const auto planned = replicate_looks(fh01_trial(false), 20, 5);
  const auto observed = replicate_looks(fh01_trial(true), 20, 5);
  for (std::size_t i = 0; i < planned.size(); ++i) {
    const std::size_t n = std::min(planned[i].size(), observed[i].size());
    ASSERT_GT(n, 0u);
    for (std::size_t k = 0; k < n; ++k) {
      EXPECT_EQ(planned[i][k].z, observed[i][k].z);
      EXPECT_EQ(planned[i][k].variance, observed[i][k].variance);
    }
  }
}

TEST(WeightedObservedBounds, RefusesAnotherChoice) {
  json c = fh01_trial(false);
  c["simulation"] = {{"weighted_bounds", "expected"}};
  try {
    (void)load_trial(c);
    ADD_FAILURE() << "weighted_bounds = \"expected\" was accepted";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("simulation.weighted_bounds"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gsd::weighted_observed_bounds_test
