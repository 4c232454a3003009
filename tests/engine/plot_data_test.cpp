// The bounds of the plot data on the nominal p and hazard-ratio scales, which
// front ends draw without computing anything themselves.
#include "gsd/plot_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"

namespace gsd::plot_data_test {
namespace {

// The seed plan (configs/blinatumomab-20120215.json, abridged).
nlohmann::json seed_config() {
  return nlohmann::json::parse(R"({
    "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0]},
    "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36.0}, "patients": 202, "events": 94}})");
}

TEST(PlotData, BoundsOnThePAndHazardRatioScales) {
  const DesignResult result = design_trial(load_trial(seed_config()));
  const nlohmann::json b = design_plot_data(result, 20)["boundaries"];
  // rpact 3.3.4 (getDesignGroupSequential, sided 2, asOF at 0.5/0.75/1):
  // z 2.96258804 / 2.35901771 / 2.01408367. One-sided nominal p = 1 - Phi(z)
  // and, at 47 / 71 / 94 events with 1:1 allocation (I = d / 4), the hazard
  // ratio exp(-z / sqrt(d / 4)) on the bound, computed here in closed form.
  const double z[] = {2.96258804, 2.35901771, 2.01408367};
  const int events[] = {47, 71, 94};
  for (std::size_t k = 0; k < 3; ++k) {
    const double p = 0.5 * std::erfc(z[k] / std::sqrt(2.0));
    EXPECT_NEAR(b["efficacy_p"][k].get<double>(), p, 1e-8) << k;
    EXPECT_EQ(b["events"][k].get<int>(), events[k]);
    const double hr = std::exp(-z[k] / std::sqrt(events[k] / 4.0));
    EXPECT_NEAR(b["efficacy_hazard_ratio"][k].get<double>(), hr, 1e-6) << k;
    // The lower bound of a symmetric two-sided design is -z: HR 1 / hr.
    EXPECT_NEAR(b["lower_hazard_ratio"][k].get<double>(), 1.0 / hr, 1e-5) << k;
    EXPECT_TRUE(b["futility_p"][k].is_null());
    EXPECT_TRUE(b["futility_hazard_ratio"][k].is_null());
  }
  // The same numbers as the contract JSON's columns.
  const nlohmann::json out = to_json(result);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(b["efficacy_p"][k].get<double>(),
                     out["boundaries"]["looks"][k]["nominal_p_one_sided"].get<double>());
    EXPECT_DOUBLE_EQ(b["efficacy_hazard_ratio"][k].get<double>(),
                     out["sample_size"]["looks"][k]["hazard_ratio_at_bound"].get<double>());
  }
}

// A non-inferiority margin m (survival.hazard_ratio_h0): the bound on the
// hazard-ratio scale is m exp(-z / sqrt(I)), as in the contract JSON, and the
// power curve reaches up to the margin, where the power falls towards alpha.
TEST(PlotData, NonInferiorityMarginScalesTheBoundAndTheCurve) {
  const nlohmann::json config = nlohmann::json::parse(R"({
    "design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.5, 1.0]},
    "survival": {"control": {"median_noncured": 12}, "hazard_ratio_noncured": 1.0,
                 "hazard_ratio_h0": 1.3, "method": "schoenfeld",
                 "accrual": {"duration": 24}, "follow_up": 12, "power": 0.8}})");
  const DesignResult result = design_trial(load_trial(config));
  const nlohmann::json data = design_plot_data(result, 20);
  const nlohmann::json& b = data["boundaries"];
  const nlohmann::json out = to_json(result);
  for (std::size_t k = 0; k < 2; ++k) {
    const double z = out["boundaries"]["looks"][k]["efficacy_z"].get<double>();
    const double events = out["sample_size"]["looks"][k]["events"].get<double>();
    EXPECT_NEAR(b["efficacy_hazard_ratio"][k].get<double>(), 1.3 * std::exp(-z / std::sqrt(events / 4.0)),
                1e-12) << k;
    EXPECT_DOUBLE_EQ(b["efficacy_hazard_ratio"][k].get<double>(),
                     out["sample_size"]["looks"][k]["hazard_ratio_at_bound"].get<double>());
  }
  const nlohmann::json& curve = data["power_by_hazard_ratio"];
  const std::vector<double> x = curve["x"].get<std::vector<double>>();
  const std::vector<double> y = curve["y"].get<std::vector<double>>();
  ASSERT_GE(x.size(), 40u);
  EXPECT_DOUBLE_EQ(x.front(), 0.3);
  EXPECT_GT(x.back(), 1.25);
  EXPECT_LT(x.back(), 1.3);
  // At the planned HR 1 (a grid point: 0.3 + 28 x 0.025) the plan's power.
  EXPECT_NEAR(x[28], 1.0, 1e-12);
  EXPECT_NEAR(y[28], out["sample_size"]["power"].get<double>(), 1e-9);
  // Next to the margin the power is near one-sided alpha, 0.025.
  EXPECT_LT(y.back(), 0.05);
  EXPECT_GT(y.back(), 0.025);
}

