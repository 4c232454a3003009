// Fixed futility bounds and the bound-by-bound summary of a normal or binary
// endpoint on its own scale, against rpact 3.3.4 (getDesignGroupSequential
// with futilityBounds, then getSampleSizeMeans/-Rates or getPowerMeans/-Rates;
// generator tests/reference/rpact_endpoint_futility.R): per look the
// patients, the estimate at each bound, and the cumulative probability of
// crossing it under H0 and H1. A futility bound given as an estimate
// (design.futility.effect) is the z whose estimate it is: fed rpact's
// effect-scale bounds, gsd finds the z bounds rpact started from.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "expect_near_rel.hpp"
#include "gsd/boundary_summary.hpp"
#include "gsd/endpoints/effect_scale.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::endpoint_bounds_test {
namespace {

struct RpactCase {
  const char* id;
  double max_patients;
  double power;
  std::array<double, 3> patients;
  std::array<double, 3> efficacy_effect;
  // rpact rounds futilityBoundsEffectScale to 8 decimals.
  std::array<double, 2> futility_effect;
  std::array<double, 3> efficacy_h1;  // cumulative crossing probabilities
  std::array<double, 2> futility_h1;
  std::array<double, 3> efficacy_h0;  // rpact's alphaSpent (8 decimals)
  std::array<double, 2> futility_h0;
};

constexpr RpactCase kRpact[] = {
  // means_t_nonbinding
  {"means_t_nonbinding", 174.547386279, 0.9, {87.2736931396, 130.910539709, 174.547386279},
   {0.652918482275, 0.417671887077, 0.30714523298}, {0, 0.08761253},
   {0.260935368191, 0.689210117993, 0.9}, {0.010113139068, 0.0157422372854},
   {0.00152532275799, 0.00964932489487, 0.02499999}, {0.5, 0.719107172948}},
  // means_z_binding_r2_power
  {"means_z_binding_r2_power", 240, 0.677222087904, {96, 168, 240},
   {0.529631357921, 0.414605283843, 0.344637002364}, {0.0476314, 0.14402381},
   {0.293113897213, 0.508345448489, 0.677222087904}, {0.0694947638916, 0.111335416186},
   {0.0130784290903, 0.0197432010352, 0.025}, {0.579259709439, 0.814907049104}},
  // means_t_nonbinding_power
  {"means_t_nonbinding_power", 180, 0.908737570689, {90, 135, 180},
   {0.64236888464, 0.411134298982, 0.302389050147}, {0, 0.08626889},
   {0.273016725855, 0.70489771691, 0.908737570689}, {0.00916525127007, 0.0141679833938},
   {0.00152532275799, 0.00964932489487, 0.02499999}, {0.5, 0.719107172948}},
  // rates_nonbinding
  {"rates_nonbinding", 445.075480465, 0.9, {222.537740232, 333.806610348, 445.075480465},
   {0.194350681363, 0.124105800215, 0.0907900726549}, {0, 0.02537375},
   {0.260935368191, 0.689210117993, 0.9}, {0.010113139068, 0.0157422372854},
   {0.00152532275799, 0.00964932489487, 0.02499999}, {0.5, 0.719107172948}},
  // rates_binding_power
  {"rates_binding_power", 400, 0.814352014809, {160, 280, 400},
   {0.17114685057, 0.132618508443, 0.10946857411}, {0.01458989, 0.04468952},
   {0.39917447694, 0.652229595387, 0.814352014809}, {0.0384978207797, 0.0584982584123},
   {0.0130784290903, 0.0197432010352, 0.025}, {0.579259709439, 0.814907049104}}
};

// rpact's designs: Lan-DeMets O'Brien-Fleming at 0.5, 0.75, 1 (alpha 0.025,
// beta 0.1) with non-binding futility z 0 and 0.5; Lan-DeMets Pocock at 0.4,
// 0.7, 1 (beta 0.2) with binding futility z 0.2 and 0.8.
std::string design(bool pocock, const std::string& futility) {
  const std::string binding = pocock ? "true" : "false";
  return pocock ? R"("design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.4, 0.7, 1.0],
                    "efficacy": {"spending": "lan-demets-pocock"}, "futility": {)" + futility +
                      R"(, "binding": true}})"
                : R"("design": {"alpha": 0.025, "beta": 0.1, "information_fractions": [0.5, 0.75, 1.0],
                    "efficacy": {"spending": "lan-demets-obf"}, "futility": {)" + futility +
                      R"(, "binding": false}})";
}

