// gsd monitor for normal and binary endpoints against rpact 3.3.4
// getDataset + getAnalysisResults (generator:
// tests/reference/rpact_endpoint_monitoring.R) and closed forms.
// rpact's values rest on its grid integration and root searches (about 7
// significant digits; its repeated-CI roots stop at 1e-6 of the estimate),
// so probabilities and estimates are compared to 1e-6 relative and
// intervals to 1e-6 absolute. Repeated p-values: getAnalysisResults stops its
// alpha search early, so the references are rpact's designs solved for alpha
// with uniroot to 1e-14 (case R of the generator).
#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "../expect_near_rel.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/run.hpp"

namespace gsd::endpoint_monitor_test {
namespace {

constexpr double kRel = 1e-6;
constexpr double kAbs = 1e-6;

using nlohmann::json;

json arm(double n, double mean, double sd) { return {{"n", n}, {"mean", mean}, {"sd", sd}}; }
json counts(double n, double responders) { return {{"n", n}, {"responders", responders}}; }

// LD-OBF at thirds, as the generator's designs (their rates are the looks'
// patients / planned patients, which are the thirds here).
MonitoringReport monitor(const json& endpoint, double planned, const json& looks) {
  const json config = {
      {"design",
       {{"alpha", 0.025}, {"information_fractions", {1.0 / 3.0, 2.0 / 3.0, 1.0}},
        {"efficacy", {{"spending", "lan-demets-obf"}}}}},
      {"endpoint", endpoint},
      {"monitoring", {{"planned_patients", planned}, {"looks", looks}}}};
  return monitor_trial(load_trial(config));
}

const json kMeans = {{"type", "normal"}, {"mean_difference", 0.5}, {"sd", 1.0}, {"normal_approximation", true}};
const json kMeansLooks = json::array(
    {{{"treatment", arm(30, 0.6, 1.1)}, {"control", arm(30, 0.1, 0.9)}},
     {{"treatment", arm(60, 0.55, 1.05)}, {"control", arm(60, 0.05, 1.0)}}});

void expect_interval(const std::optional<endpoints::NaturalInterval>& ci, double lower, double upper) {
  ASSERT_TRUE(ci.has_value());
  EXPECT_NEAR(ci->lower, lower, kAbs);
  EXPECT_NEAR(ci->upper, upper, kAbs);
}

void expect_final(const MonitoringReport& r, double p, double lower, double upper, double median) {
  ASSERT_TRUE(r.result.final_inference.has_value());
  ASSERT_TRUE(r.endpoint->final_inference.has_value());
  EXPECT_NEAR_REL(r.result.final_inference->p_value, p, kRel);
  EXPECT_NEAR(r.endpoint->final_inference->ci.lower, lower, kAbs);
  EXPECT_NEAR(r.endpoint->final_inference->ci.upper, upper, kAbs);
  EXPECT_NEAR_REL(r.endpoint->final_inference->median_unbiased, median, kRel);
}

// Case A: two samples, normal approximation, a stop at the second look.
TEST(EndpointMonitor, MeansTwoSamplesAgreeWithRpact) {
  const MonitoringReport r = monitor(kMeans, 180, kMeansLooks);
  ASSERT_EQ(r.result.looks.size(), 2u);
  EXPECT_NEAR(r.result.looks[0].efficacy_z, 3.710302873, kAbs);
  EXPECT_NEAR(r.result.looks[1].efficacy_z, 2.511427484, kAbs);
  EXPECT_NEAR(r.result.looks[1].look.z, 2.671022997, 1e-9);
  EXPECT_EQ(r.result.looks[1].decision, monitoring::Decision::kStopEfficacy);
  expect_interval(r.endpoint->looks[0].repeated_ci, -0.4627741471, 1.462774147);
  expect_interval(r.endpoint->looks[1].repeated_ci, 0.02987536076, 0.9701246464);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.2016574558, kRel);   // g.A.R. 0.2016578919
  EXPECT_NEAR_REL(r.result.looks[1].repeated_p_value, 0.01810560434, kRel);  // g.A.R. 0.01810647069
  expect_final(r, 0.003825966307, 0.1325759064, 0.866713863, 0.4997246938);
}

// Case B: the first look alone; conditional power at 0.5 / sd 1 and under the trend.
TEST(EndpointMonitor, MeansConditionalPowerAgreesWithRpact) {
  const MonitoringReport r = monitor(kMeans, 180, json::array({kMeansLooks[0]}));
  const auto& cp = r.result.looks[0].conditional_power;
  ASSERT_TRUE(cp.has_value());
  ASSERT_EQ(cp->assumed.size(), 2u);
  EXPECT_NEAR_REL(cp->assumed[0], 0.6223574123, kRel);
  EXPECT_NEAR_REL(cp->assumed[1], 0.9545009982, kRel);
  EXPECT_NEAR_REL(cp->trend[0], 0.6186997563, kRel);
  EXPECT_NEAR_REL(cp->trend[1], 0.9531954485, kRel);
}

// Cases B (t test) and C: the t statistic converted to z through its p-value.
TEST(EndpointMonitor, MeansTTestAgreesWithRpact) {
  json t = kMeans;
  t["normal_approximation"] = false;
  const MonitoringReport r = monitor(t, 180, kMeansLooks);
  EXPECT_NEAR(r.result.looks[0].look.z, 1.888952632, 1e-9);
  ASSERT_TRUE(r.endpoint->looks[0].statistic.degrees_of_freedom.has_value());
  EXPECT_NEAR(*r.endpoint->looks[0].statistic.degrees_of_freedom, 58.0, 0.0);
  expect_interval(r.endpoint->looks[0].repeated_ci, -0.5276978608, 1.527697861);
  expect_interval(r.endpoint->looks[1].repeated_ci, 0.02248940275, 0.9775105885);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.2087046695, kRel);
  EXPECT_NEAR_REL(r.result.looks[1].repeated_p_value, 0.01984541316, kRel);
  const auto& cp = r.result.looks[0].conditional_power;
  ASSERT_TRUE(cp.has_value());
  EXPECT_NEAR_REL(cp->assumed[0], 0.6078614309, kRel);
  EXPECT_NEAR_REL(cp->assumed[1], 0.9517409373, kRel);
  expect_final(r, 0.004357391903, 0.1242913637, 0.8583797032, 0.4914034462);
}

