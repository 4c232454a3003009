// The one call every front end makes: run(config, command) returns the JSON
// that design_trial / monitor_trial give, and bad input carries its path.
#include "gsd/run.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/plot_data.hpp"
#include "gsd/version.hpp"

namespace gsd::run_test {
namespace {

// The seed plan (configs/blinatumomab-20120215.json, abridged).
nlohmann::json seed_config() {
  return nlohmann::json::parse(R"({
    "name": "seed",
    "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0]},
    "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36.0}, "patients": 202, "events": 94},
    "monitoring": {"looks": [{"events": 49, "z": 2.0}]}})");
}

TEST(Run, DesignEqualsTheWorkflowJson) {
  const nlohmann::json config = seed_config();
  const nlohmann::json out = run(config, Command::kDesign);
  EXPECT_EQ(out, to_json(design_trial(load_trial(config))));
  EXPECT_EQ(out.at("gsd_version"), kVersion);
  // The seed bounds (rpact 3.3.4, getDesignGroupSequential asOF): 1e-6 in z.
  EXPECT_NEAR(out["boundaries"]["looks"][0]["efficacy_z"].get<double>(), 2.962588, 1e-6);
  EXPECT_EQ(out["sample_size"]["events"], 94);
}

TEST(Run, MonitorAndCommandNames) {
  EXPECT_EQ(parse_command("monitor"), Command::kMonitor);
  const nlohmann::json out = run(seed_config(), parse_command("monitor"));
  EXPECT_EQ(out["monitoring"]["looks"][0]["decision"], "continue");
  // The committee's whole count comes back as typed (49, not 49.0), in the
  // look, its echoed input and the plot data; a count with a fraction (a
  // weighted analysis's effective events) keeps it.
  const nlohmann::json& look = out["monitoring"]["looks"][0];
  EXPECT_TRUE(look["events"].is_number_integer()) << look["events"].dump();
  EXPECT_TRUE(look["input"]["events"].is_number_integer());
  EXPECT_EQ(out["monitoring"]["looks"][0]["events"].dump(), "49");
  nlohmann::json fractional = seed_config();
  fractional["monitoring"]["looks"][0]["events"] = 49.5;
  EXPECT_EQ(run(fractional, Command::kMonitor)["monitoring"]["looks"][0]["events"].dump(), "49.5");
  const nlohmann::json plot = monitoring_plot_data(monitor_trial(load_trial(seed_config())));
  EXPECT_EQ(plot["observed"]["events"].dump(), "[49]");
  try {
    (void)parse_command("desgin");
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(to_string(e.path()), "command");
  }
}

// A plan sized from its power has no survival.events: its monitoring's
// planned events are the events the plan solves for (was: "planned_events
// is missing", which R's and Python's monitor() passed on for the usual
// plan). Given, monitoring.planned_events still wins.
// The paths of the zeros that keep a sign in a document ("monitoring.looks[0].z").
void signed_zeros(const nlohmann::json& value, const std::string& path, std::vector<std::string>& out) {
  if (value.is_number_float() && std::fpclassify(value.get<double>()) == FP_ZERO &&
      std::signbit(value.get<double>())) {
    out.push_back(path);
  } else if (value.is_object()) {
    for (const auto& [key, child] : value.items()) signed_zeros(child, path + "." + key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) signed_zeros(value[i], path + "[" + std::to_string(i) + "]", out);
  }
}

std::vector<std::string> signed_zeros(const nlohmann::json& document) {
  std::vector<std::string> out;
  signed_zeros(document, "", out);
  return out;
}

// A zero comes back without a sign, wherever IEEE arithmetic gave it one:
// the z of a hazard ratio of 1 (-log(1) sqrt(d) / 2) and of a two-sided p of
// 1, an effect fraction of a hazard-ratio futility bound at 1, a cure
// fraction typed as -0.0. The writer printed them "-0.0", and the reasons
// "z = -0.0000".
TEST(Run, ZerosComeBackWithoutASign) {
  nlohmann::json monitor = seed_config();
  monitor["monitoring"]["looks"] = nlohmann::json::array({{{"events", 60}, {"hazard_ratio", 1}}});
  nlohmann::json out = run(monitor, Command::kMonitor);
  EXPECT_EQ(out["monitoring"]["looks"][0]["z"].dump(), "0.0");
  EXPECT_NE(out["monitoring"]["looks"][0]["reason"].get<std::string>().find("z = 0.0000 is below"), std::string::npos)
      << out["monitoring"]["looks"][0]["reason"];
  EXPECT_EQ(signed_zeros(out), std::vector<std::string>{});
  // The plot data of the charts too.
  const nlohmann::json plot = monitoring_plot_data(monitor_trial(load_trial(monitor)));
  EXPECT_EQ(plot["observed"]["z"].dump(), "[0.0]");
  EXPECT_EQ(signed_zeros(plot), std::vector<std::string>{});
  monitor["monitoring"]["looks"] =
      nlohmann::json::array({{{"events", 60}, {"p_two_sided", 1}, {"direction", "favours-control"}}});
  out = run(monitor, Command::kMonitor);
  EXPECT_EQ(out["monitoring"]["looks"][0]["z"].dump(), "0.0");
  EXPECT_EQ(signed_zeros(out), std::vector<std::string>{});

  nlohmann::json design = seed_config();
  design.erase("monitoring");
  design["design"]["sided"] = 1;
  design["design"]["alpha"] = 0.025;
  design["design"]["futility"] = {{"hazard_ratio", {1.0, 0.9}}};
  design["survival"]["treatment"]["cure_fraction"] = 0.01;
  out = run(design, Command::kDesign);
  const auto futility = std::find_if(out["boundary_summary"].begin(), out["boundary_summary"].end(),
                                     [](const nlohmann::json& row) { return row["bound"] == "futility"; });
  ASSERT_NE(futility, out["boundary_summary"].end());
  EXPECT_EQ((*futility)["effect_fraction"].dump(), "0.0");
  EXPECT_EQ(signed_zeros(out), std::vector<std::string>{});

  const nlohmann::json typed = nlohmann::json::parse(
      seed_config().dump().replace(seed_config().dump().find("0.4"), 3, "-0.0"));
  ASSERT_TRUE(std::signbit(typed["survival"]["control"]["cure_fraction"].get<double>()));
  EXPECT_EQ(signed_zeros(run(typed, Command::kDesign)), std::vector<std::string>{});
}

TEST(Run, PlannedEventsDefaultToTheSolvedPlansEvents) {
  nlohmann::json config = seed_config();
  config["survival"].erase("events");
  config["survival"].erase("patients");
  config["survival"]["power"] = 0.84;
  config["survival"]["follow_up"] = 14.77;
  const long long solved = design_trial(load_trial(config)).sample_size->plan.events;
  EXPECT_GT(solved, 80);
  const MonitoringReport r = monitor_trial(load_trial(config));
  EXPECT_DOUBLE_EQ(r.plan.planned_events, static_cast<double>(solved));
  config["monitoring"]["planned_events"] = 100;
  EXPECT_DOUBLE_EQ(monitor_trial(load_trial(config)).plan.planned_events, 100.0);
  config["monitoring"].erase("planned_events");
  config.erase("survival");
  try {
    (void)monitor_trial(load_trial(config));
    FAIL() << "no events to monitor against";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(to_string(e.path()), "monitoring.planned_events");
  }
}

TEST(Run, BadInputCarriesThePathInEachStyle) {
  nlohmann::json config = seed_config();
  config["survival"]["control"]["cure_fraction"] = 1.5;
  try {
    (void)run(config, Command::kDesign);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.message(PathStyle::kJson), "survival.control.cure_fraction = 1.5 must lie in [0, 1)");
    EXPECT_EQ(to_string(e.path(), PathStyle::kR), "survival$control$cure_fraction");
    EXPECT_EQ(to_string(e.path(), PathStyle::kPython), "survival[\"control\"][\"cure_fraction\"]");
  }
  config = seed_config();
  config["design"]["information_fractions"] = {0.5, 0.4, 1.0};
  try {
    (void)run(config, Command::kDesign);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(to_string(e.path(), PathStyle::kJson), "design.information_fractions[1]");
    EXPECT_EQ(to_string(e.path(), PathStyle::kR), "design$information_fractions[2]");
    EXPECT_EQ(*e.value(), "0.4");
  }
}

