// Invariants over thousands of random valid configs (fixed seeds): what must
// hold for every input, not just the cited cases. Each property is checked
// through the public API on configs as a user would write them:
//  - every number in the output JSON is finite (null where none exists);
//  - a config either solves or is refused as bad input (never a numerical
//    failure or another exception), also after random damage;
//  - the inflation factor is >= 1 and the cumulative alpha non-decreasing;
//  - efficacy bounds fall as alpha rises;
//  - power rises with events and with patients;
//  - scaling every time in the survival model (a change of time unit)
//    leaves power unchanged;
//  - swapping the arms (the hazard ratio of a look inverted) flips z and
//    mirrors a two-sided design's decision.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "gsd/design.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"

namespace gsd::invariants_test {
namespace {

using nlohmann::json;

double uniform(std::mt19937_64& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}

std::size_t pick(std::mt19937_64& rng, std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

// A random valid design section.
json random_design(std::mt19937_64& rng) {
  const int sided = pick(rng, 2) == 0 ? 1 : 2;
  json d = {{"alpha", std::exp(uniform(rng, std::log(1e-4), std::log(0.2)))},
            {"beta", uniform(rng, 0.05, 0.4)},
            {"sided", sided}};
  const std::size_t k = 1 + pick(rng, 8);
  std::vector<double> t(k);
  double total = 0.0;
  for (double& x : t) total += (x = uniform(rng, 0.2, 1.0));
  double acc = 0.0;
  for (double& x : t) x = (acc += x) / total;
  t.back() = 1.0;
  d["information_fractions"] = t;
  static const std::vector<json> families = {
      {{"spending", "lan-demets-obf"}},
      {{"spending", "lan-demets-pocock"}},
      {{"spending", "hsd"}, {"parameter", -4}},
      {{"spending", "hsd"}, {"parameter", 1}},
      {{"spending", "power"}, {"parameter", 3}},
      {{"spending", "obrien-fleming"}},
      {{"spending", "pocock"}},
      {{"spending", "wang-tsiatis"}, {"parameter", 0.25}}};
  d["efficacy"] = families[pick(rng, families.size())];
  const std::string name = d["efficacy"]["spending"].get<std::string>();
  const bool spending = name != "obrien-fleming" && name != "pocock" && name != "wang-tsiatis";
  if (sided == 1 && k > 1 && pick(rng, 3) == 0) {
    d["futility"] = {{"spending", "hsd"}, {"parameter", -2}, {"binding", spending && pick(rng, 2) == 0}};
  }
  return d;
}

// Every number in `j` is finite.
void expect_finite(const json& j, const std::string& path, const std::string& config) {
  if (j.is_number_float()) {
    EXPECT_TRUE(std::isfinite(j.get<double>())) << path << " in " << config;
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) expect_finite(value, path + "." + key, config);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      expect_finite(j[i], path + "[" + std::to_string(i) + "]", config);
    }
  }
}

json solve(const json& config) { return to_json(design_trial(load_trial(config))); }

TEST(Invariants, RandomDesignsSolveWithFiniteMonotoneOutput) {
  std::mt19937_64 rng(20261201);
  for (int n = 0; n < 2000; ++n) {
    const json config = {{"design", random_design(rng)}};
    json out;
    try {
      out = solve(config);
    } catch (const InvalidInput& e) {
      // A valid-looking combination may still break a rule (e.g. binding
      // futility with a classical family): bad input, not a failure.
      continue;
    }
    expect_finite(out, "", config.dump());
    const json& b = out["boundaries"];
    EXPECT_GE(b["inflation_factor"].get<double>(), 1.0) << config.dump();
    double previous = 0.0;
    for (const auto& look : b["looks"]) {
      const double a = look["cumulative_alpha"].get<double>();
      EXPECT_GE(a, previous - 1e-15) << config.dump();
      previous = a;
    }
  }
}

TEST(Invariants, EfficacyBoundsFallAsAlphaRises) {
  std::mt19937_64 rng(7);
  for (int n = 0; n < 500; ++n) {
    json design = random_design(rng);
    design.erase("futility");
    const double alpha = design["alpha"].get<double>();
    json larger = design;
    larger["alpha"] = std::min(alpha * 1.5, 0.3);
    const json lo = solve({{"design", design}})["boundaries"]["looks"];
    const json hi = solve({{"design", larger}})["boundaries"]["looks"];
    for (std::size_t k = 0; k < lo.size(); ++k) {
      EXPECT_LT(hi[k]["efficacy_z"].get<double>(), lo[k]["efficacy_z"].get<double>())
          << "look " << k + 1 << " of " << design.dump();
    }
  }
}

// Damaged configs: a random field replaced by a random value. The answer is
// a result or InvalidInput, never a numerical failure or another exception.
TEST(Invariants, DamagedConfigsAreSolvedOrRefusedAsBadInput) {
  std::mt19937_64 rng(99);
  const std::vector<json> values = {0,     -1,   1e-300, 1e300, 0.5,  1, 2,   -0.0, "x",
                                    nullptr, true, json::array(), json::object(), 1e-12, 25, 26};
  int refused = 0;
  for (int n = 0; n < 2000; ++n) {
    json config = {{"design", random_design(rng)}};
    json& d = config["design"];
    const std::vector<std::string> keys = {"alpha", "beta", "sided", "information_fractions",
                                           "efficacy", "futility"};
    const std::string key = keys[pick(rng, keys.size())];
    const json value = values[pick(rng, values.size())];
    if (key == "information_fractions" && pick(rng, 2) == 0 && d[key].size() > 1) {
      d[key][pick(rng, d[key].size())] = value;
    } else if ((key == "efficacy" || key == "futility") && d.contains(key) && pick(rng, 2) == 0) {
      d[key]["parameter"] = value;
    } else {
      d[key] = value;
    }
    try {
      expect_finite(solve(config), "", config.dump());
    } catch (const InvalidInput&) {
      ++refused;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not bad input: " << e.what() << " for " << config.dump();
    }
  }
  EXPECT_GT(refused, 500);  // the damage is mostly caught, not ignored
}

// The seed trial's survival model with random parameters (patients and
// events given: power is solved).
json random_survival(std::mt19937_64& rng) {
  // At most 40% cured: 200 patients can produce 120 events, more than any
  // count asked of them below.
  return {{"control", {{"cure_fraction", uniform(rng, 0.0, 0.4)},
                       {"median_noncured", uniform(rng, 4.0, 24.0)}}},
          {"hazard_ratio_noncured", uniform(rng, 0.5, 0.85)},
          {"accrual", {{"duration", uniform(rng, 12.0, 48.0)}}},
          {"patients", 200},
          {"events", 70}};
}

double power(const json& design, const json& survival) {
  return solve({{"design", design}, {"survival", survival}})["sample_size"]["power"].get<double>();
}

TEST(Invariants, PowerRisesWithEventsAndPatients) {
  std::mt19937_64 rng(11);
  for (int n = 0; n < 25; ++n) {
    json design = random_design(rng);
    design.erase("futility");
    // Without a cure fraction and far below the event limit: a cure model
    // near its limit reaches the last events late, at the calendar cap,
    // where power may fall with more events.
    json s = random_survival(rng);
    s["control"]["cure_fraction"] = 0.0;
    const double base = power(design, s);
    json more_events = s;
    more_events["events"] = 85;
    EXPECT_GT(power(design, more_events), base) << s.dump() << design.dump();
    json more_patients = s;  // the same share of patients with an event
    more_patients["patients"] = 300;
    more_patients["events"] = 105;
    EXPECT_GT(power(design, more_patients), base) << s.dump() << design.dump();
  }
}

// Months to weeks: every time (medians, accrual) times 52/12. The power is a
// function of the model, not of its unit; the event-driven power is solved
// to about 1e-8 in its look times.
TEST(Invariants, ChangingTheTimeUnitLeavesPowerUnchanged) {
  std::mt19937_64 rng(13);
  const double weeks_per_month = 52.0 / 12.0;
  for (int n = 0; n < 15; ++n) {
    json design = random_design(rng);
    design.erase("futility");
    json months = random_survival(rng);
    months["time_unit"] = "months";
    json weeks = months;
    weeks["time_unit"] = "weeks";
    weeks["control"]["median_noncured"] =
        months["control"]["median_noncured"].get<double>() * weeks_per_month;
    weeks["accrual"]["duration"] = months["accrual"]["duration"].get<double>() * weeks_per_month;
    EXPECT_NEAR(power(design, weeks), power(design, months), 1e-7) << months.dump();
  }
}

// A look entered as a hazard ratio, and the same look with the arms swapped
// (1 / HR): z changes sign, a two-sided design's bound is the same and its
// decision mirrored (stop-efficacy and stop-harm trade places).
TEST(Invariants, SwappingTheArmsFlipsZAndKeepsTheTwoSidedResult) {
  std::mt19937_64 rng(17);
  for (int n = 0; n < 200; ++n) {
    json design = random_design(rng);
    design.erase("futility");
    design["sided"] = 2;
    const double hr = uniform(rng, 0.6, 1.4);
    const double events = std::round(uniform(rng, 20.0, 80.0));
    auto monitor = [&](double h) {
      const json config = {{"design", design},
                           {"monitoring", {{"planned_events", 100},
                                           {"looks", {{{"events", events}, {"hazard_ratio", h}}}}}}};
      return to_json(monitor_trial(load_trial(config)))["monitoring"]["looks"][0];
    };
    const json a = monitor(hr);
    const json b = monitor(1.0 / hr);
    EXPECT_NEAR(a["z"].get<double>(), -b["z"].get<double>(), 1e-12);
    EXPECT_NEAR(a["efficacy_z"].get<double>(), b["efficacy_z"].get<double>(), 1e-12);
    const auto mirror = [](const std::string& d) {
      return d == "stop-efficacy" ? std::string("stop-harm")
                                  : d == "stop-harm" ? std::string("stop-efficacy") : d;
    };
    EXPECT_EQ(a["decision"].get<std::string>(), mirror(b["decision"].get<std::string>()))
        << design.dump() << " HR " << hr;
  }
}

}  // namespace
}  // namespace gsd::invariants_test