// Case D: one sample against 0.1.
TEST(EndpointMonitor, MeansOneSampleAgreesWithRpact) {
  const json endpoint = {{"type", "normal"}, {"groups", 1}, {"mean", 0.6}, {"margin", 0.1},
                         {"sd", 1.0}, {"normal_approximation", true}};
  const json looks = json::array({{{"n", 20}, {"mean", 0.5}, {"sd", 1.0}}, {{"n", 40}, {"mean", 0.62}, {"sd", 0.9}}});
  const MonitoringReport r = monitor(endpoint, 60, looks);
  expect_interval(r.endpoint->looks[0].repeated_ci, -0.3296488575, 1.329648857);
  expect_interval(r.endpoint->looks[1].repeated_ci, 0.2626176038, 0.9773823963);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.2280600864, kRel);
  EXPECT_NEAR_REL(r.result.looks[1].repeated_p_value, 0.001773174675, kRel);
  expect_final(r, 0.0002203220707, 0.3342474545, 0.8970717042, 0.6169655721);
}

// Case E: two rates, pooled variance at a margin of 0.
TEST(EndpointMonitor, RatesPooledAgreeWithRpact) {
  const json endpoint = {{"type", "binary"}, {"control_rate", 0.3}, {"treatment_rate", 0.45}};
  const json looks = json::array({{{"treatment", counts(50, 24)}, {"control", counts(50, 15)}},
                                  {{"treatment", counts(100, 52)}, {"control", counts(100, 26)}}});
  const MonitoringReport r = monitor(endpoint, 300, looks);
  EXPECT_NEAR(r.result.looks[0].look.z, 1.845207828, 1e-9);
  EXPECT_NEAR(r.result.looks[1].look.z, 3.769303685, 1e-9);
  expect_interval(r.endpoint->looks[0].repeated_ci, -0.1779774036, 0.4968960206);
  expect_interval(r.endpoint->looks[1].repeated_ci, 0.08776757017, 0.4178289156);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.2170285682, kRel);
  EXPECT_NEAR_REL(r.result.looks[1].repeated_p_value, 0.001299523684, kRel);
  expect_final(r, 0.000176095519, 0.116060641, 0.3797952462, 0.2487530957);
}