TEST(PlotData, PowerCurveAtThePlanRatioIsThePlanPower) {
  const DesignResult result = design_trial(load_trial(seed_config()));
  const std::vector<double> hrs{0.5, 0.63, 1.0};
  const Curve c = power_curve(result.boundaries, *result.sample_size, hrs);
  ASSERT_EQ(c.x.size(), 3u);
  // Same inputs as the plan itself: the same number.
  EXPECT_DOUBLE_EQ(c.y[1], result.sample_size->plan.power);
  EXPECT_GT(c.y[0], c.y[1]);
  // At HR 1 among the noncured the arms still differ by their cure fractions.
  EXPECT_LT(c.y[2], c.y[1]);
  const nlohmann::json data = design_plot_data(result);
  EXPECT_EQ(data["boundaries"]["efficacy_z"].size(), 3u);
  EXPECT_EQ(data["survival"]["control"]["x"].size(), 201u);
  EXPECT_EQ(data["power_by_hazard_ratio"]["x"].size(), 41u);
}

TEST(PlotData, LeavingOutThePowerCurveChangesNothingElse) {
  const DesignResult result = design_trial(load_trial(seed_config()));
  nlohmann::json full = design_plot_data(result, 50);
  const nlohmann::json quick = design_plot_data(result, DesignPlotOptions{50, false});
  EXPECT_FALSE(quick.contains("power_by_hazard_ratio"));
  ASSERT_EQ(full.erase("power_by_hazard_ratio"), 1u);
  EXPECT_EQ(quick, full);
  EXPECT_EQ(quick["events"]["x"].size(), 51u);
}

}  // namespace
}  // namespace gsd::run_test
