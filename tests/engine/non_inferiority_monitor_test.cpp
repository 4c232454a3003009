// gsd monitor for a survival non-inferiority trial (survival.hazard_ratio_h0):
// the committee's z, two-sided p-value and hazard ratio are of equal
// hazards, and all three give the same z against the margin; the
// conditional power under the survival model is that of its hazard ratio;
// a futility bound given as a hazard ratio is against the margin in the plan
// too. The monitoring arithmetic itself is checked against rpact in
// tests/monitoring/non_inferiority_monitor_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "../expect_near_rel.hpp"
#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::non_inferiority_monitor_test {
namespace {

using nlohmann::json;

constexpr double kMargin = 1.3;

// The trial of examples/non-inferiority at its planned 628 patients and 458
// events: exponential arms with median 12 months and HR 1, margin 1.3.
json config(const json& looks, const json& extra_monitoring = json::object()) {
  json monitoring = {{"looks", looks}};
  monitoring.update(extra_monitoring);
  return {{"design", {{"alpha", 0.025}, {"beta", 0.2}, {"information_fractions", {0.5, 1.0}}}},
          {"survival",
           {{"control", {{"median_noncured", 12}}},
            {"hazard_ratio_noncured", 1.0},
            {"hazard_ratio_h0", kMargin},
            {"method", "schoenfeld"},
            {"accrual", {{"duration", 24}}},
            {"patients", 628},
            {"events", 458}}},
          {"monitoring", monitoring}};
}

TEST(NonInferiorityMonitoring, EveryInputFormGivesTheSameZAgainstTheMargin) {
  // Log-rank z 0.3 at 229 events: the two-sided p 2 (1 - Phi(0.3)) favouring
  // treatment, and the estimate exp(-0.3 / sqrt(229 / 4)).
  const double info = 229.0 / 4.0;
  const double expected = 0.3 + std::log(kMargin) * std::sqrt(info);
  const json forms = json::array({{{"events", 229}, {"z", 0.3}},
                                  {{"events", 229},
                                   {"p_two_sided", 2.0 * numerics::normal_upper_tail(0.3)},
                                   {"direction", "favours-treatment"}},
                                  {{"events", 229}, {"hazard_ratio", std::exp(-0.3 / std::sqrt(info))}}});
  for (const json& form : forms) {
    SCOPED_TRACE(form.dump());
    const MonitoringReport r = monitor_trial(load_trial(config(json::array({form}))));
    ASSERT_EQ(r.result.looks.size(), 1u);
    EXPECT_NEAR(r.result.looks[0].look.z, expected, 1e-9);
    EXPECT_NEAR_REL(r.result.looks[0].hazard_ratio, std::exp(-0.3 / std::sqrt(info)), 1e-9);
    EXPECT_EQ(r.plan.null_hazard_ratio, kMargin);
  }
}

TEST(NonInferiorityMonitoring, ModelConditionalPowerIsThatOfTheModelsHazardRatio) {
  // Without monitoring.assumed_hazard_ratio the survival model's log-rank
  // means are shifted by the margin like the looks' z. Under this model
  // (equal hazards) the log-rank means are 0, so the shifted means are
  // log(1.3) sqrt(d / 4), those of an assumed HR of 1.
  const json looks = json::array({{{"events", 229}, {"z", 0.3}}});
  const MonitoringReport model = monitor_trial(load_trial(config(looks)));
  const MonitoringReport assumed = monitor_trial(load_trial(config(looks, {{"assumed_hazard_ratio", 1.0}})));
  ASSERT_TRUE(model.result.looks[0].conditional_power && assumed.result.looks[0].conditional_power);
  EXPECT_EQ(model.result.effect_source, monitoring::EffectSource::kModelMeans);
  EXPECT_NEAR(model.result.looks[0].conditional_power->assumed.back(),
              assumed.result.looks[0].conditional_power->assumed.back(), 1e-9);
  EXPECT_NEAR(assumed.result.looks[0].conditional_power->assumed.back(), 0.931397079, 1e-6);  // rpact
}

TEST(NonInferiorityMonitoring, HazardRatioFutilityIsAgainstTheMarginInThePlan) {
  // futility.hazard_ratio 1.2 at the first look (229 planned events): z =
  // -ln(1.2 / 1.3) sqrt(229 / 4), the hazard ratio's distance from the margin.
  json c = config(json::array({{{"events", 229}, {"z", 0.3}}}));
  c["design"]["futility"] = {{"hazard_ratio", {1.2}}};
  const Trial trial = load_trial(c);
  ASSERT_TRUE(trial.design.futility.has_value());
  EXPECT_NEAR(trial.design.futility->values[0], -std::log(1.2 / kMargin) * std::sqrt(229.0 / 4.0), 1e-12);
  const MonitoringReport r = monitor_trial(trial);
  ASSERT_TRUE(r.result.looks[0].futility_z.has_value());
  EXPECT_NEAR(*r.result.looks[0].futility_z, -std::log(1.2 / kMargin) * std::sqrt(229.0 / 4.0), 1e-12);
}

}  // namespace
}  // namespace gsd::non_inferiority_monitor_test