// Case F: non-inferiority at -0.1 (Farrington-Manning), continuing, then a stop.
TEST(EndpointMonitor, RatesNonInferiorityAgreeWithRpact) {
  const json endpoint = {{"type", "binary"}, {"control_rate", 0.4}, {"treatment_rate", 0.4}, {"margin", -0.1}};
  const json first = {{"treatment", counts(50, 20)}, {"control", counts(50, 21)}};
  const MonitoringReport go = monitor(endpoint, 300, json::array({first, {{"treatment", counts(100, 41)}, {"control", counts(100, 38)}}}));
  EXPECT_EQ(go.result.looks[1].decision, monitoring::Decision::kContinue);
  expect_interval(go.endpoint->looks[0].repeated_ci, -0.3619809538, 0.3266455719);
  expect_interval(go.endpoint->looks[1].repeated_ci, -0.1421698374, 0.2004801926);
  const MonitoringReport r = monitor(endpoint, 300, json::array({first, {{"treatment", counts(100, 48)}, {"control", counts(100, 35)}}}));
  EXPECT_EQ(r.result.looks[1].decision, monitoring::Decision::kStopEfficacy);
  expect_interval(r.endpoint->looks[1].repeated_ci, -0.0449004699, 0.2973640253);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.4662323147, kRel);
  EXPECT_NEAR_REL(r.result.looks[1].repeated_p_value, 0.004240338072, kRel);
  expect_final(r, 0.0005398789495, -0.007874884779, 0.2638490944, 0.1282282977);
}

// Case G: one rate against 0.3 (the score statistic at the H0 rate).
TEST(EndpointMonitor, RateOneSampleAgreesWithRpact) {
  const json endpoint = {{"type", "binary"}, {"groups", 1}, {"rate", 0.5}, {"margin", 0.3}};
  const json looks = json::array({counts(30, 14), counts(60, 31)});
  const MonitoringReport r = monitor(endpoint, 90, looks);
  expect_interval(r.endpoint->looks[0].repeated_ci, 0.1971588867, 0.7571440515);
  expect_interval(r.endpoint->looks[1].repeated_ci, 0.3609498051, 0.6692127857);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.1899185946, kRel);
  EXPECT_NEAR_REL(r.result.looks[1].repeated_p_value, 0.001735067953, kRel);
  expect_final(r, 0.0002165127021, 0.406660208, 0.6618684883, 0.5348694693);
}