// The config of each rpact case, its futility as z (rpact's) or as `futility`.
std::string config(const std::string& id, std::string futility = "") {
  const bool pocock = id == "means_z_binding_r2_power" || id == "rates_binding_power";
  if (futility.empty()) futility = pocock ? R"("z": [0.2, 0.8])" : R"("z": [0, 0.5])";
  std::string endpoint;
  if (id == "means_t_nonbinding") {
    endpoint = R"({"type": "normal", "mean_difference": 0.5, "sd": 1.0})";
  } else if (id == "means_z_binding_r2_power") {
    endpoint = R"({"type": "normal", "mean_difference": 0.4, "sd": 1.1, "allocation_ratio": 2,
                   "normal_approximation": true, "patients": 240})";
  } else if (id == "means_t_nonbinding_power") {
    endpoint = R"({"type": "normal", "mean_difference": 0.5, "sd": 1.0, "patients": 180})";
  } else if (id == "rates_nonbinding") {
    endpoint = R"({"type": "binary", "control_rate": 0.3, "treatment_rate": 0.45})";
  } else {
    endpoint = R"({"type": "binary", "control_rate": 0.3, "treatment_rate": 0.45, "patients": 400})";
  }
  return "{" + design(pocock, futility) + R"(, "endpoint": )" + endpoint + "}";
}

DesignResult solve(const std::string& text) { return design_trial(load_trial(nlohmann::json::parse(text))); }

void expect_rpact(const RpactCase& c, const DesignResult& r) {
  SCOPED_TRACE(c.id);
  const endpoints::EndpointPlan& plan = r.endpoint->plan;
  EXPECT_NEAR_REL(plan.patients_unrounded, c.max_patients, 1e-6);
  EXPECT_NEAR_REL(plan.power, c.power, 1e-6);
  std::size_t efficacy = 0;
  std::size_t futility = 0;
  for (const BoundSummaryRow& row : boundary_summary(r)) {
    const std::size_t k = row.look - 1;
    ASSERT_TRUE(row.patients && row.effect);
    EXPECT_NEAR_REL(*row.patients, c.patients[k], 1e-6);
    if (row.bound == BoundKind::kEfficacy) {
      ++efficacy;
      EXPECT_NEAR_REL(*row.effect, c.efficacy_effect[k], 1e-6);
      // rpact rounds alphaSpent to 8 decimals (0.02499999 at the end of a non-binding design).
      EXPECT_NEAR(row.cumulative_h0, c.efficacy_h0[k], 2e-8) << k;
      EXPECT_NEAR_REL(row.cumulative_h1, c.efficacy_h1[k], 1e-6);
    } else {
      ASSERT_EQ(row.bound, BoundKind::kFutility);
      ++futility;
      EXPECT_NEAR(*row.effect, c.futility_effect[k], 1e-8) << k;
      EXPECT_NEAR_REL(row.cumulative_h0, c.futility_h0[k], 1e-6);
      EXPECT_NEAR_REL(row.cumulative_h1, c.futility_h1[k], 1e-6);
    }
  }
  EXPECT_EQ(efficacy, 3u);
  EXPECT_EQ(futility, 2u);
}

TEST(EndpointBounds, FixedFutilityAndSummaryMatchRpact) {
  for (const RpactCase& c : kRpact) expect_rpact(c, solve(config(c.id)));
}

TEST(EndpointBounds, FutilityOnTheEstimateScaleGivesRpactsZ) {
  // The effect-scale bounds rpact printed, given back as design.futility.effect
  // at the patients given (rpact's 8 decimals move z by at most 5e-9 / se,
  // se >= 0.07 here).
  for (const RpactCase& c : kRpact) {
    if (std::string(c.id).find("power") == std::string::npos) continue;  // patients given
    const bool pocock = std::string(c.id) != "means_t_nonbinding_power";
    char text[128];
    std::snprintf(text, sizeof text, "\"effect\": [%.12g, %.12g]", c.futility_effect[0], c.futility_effect[1]);
    const DesignResult r = solve(config(c.id, text));
    const std::array<double, 2> z = pocock ? std::array<double, 2>{0.2, 0.8} : std::array<double, 2>{0.0, 0.5};
    for (std::size_t k = 0; k < 2; ++k) {
      ASSERT_TRUE(r.boundaries.futility[k].has_value());
      EXPECT_NEAR(*r.boundaries.futility[k], z[k], 1e-7) << c.id << " look " << k + 1;
    }
    expect_rpact(c, r);
  }
}

