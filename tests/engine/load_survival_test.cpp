// Loading the survival section: every key maps to the model it names, and
// every rule fails with an InvalidInput naming the JSON path.
#include "gsd/load.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "expect_near_rel.hpp"
#include "gsd/errors.hpp"

namespace gsd::load_survival_test {
namespace {

using survival::LatencyFamily;
using survival::SurvivalSpec;

SurvivalSpec parse(const std::string& text) {
  const nlohmann::json root = {
      {"design", {{"alpha", 0.05}, {"sided", 2}, {"information_fractions", {0.5, 0.75, 1.0}}}},
      {"survival", nlohmann::json::parse(text)}};
  return *load_trial(root).survival;
}

std::string error_of(const std::string& text) {
  try {
    (void)parse(text);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

constexpr const char* kSeed = R"({
  "time_unit": "months",
  "control": {"cure_fraction": 0.40, "median_noncured": 7.0},
  "treatment": {"cure_fraction": 0.562},
  "hazard_ratio_noncured": 0.63,
  "allocation_ratio": 1.0,
  "accrual": {"duration": 36.0},
  "patients": 202, "events": 94})";

TEST(LoadSurvival, SeedSectionMapsToTheModel) {
  const SurvivalSpec s = parse(kSeed);
  EXPECT_NEAR_REL(s.control.cure_fraction(), 0.40, 1e-15);
  EXPECT_NEAR_REL(s.control.latency().median(), 7.0, 1e-14);
  EXPECT_NEAR_REL(s.treatment.cure_fraction(), 0.562, 1e-15);
  EXPECT_NEAR_REL(s.treatment.latency().median(), 7.0 / 0.63, 1e-14);
  EXPECT_NEAR_REL(s.accrual.duration(), 36.0, 1e-15);
  EXPECT_EQ(*s.patients, 202);
  EXPECT_EQ(*s.events, 94);
  EXPECT_FALSE(s.power.has_value());
  EXPECT_FALSE(s.dropout_control.has_value());
}

TEST(LoadSurvival, MethodNamesTheSizing) {
  EXPECT_EQ(parse(kSeed).method, survival::SizingMethod::kExact);
  const auto with_method = [](const std::string& name) {
    nlohmann::json section = nlohmann::json::parse(kSeed);
    section["method"] = name;
    return section.dump();
  };
  EXPECT_EQ(parse(with_method("exact")).method, survival::SizingMethod::kExact);
  EXPECT_EQ(parse(with_method("schoenfeld")).method, survival::SizingMethod::kSchoenfeld);
  EXPECT_EQ(parse(with_method("freedman")).method, survival::SizingMethod::kFreedman);
  EXPECT_EQ(parse(with_method("hsieh-freedman")).method, survival::SizingMethod::kHsiehFreedman);
  EXPECT_EQ(parse(with_method("lachin-foulkes")).method, survival::SizingMethod::kLachinFoulkes);
  const std::string error = error_of(with_method("lachin"));
  EXPECT_NE(error.find("survival.method = \"lachin\""), std::string::npos) << error;
  EXPECT_NE(error.find("lachin-foulkes"), std::string::npos) << error;
}

TEST(LoadSurvival, EveryLatencyAccrualAndDropoutForm) {
  const SurvivalSpec s = parse(R"({
    "time_unit": "weeks",
    "control": {"weibull": {"shape": 1.3, "scale": 12}},
    "treatment": {"cure_fraction": 0.2,
                  "piecewise": {"starts": [0, 6], "rates": [0.05, 0.02]}},
    "allocation_ratio": 2,
    "accrual": {"piecewise": {"durations": [6, 24], "rates": [1, 3]}},
    "dropout": {"treatment": 0.01},
    "power": 0.8, "follow_up": 12})");
  EXPECT_EQ(s.time_unit, "weeks");
  EXPECT_EQ(s.control.latency().family(), LatencyFamily::kWeibull);
  EXPECT_EQ(std::fpclassify(s.control.cure_fraction()), FP_ZERO);
  EXPECT_EQ(s.treatment.latency().family(), LatencyFamily::kPiecewiseExponential);
  EXPECT_NEAR_REL(s.treatment.latency().hazard(7.0), 0.02, 1e-15);
  EXPECT_NEAR_REL(s.allocation_ratio, 2.0, 1e-15);
  EXPECT_NEAR_REL(s.accrual.cdf(6.0), 6.0 / 78.0, 1e-14);
  EXPECT_FALSE(s.dropout_control.has_value());
  EXPECT_NEAR_REL(*s.dropout_treatment, 0.01, 1e-15);
  const SurvivalSpec h = parse(R"({"control": {"hazard": 0.1}, "hazard_ratio_noncured": 0.5,
    "accrual": {"duration": 12}, "patients": 100, "events": 50})");
  EXPECT_NEAR_REL(h.treatment.latency().rate(), 0.05, 1e-15);
}