// One look, an estimate with its standard error: the fixed-sample closed
// forms. z = 0.45 / 0.2 = 2.25, bound z_0.975 = 1.959964, p = 1 - Phi(2.25).
// A first look at a tiny information fraction (20 of 756 patients) with a
// striking z: the repeated p-value's search meets alphas whose first bound
// is infinite (nothing spent yet) and failed with "total error -nan". At a
// first look the repeated p-value of LD-OBF has a closed form: the bound
// Phi^-1(1 - a(t)) with a(t) = 2 - 2 Phi(Phi^-1(1 - p / 2) / sqrt(t))
// equals z at p = 2 (1 - Phi(sqrt(t) Phi^-1((1 + Phi(z)) / 2))).
TEST(EndpointMonitor, AStrikingFirstLookAtLittleInformation) {
  json config = read_json_file(std::string(GSD_SOURCE_DIR) + "/configs/binary-noninferiority.json");
  const boost::math::normal normal;
  const double planned = 756.0;  // the plan's patients
  for (const double z : {4.0, 8.0, 20.0}) {
    config["monitoring"] = {{"looks", json::array({{{"patients", 20}, {"z", z}}})}};
    const MonitoringReport r = monitor_trial(load_trial(config));
    ASSERT_EQ(r.result.looks.size(), 1u);
    const double t = 20.0 / planned;
    ASSERT_NEAR(r.result.looks[0].information_fraction, t, 1e-12);
    // (1 + Phi(z)) / 2 through its upper tail, 1 - Phi(z) halved: exact in
    // doubles for z = 20 too.
    const double tail = boost::math::cdf(boost::math::complement(normal, z)) / 2.0;
    const double root = boost::math::quantile(boost::math::complement(normal, tail));
    const double p = 2.0 * boost::math::cdf(boost::math::complement(normal, std::sqrt(t) * root));
    EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, p, kRel) << "z = " << z;
  }
  // z beyond every z bound at 20 of 100,000 planned patients: sqrt(t) z is
  // 0.64, so p = 2 (1 - Phi(0.64)) = 0.52, reported at the ceiling 0.5
  // (a bound held at 40 would have called every z above it a crossing).
  config["monitoring"] = {{"planned_patients", 100000}, {"looks", json::array({{{"patients", 20}, {"z", 45.0}}})}};
  EXPECT_DOUBLE_EQ(monitor_trial(load_trial(config)).result.looks[0].repeated_p_value, 0.5);
}

// A difference of rates lies in (-1, 1): the Wald interval of a look given
// as z at few patients (estimate -0.1 + z SE with the plan's SE) reached
// -1.43 to 1.54, and is held within the range as the score intervals are.
TEST(EndpointMonitor, RateIntervalsStayWithinTheirRange) {
  json config = read_json_file(std::string(GSD_SOURCE_DIR) + "/configs/binary-noninferiority.json");
  for (const double z : {1.0, 3.0}) {
    config["monitoring"] = {{"looks", json::array({{{"patients", 40}, {"z", z}}})}};
    const MonitoringReport r = monitor_trial(load_trial(config));
    const auto& ci = r.endpoint->looks[0].repeated_ci;
    ASSERT_TRUE(ci.has_value());
    EXPECT_GE(ci->lower, -1.0);
    EXPECT_LE(ci->upper, 1.0);
    EXPECT_LT(ci->lower, ci->upper);
  }
}

