// survival.test: the weighted log-rank test a survival plan reports.
//   {"type": "log-rank"}
//   {"type": "fleming-harrington", "rho": 0, "gamma": 1}
//   {"type": "magirr-burman", "t_star": 12}
//   {"type": "maxcombo", "tests": [[0, 0], [0, 1], [1, 0], [1, 1]], "seed": 1}
//   {"type": "rmst", "tau": 24}
//   {"type": "milestone", "time": 24}
// with "spending_scale": "variance" (default: alpha spent at the test's own
// information fractions) or "events" (at the planned event fractions).
#include "loaders.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "gsd/numerics/multivariate_normal.hpp"
#include "gsd/survival/maxcombo_power.hpp"

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::detail {
namespace {

// MaxCombo's tests: a non-empty list of [rho, gamma] pairs.
std::vector<survival::LogRankWeight> load_combo_tests(const JsonNode& tests) {
  tests.expect_array();
  if (tests.size() == 0) tests.fail("must list at least one [rho, gamma] pair");
  std::vector<survival::LogRankWeight> out;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    const JsonNode pair = tests.element(i);
    pair.expect_array();
    if (pair.size() != 2) pair.fail("must be a [rho, gamma] pair");
    survival::LogRankWeight w;
    w.rho = pair.element(0).number();
    w.gamma = pair.element(1).number();
    numerics::within(pair.path(), [&] { w.validate(); });
    out.push_back(w);
  }
  return out;
}

// The time of an RMST or milestone test: finite and positive (whether the
// looks follow patients that long is checked against the plan, km_contrast.hpp).
double load_horizon(const JsonNode& test, std::string_view key, const std::string& what) {
  if (!test.has(key)) test.fail_missing(key, what);
  const JsonNode node = test.at(key);
  const double value = node.number();
  if (!(value > 0.0 && std::isfinite(value))) node.fail("must be positive");
  return value;
}

}  // namespace

survival::SurvivalTest load_survival_test(const JsonNode& test) {
  test.expect_object();
  test.expect_keys({"type", "rho", "gamma", "t_star", "spending_scale", "tests", "seed", "tau", "time"});
  if (!test.has("type")) {
    test.fail_missing("type", "one of log-rank, fleming-harrington, magirr-burman, maxcombo, rmst, milestone");
  }
  const std::string type = test.at("type").choice(
      {"log-rank", "fleming-harrington", "magirr-burman", "maxcombo", "rmst", "milestone"});
  survival::SurvivalTest out;
  const auto refuse_unless = [&](std::string_view key, bool allowed) {
    if (const auto node = test.find(key); node && !allowed) {
      node->fail("is not a parameter of the " + type + " test");
    }
  };
  refuse_unless("rho", type == "fleming-harrington");
  refuse_unless("gamma", type == "fleming-harrington");
  refuse_unless("t_star", type == "magirr-burman");
  refuse_unless("tests", type == "maxcombo");
  refuse_unless("seed", type == "maxcombo");
  refuse_unless("tau", type == "rmst");
  refuse_unless("time", type == "milestone");
  // MaxCombo spends at the design's own fractions (its event fractions).
  refuse_unless("spending_scale", type != "maxcombo");
  if (type == "fleming-harrington") {
    out.weight.rho = test.optional_number("rho").value_or(0.0);
    out.weight.gamma = test.optional_number("gamma").value_or(0.0);
  } else if (type == "magirr-burman") {
    if (!test.has("t_star")) test.fail_missing("t_star", "the time after which the weights stop growing");
    out.weight.family = survival::WeightFamily::kMagirrBurman;
    out.weight.t_star = test.at("t_star").number();
  } else if (type == "maxcombo") {
    out.kind = survival::TestKind::kMaxCombo;
    out.combo = test.has("tests") ? load_combo_tests(test.at("tests")) : survival::default_maxcombo_tests();
    out.seed = numerics::MvnOptions{}.seed;
    if (const auto seed = test.find("seed")) out.seed = seed->seed();
  } else if (type == "rmst") {
    out.kind = survival::TestKind::kRmst;
    out.horizon = load_horizon(test, "tau", "the end of the restricted mean survival time");
  } else if (type == "milestone") {
    out.kind = survival::TestKind::kMilestone;
    out.horizon = load_horizon(test, "time", "the time at which survival is compared");
  }
  numerics::within(test.path(), [&] { out.weight.validate(); });
  if (const auto scale = test.find("spending_scale")) {
    out.scale = scale->choice({"variance", "events"}) == "events" ? survival::SpendingScale::kEvents
                                                                 : survival::SpendingScale::kVariance;
  }
  return out;
}

void check_test_horizons(const Trial& trial) {
  if (!trial.survival) return;
  const auto check = [&](const survival::SurvivalTest& test, const numerics::FieldPath& at) {
    if (!test.is_km_contrast()) return;
    trial.survival->check_calendar_time(at.key(test.kind == survival::TestKind::kRmst ? "tau" : "time"),
                                        test.horizon);
  };
  if (trial.survival_test) check(*trial.survival_test, {"survival", "test"});
  if (!trial.simulation) return;
  for (std::size_t j = 0; j < trial.simulation->tests.size(); ++j) {
    check(trial.simulation->tests[j], numerics::FieldPath{"simulation", "tests", j});
  }
}

}  // namespace gsd::detail