TEST(PlotData, FutilityBoundsAndNoPlanNoHazardRatios) {
  nlohmann::json config = seed_config();
  config.erase("survival");
  config["design"] = {{"alpha", 0.025},
                      {"beta", 0.1},
                      {"information_fractions", {0.2, 0.4, 0.6, 0.8, 1.0}},
                      {"futility", {{"spending", "hsd"}, {"parameter", -2}, {"binding", true}}}};
  const nlohmann::json b = design_plot_data(design_trial(load_trial(config)))["boundaries"];
  // rpact 3.3.4, bsHSD(-2) binding: futility z at look 1 -0.92470137
  // (tests/spending/design_families_test.cpp); p = 1 - Phi(z).
  EXPECT_NEAR(b["futility_p"][0].get<double>(), 0.5 * std::erfc(-0.92470137 / std::sqrt(2.0)), 1e-7);
  EXPECT_TRUE(b["futility_p"][4].is_null());
  EXPECT_FALSE(b.contains("events"));
  EXPECT_FALSE(b.contains("efficacy_hazard_ratio"));
}

TEST(PlotData, AWeightedOrMaxComboTestsLooksAgainstTheirOwnBounds) {
  // Each look's z (MaxCombo's largest) against the bound it was judged by, at
  // its events: the numbers of the monitoring report itself; no hazard
  // ratios and no conditional-power curve (the test has neither).
  for (const char* example : {"fh01", "maxcombo", "rmst24"}) {
    const MonitoringReport report = monitor_trial(
        load_trial_file(std::string(GSD_SOURCE_DIR) + "/examples/weighted-monitoring/" + example + ".json"));
    const nlohmann::json p = monitoring_plot_data(report);
    const std::vector<LookOutcome> outcomes = look_outcomes(report);
    ASSERT_EQ(p["observed"]["z"].size(), outcomes.size()) << example;
    ASSERT_GE(outcomes.size(), 2u) << example;
    EXPECT_FALSE(p.contains("conditional_power_by_hazard_ratio")) << example;
    EXPECT_EQ(p["bounds"]["set_at"], "each_look") << example;
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
      EXPECT_EQ(p["observed"]["events"][k].get<double>(), report.inputs[k].events) << example << " look " << k;
      EXPECT_EQ(p["bounds"]["events"][k].get<double>(), report.inputs[k].events) << example << " look " << k;
      EXPECT_EQ(p["observed"]["z"][k].get<double>(), outcomes[k].z) << example << " look " << k;
      EXPECT_EQ(p["bounds"]["efficacy_z"][k].get<double>(), outcomes[k].efficacy_z) << example << " look " << k;
      EXPECT_TRUE(p["observed"]["hazard_ratio"][k].is_null()) << example << " look " << k;
    }
  }
}

TEST(PlotData, TheLogRankAndEndpointBoundsAreOnTheLastLooksSchedule) {
  // The planned looks recomputed at the information observed so far: one bound
  // per planned look, more than the looks taken.
  for (const char* example : {"seed-trial-monitoring/monitoring", "endpoint-monitoring/normal-two-sample",
                              "endpoint-monitoring/binary-noninferiority"}) {
    const MonitoringReport report = monitor_trial(
        load_trial_file(std::string(GSD_SOURCE_DIR) + "/examples/" + example + ".json"));
    const nlohmann::json p = monitoring_plot_data(report);
    EXPECT_EQ(p["bounds"]["set_at"], "last_look_schedule") << example;
    EXPECT_EQ(p["bounds"]["efficacy_z"].size(), report.result.looks.back().schedule.efficacy.size()) << example;
    EXPECT_GT(p["bounds"]["efficacy_z"].size(), p["observed"]["z"].size()) << example;
  }
}

}  // namespace
}  // namespace gsd::plot_data_test