TEST(EndpointMonitor, OneLookClosedForms) {
  const json config = {
      {"design", {{"alpha", 0.025}, {"information_fractions", {1.0}}}},
      {"endpoint", kMeans},
      {"monitoring", {{"planned_patients", 200}, {"looks", {{{"patients", 200}, {"estimate", 0.45}, {"standard_error", 0.2}}}}}}};
  const MonitoringReport r = monitor_trial(load_trial(config));
  const double z975 = 1.959963984540054;
  EXPECT_NEAR(r.result.looks[0].look.z, 2.25, 1e-15);
  EXPECT_NEAR(r.result.looks[0].efficacy_z, z975, 1e-8);
  EXPECT_EQ(r.result.looks[0].decision, monitoring::Decision::kStopEfficacy);
  expect_interval(r.endpoint->looks[0].repeated_ci, 0.45 - z975 * 0.2, 0.45 + z975 * 0.2);
  EXPECT_NEAR_REL(r.result.looks[0].repeated_p_value, 0.01222447265504470, 1e-8);  // 1 - pnorm(2.25)
  expect_final(r, 0.01222447265504470, 0.45 - z975 * 0.2, 0.45 + z975 * 0.2, 0.45);
  // The ratio scale: log(1.5) / 0.2 against a margin of 1, CI 1.5 exp(-+z SE).
  const json ratio = {{"type", "binary"}, {"control_rate", 0.3}, {"treatment_rate", 0.45}, {"scale", "ratio"}};
  json c2 = config;
  c2["endpoint"] = ratio;
  c2["monitoring"]["looks"][0]["estimate"] = 1.5;
  const MonitoringReport q = monitor_trial(load_trial(c2));
  EXPECT_NEAR(q.result.looks[0].look.z, std::log(1.5) / 0.2, 1e-14);
  expect_interval(q.endpoint->looks[0].repeated_ci, 1.5 * std::exp(-z975 * 0.2), 1.5 * std::exp(z975 * 0.2));
  // A difference of rates has a standard error of at most sqrt(0.5): one
  // past 1 is refused (1e300 gave a confidence interval of +-3e300).
  json c3 = config;
  c3["endpoint"] = {{"type", "binary"}, {"control_rate", 0.3}, {"treatment_rate", 0.45}};
  c3["monitoring"]["looks"][0]["estimate"] = 0.05;
  c3["monitoring"]["looks"][0]["standard_error"] = 1e300;
  try {
    (void)monitor_trial(load_trial(c3));
    ADD_FAILURE() << "a standard error of 1e300 for a difference of rates was taken";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()),
              "monitoring.looks[0].standard_error = 1e+300 must be at most 1 (a difference of two rates has a "
              "standard error of at most 0.71): check that it is not a variance or a percentage");
  }
  c3["monitoring"]["looks"][0]["standard_error"] = 0.9;  // within the slack: taken
  EXPECT_NEAR(monitor_trial(load_trial(c3)).result.looks[0].look.z, 0.05 / 0.9, 1e-14);
}