TEST(EndpointBounds, ConditionalPowerFutilityOnABinaryEndpoint) {
  // Futility where the conditional power under the design alternative falls
  // below 0.2 (B-value form, Lan & Wittes 1988); the summary reports the
  // difference of rates at it, whose Farrington-Manning z is the bound.
  const DesignResult r = solve(R"({"design": {"alpha": 0.025, "beta": 0.1,
      "information_fractions": [0.5, 0.75, 1.0], "efficacy": {"spending": "lan-demets-obf"},
      "futility": {"conditional_power": 0.2}},
    "endpoint": {"type": "binary", "control_rate": 0.3, "treatment_rate": 0.45, "patients": 400}})");
  const spending::Design& d = r.boundaries;
  const double b = d.efficacy[2];
  const endpoints::EndpointSpec& spec = r.endpoint->spec;
  int rows = 0;
  for (const BoundSummaryRow& row : boundary_summary(r)) {
    if (row.bound != BoundKind::kFutility) continue;
    ++rows;
    const double t = row.information_fraction;
    const double a = (b - d.drift * (1.0 - t) - std::sqrt(1.0 - t) * numerics::normal_upper_quantile(0.2)) /
                     std::sqrt(t);
    EXPECT_NEAR(row.z, a, 1e-9) << row.look;
    ASSERT_TRUE(row.effect && row.patients);
    EXPECT_DOUBLE_EQ(*row.patients, t * 400.0);
    EXPECT_NEAR(*endpoints::z_at_effect(spec, *row.effect, *row.patients), row.z, 1e-9) << row.look;
  }
  EXPECT_EQ(rows, 2);
}

// Looks that no plan up to 1e9 patients gives a statistic each are refused
// when the config is read, by the fraction: a first fraction of 1e-300
// planned 1e9 patients, after a minute, whose first look still had none.
TEST(EndpointBounds, LooksNoPlanCanFillAreRefusedByTheirFraction) {
  try {
    (void)load_trial(nlohmann::json::parse(
        R"({"design": {"information_fractions": [1e-300, 1.0]},
            "endpoint": {"type": "normal", "mean_difference": 0.5, "power": 0.9}})"));
    ADD_FAILURE() << "loaded";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "design.information_fractions[0] = 1e-300 leaves its look fewer than 2 patients per arm even at 1e9 "
              "patients, the most a plan may have; give a larger fraction");
  }
}

TEST(EndpointBounds, EffectAndZAreInverses) {
  // Each kind of endpoint statistic: z -> estimate -> z.
  const char* endpoints_json[] = {
      R"({"type": "normal", "mean_difference": 0.5, "sd": 1.3, "allocation_ratio": 2, "patients": 90})",
      R"({"type": "normal", "groups": 1, "mean": 0.3, "margin": 0.1, "normal_approximation": true, "patients": 60})",
      R"({"type": "binary", "control_rate": 0.3, "treatment_rate": 0.3, "margin": -0.1, "patients": 500})",
      R"({"type": "binary", "control_rate": 0.3, "treatment_rate": 0.45, "scale": "ratio", "margin": 1.1, "patients": 500})",
      R"({"type": "binary", "control_rate": 0.4, "treatment_rate": 0.25, "patients": 300})",
      R"({"type": "binary", "groups": 1, "rate": 0.4, "margin": 0.25, "patients": 90})"};
  for (const char* e : endpoints_json) {
    const Trial trial = load_trial(nlohmann::json::parse(std::string(R"({"design": {}, "endpoint": )") + e + "}"));
    const endpoints::EndpointSpec& spec = *trial.endpoint;
    for (double z : {-1.5, 0.0, 0.7, 2.4}) {
      const std::optional<double> effect = endpoints::effect_at_z(spec, z, 60.0);
      ASSERT_TRUE(effect.has_value()) << e << " z " << z;
      EXPECT_NEAR(*endpoints::z_at_effect(spec, *effect, 60.0), z, 1e-9) << e << " z " << z;
    }
  }
}

}  // namespace
}  // namespace gsd::endpoint_bounds_test