TEST(LoadSurvival, TreatmentCureDefaultsToControl) {
  const SurvivalSpec s = parse(R"({"control": {"cure_fraction": 0.3, "median_noncured": 5},
    "hazard_ratio_noncured": 0.7, "accrual": {"duration": 12}, "patients": 100, "events": 50})");
  EXPECT_NEAR_REL(s.treatment.cure_fraction(), 0.3, 1e-15);
}

TEST(LoadSurvival, RulesNameTheJsonPath) {
  EXPECT_EQ(error_of(R"({"control": {"cure_fraction": -0.1, "median_noncured": 7},
    "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.control.cure_fraction = -0.1 must lie in [0, 1)");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "treatment": {"cure_fraction": 1},
    "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.treatment.cure_fraction = 1 must lie in [0, 1)");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7, "hazard": 0.1},
    "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.control gives more than one of median_noncured, hazard, weibull, piecewise");
  EXPECT_EQ(error_of(R"({"control": {"weibull": {"shape": 0, "scale": 3}},
    "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.control.weibull.shape = 0 must be positive");
  EXPECT_EQ(error_of(R"({"control": {"piecewise": {"starts": [0, 6], "rates": [0.1]}},
    "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.control.piecewise.rates = [0.1] must have one rate per start");
  EXPECT_EQ(error_of(R"({"control": {"piecewise": {"starts": [1, 6], "rates": [0.1, 0.2]}},
    "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.control.piecewise.starts[0] = 1 must be 0");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "accrual": {"duration": 36, "piecewise": {"durations": [1], "rates": [1]}},
    "patients": 202, "events": 94})"),
            "survival.accrual needs exactly one of duration (uniform) or piecewise");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "accrual": {"piecewise": {"durations": [6, 30], "rates": [0, 0]}},
    "patients": 202, "events": 94})"),
            "survival.accrual.piecewise.rates must not all be 0");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "accrual": {"duration": 36}, "dropout": {"control": -0.1}, "patients": 202, "events": 94})"),
            "survival.dropout.control = -0.1 must be non-negative");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "accrual": {"duration": 36}, "patients": 202, "events": 300})"),
            "survival.events = 300 exceeds the 202 patients (survival.patients): each patient has at most one event; give at most that many events");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "accrual": {"duration": 36}, "patients": 202.5, "events": 94})"),
            "survival.patients = 202.5 must be a whole number");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "allocation_ratio": 0, "accrual": {"duration": 36}, "patients": 202, "events": 94})"),
            "survival.allocation_ratio = 0 must be positive");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "accrual": {"duration": 36}, "follow_up": -1, "power": 0.8})"),
            "survival.follow_up = -1 must be non-negative");
  EXPECT_EQ(error_of(R"({"hazard_ratio_noncured": 0.63, "accrual": {"duration": 36},
    "patients": 202, "events": 94})"),
            "survival.control is missing: the control arm's survival model");
  EXPECT_EQ(error_of(R"({"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.63,
    "patients": 202, "events": 94})"),
            "survival.accrual is missing: e.g. {\"duration\": 36} for uniform accrual over 36 months");
}

}  // namespace
}  // namespace gsd::load_survival_test