// Summaries are cumulative: an arm's patients, responders and
// non-responders never fall from one look to the next. 353 of 353 after 143
// of 202 (59 non-responders gone) was taken and gave a confidence interval
// of zero width after the stop.
TEST(EndpointMonitor, CountsThatFallBetweenLooksAreRefused) {
  const json endpoint = {{"type", "binary"}, {"control_rate", 0.3}, {"treatment_rate", 0.45}};
  const auto refused = [&](const json& second, const std::string& message) {
    const json looks = json::array({{{"treatment", counts(50, 24)}, {"control", counts(50, 15)}}, second});
    try {
      (void)monitor(endpoint, 300, looks);
      ADD_FAILURE() << "taken: " << second.dump();
    } catch (const InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
  };
  const std::string rule = ": the summaries are cumulative, so no count falls from one look to the next";
  refused({{"treatment", counts(100, 100)}, {"control", counts(100, 26)}},
          "monitoring.looks[1].treatment.responders = 100 leaves 0 non-responders of 100, fewer than the "
          "previous look's 26" + rule);
  refused({{"treatment", counts(100, 52)}, {"control", counts(100, 14)}},
          "monitoring.looks[1].control.responders = 14 is fewer than the previous look's 15 responders" + rule);
  refused({{"treatment", counts(110, 60)}, {"control", counts(45, 20)}},
          "monitoring.looks[1].control.n = 45 is fewer than the previous look's 50 patients" + rule);
  // Counts that only grow are taken (case A above).
  const json looks = json::array({{{"treatment", counts(50, 24)}, {"control", counts(50, 15)}},
                                  {{"treatment", counts(100, 52)}, {"control", counts(100, 26)}}});
  EXPECT_NO_THROW((void)monitor(endpoint, 300, looks));
}

// A lower test (smaller is better): z = (margin - estimate) / SE and the
// natural scale keeps its orientation.
TEST(EndpointMonitor, LowerDirection) {
  const json endpoint = {{"type", "normal"}, {"mean_difference", -0.5}, {"normal_approximation", true}};
  json looks = kMeansLooks;
  for (auto& look : looks) std::swap(look["treatment"], look["control"]);
  const MonitoringReport r = monitor(endpoint, 180, looks);
  EXPECT_NEAR(r.result.looks[1].look.z, 2.671022997, 1e-9);
  expect_interval(r.endpoint->looks[1].repeated_ci, -0.9701246464, -0.02987536076);
  expect_final(r, 0.003825966307, -0.866713863, -0.1325759064, -0.4997246938);
}

TEST(EndpointMonitor, BadLooksNameTheirPath) {
  const auto error = [](const json& looks) {
    try {
      (void)monitor(kMeans, 180, looks);
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error(json::array({{{"treatment", arm(1, 0.6, 1.1)}, {"control", arm(30, 0.1, 0.9)}}})),
            "monitoring.looks[0].treatment.n = 1 must be a whole number of patients, at least 2");
  EXPECT_EQ(error(json::array({{{"treatment", arm(30, 0.6, 0)}, {"control", arm(30, 0.1, 0.9)}}})),
            "monitoring.looks[0].treatment.sd = 0 must be positive");
  EXPECT_EQ(error(json::array({{{"patients", 60}, {"estimate", 0.4}, {"standard_error", -0.1}}})),
            "monitoring.looks[0].standard_error = -0.1 must be positive");
  EXPECT_EQ(error(json::array({{{"patients", 60}, {"z", 1.0}}, {{"patients", 60}, {"z", 2.0}}})),
            "monitoring.looks[1].patients = 60 must exceed the previous look's 60 patients");
  // A look of the arms' summaries has no patients key: an arm that falls is
  // named by its n, a look that adds no patient by its arms' n together.
  EXPECT_EQ(error(json::array({{{"treatment", arm(40, 0.6, 1.1)}, {"control", arm(20, 0.1, 0.9)}},
                               {{"treatment", arm(30, 0.6, 1.1)}, {"control", arm(30, 0.1, 0.9)}}})),
            "monitoring.looks[1].treatment.n = 30 is fewer than the previous look's 40 patients: the summaries are "
            "cumulative, so no count falls from one look to the next");
  EXPECT_EQ(error(json::array({{{"treatment", arm(30, 0.6, 1.1)}, {"control", arm(30, 0.1, 0.9)}},
                               {{"treatment", arm(30, 0.5, 1.1)}, {"control", arm(30, 0.1, 0.9)}}})),
            "monitoring.looks[1] has 60 patients in its arms (treatment.n 30 + control.n 30), which must exceed the "
            "previous look's 60 patients");
  // A z past 1e6 from the data is named by the data that gave it.
  EXPECT_EQ(error(json::array({{{"patients", 60}, {"estimate", 0.4}, {"standard_error", 1e-90}}})),
            "monitoring.looks[0].standard_error = 1e-90 gives z = 4e+89 with the estimate 0.4, outside [-1e6, 1e6]");
  // z = 0.5 / (1e-90 sqrt(2 / 30)) = 1.93649e90.
  EXPECT_EQ(error(json::array({{{"treatment", arm(30, 0.6, 1e-90)}, {"control", arm(30, 0.1, 1e-90)}}})),
            "monitoring.looks[0]: the arms' means and sds give z = 1.93649e+90, outside [-1e6, 1e6]; check the arms' "
            "n, means and sds");
  // Beyond a plan's 1e9 patients an arm's n is refused: 1e200 gave z = nan
  // (the pooled variance's sums overflowed), blamed on the sds.
  EXPECT_EQ(error(json::array({{{"treatment", arm(1e200, 0.6, 1.0)}, {"control", arm(1e200, 0.1, 1.0)}}})),
            "monitoring.looks[0].treatment.n = 1e+200 must be at most 1e9 patients");
  EXPECT_EQ(error(json::array({{{"patients", 2e9}, {"z", 1.0}}})),
            "monitoring.looks[0].patients = 2e+09 must be at most 1e9 patients");
  // Values beyond 1e100 in the outcome's unit (their squares overflowed:
  // repeated confidence intervals of -inf to inf) are refused.
  EXPECT_EQ(error(json::array({{{"patients", 60}, {"estimate", 0.4}, {"standard_error", 1e-300}}})),
            "monitoring.looks[0].standard_error = 1e-300 must lie in [1e-100, 1e100]: give the outcome in a unit "
            "that brings it there");
  EXPECT_EQ(error(json::array({{{"treatment", arm(30, 0.6, 1e300)}, {"control", arm(30, 0.1, 1.0)}}})),
            "monitoring.looks[0].treatment.sd = 1e+300 must lie in [1e-100, 1e100]: give the outcome in a unit "
            "that brings it there");
  EXPECT_EQ(error(json::array({{{"treatment", arm(30, 2e100, 1.0)}, {"control", arm(30, 0.1, 1.0)}}})),
            "monitoring.looks[0].treatment.mean = 2e+100 must lie in [-1e100, 1e100]: give the outcome in a unit "
            "that brings it there");
  // The monitor's rule on the planned information is named by the endpoint's
  // key (it named monitoring.planned_events, which an endpoint does not have).
  try {
    (void)monitor(kMeans, 1e300, kMeansLooks);
    ADD_FAILURE() << "1e300 planned patients were taken";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()).rfind("monitoring.planned_patients = 1e+300 exceeds a million times the first "
                                          "look's 60 patients",
                                          0),
              0u)
        << e.what();
  }
  EXPECT_EQ(error(json::array({{{"patients", 60}, {"z", 1e7}}})),
            "monitoring.looks[0].z = 1e+07 must lie in [-1e6, 1e6]");
  // Patients are whole; looks closer than a millionth of the information
  // are refused among whole numbers too (100 million patients, then one more).
  EXPECT_EQ(error(json::array({{{"patients", 60}, {"z", 1.0}}, {{"patients", 60.00001}, {"z", 2.0}}})),
            "monitoring.looks[1].patients = 60.00001 must be a whole number of patients");
  EXPECT_EQ(error(json::array({{{"patients", 100000000}, {"z", 1.0}}, {{"patients", 100000001}, {"z", 2.0}}})),
            "monitoring.looks[1].patients = 100000001 must exceed the previous look's 1e+08 patients by at least 100");
}

}  // namespace
}  // namespace gsd::endpoint_monitor_test

namespace gsd::endpoint_monitor_test {
namespace {

// The entry point of the R and Python packages: run(config, monitor) is the
// workflow's JSON, with the natural-scale keys.
TEST(EndpointMonitor, RunGivesTheMonitoringJson) {
  const json config = {
      {"design", {{"alpha", 0.025}, {"information_fractions", {1.0 / 3.0, 2.0 / 3.0, 1.0}},
                  {"efficacy", {{"spending", "lan-demets-obf"}}}}},
      {"endpoint", kMeans},
      {"monitoring", {{"planned_patients", 180}, {"looks", kMeansLooks}}}};
  const json out = run(config, Command::kMonitor);
  EXPECT_EQ(out, to_json(monitor_trial(load_trial(config))));
  const json& m = out.at("monitoring");
  EXPECT_EQ(m.at("effect_scale"), "mean difference");
  EXPECT_EQ(m.at("looks")[1].at("decision"), "stop-efficacy");
  EXPECT_NEAR(m.at("looks")[1].at("repeated_ci_effect")[0].get<double>(), 0.02987536076, kAbs);
  EXPECT_NEAR(m.at("final").at("ci_effect")[1].get<double>(), 0.866713863, kAbs);
  EXPECT_NEAR_REL(m.at("final").at("median_unbiased_effect").get<double>(), 0.4997246938, kRel);
}

}  // namespace
}  // namespace gsd::endpoint_monitor_test
