// The JSON of a survival test: its echo as the configuration gives it, and
// sample_size.test of a design with a weighted log-rank, MaxCombo, RMST or
// milestone test. See json_survival_test.hpp.
#include "json_survival_test.hpp"

#include "gsd/presentation.hpp"
#include "json_km_contrast.hpp"

namespace gsd::detail {

namespace {

using nlohmann::json;

// sample_size.test.sizing: what a test sized for its power needed.
json test_sizing_json(const survival::TestSizing& s) {
  return {{"solved_for", solved_for(s.mode)},
          {"patients", s.patients},
          {"events", s.events},
          {"patients_unrounded", s.patients_unrounded},
          {"events_unrounded", s.events_unrounded},
          {"power_unrounded", s.power_unrounded},
          {"power_error", s.power_error},
          {"size_error", s.size_error},
          {"evaluations", s.evaluations}};
}

// A MaxCombo test: its tests and seed, its power and looks beside the
// log-rank's (sample_size.power is then that power; log_rank_power keeps the
// plan's), and its tests' correlation.
json maxcombo_json(const DesignResult& result) {
  const survival::MaxComboPower& m = *result.maxcombo;
  json tests = json::array();
  for (const survival::LogRankWeight& w : m.tests) tests.push_back({w.rho, w.gamma});
  json j{{"type", "maxcombo"},
         {"tests", tests},
         {"seed", m.mvn.seed},
         {"power", m.power},
         {"power_error", m.power_error},
         {"log_rank_power", result.sample_size->plan.power},
         {"log_rank_power_fixed_times", result.sample_size->plan.power_fixed_times},
         {"mvn_tolerance", m.mvn.abs_tolerance}};
  json looks = json::array();
  for (const survival::MaxComboLook& l : m.looks) {
    looks.push_back({{"events", l.events},
                     {"calendar_time", l.calendar_time},
                     {"event_fraction", l.event_fraction},
                     {"spending_fraction", l.spending_fraction},
                     {"information_fraction", l.information_fraction},
                     {"mean_z", l.mean_z},
                     {"cumulative_alpha", l.cumulative_alpha},
                     {"efficacy_z", l.efficacy_z},
                     {"alpha_error", l.alpha_error},
                     {"efficacy_z_error", l.efficacy_z_error},
                     {"crossing", l.crossing},
                     {"cumulative_crossing", l.cumulative_crossing},
                     {"power_error", l.power_error}});
  }
  j["looks"] = looks;
  j["correlation"] = m.correlation;
  if (result.test_sizing) j["sizing"] = test_sizing_json(*result.test_sizing);
  return j;
}

// A test as the config gives it: type, parameters and spending scale.
json test_echo_json(const survival::LogRankWeight& weight, survival::SpendingScale scale) {
  json j;
  if (weight.is_log_rank()) return {{"type", "log-rank"}};
  if (weight.family == survival::WeightFamily::kMagirrBurman) {
    j["type"] = "magirr-burman";
    j["t_star"] = weight.t_star;
  } else {
    j["type"] = "fleming-harrington";
    j["rho"] = weight.rho;
    j["gamma"] = weight.gamma;
  }
  j["spending_scale"] = spending_scale_name(scale);
  return j;
}

}  // namespace

const char* spending_scale_name(survival::SpendingScale scale) {
  return scale == survival::SpendingScale::kEvents ? "events" : "variance";
}

json test_echo_json(const survival::SurvivalTest& test) {
  if (test.is_km_contrast()) {
    const bool rmst = test.kind == survival::TestKind::kRmst;
    return {{"type", rmst ? "rmst" : "milestone"},
            {rmst ? "tau" : "time", test.horizon},
            {"spending_scale", spending_scale_name(test.scale)}};
  }
  if (test.kind != survival::TestKind::kMaxCombo) return test_echo_json(test.weight, test.scale);
  json tests = json::array();
  for (const survival::LogRankWeight& w : test.combo) tests.push_back({w.rho, w.gamma});
  return {{"type", "maxcombo"}, {"tests", tests}, {"seed", test.seed}};
}

json survival_test_json(const DesignResult& result) {
  if (result.maxcombo) return maxcombo_json(result);
  if (result.km_contrast) return km_contrast_json(result);
  if (!result.test) return {{"type", "log-rank"}};
  const survival::WeightedLogRankPower& t = *result.test;
  json j = test_echo_json(t.weight, t.scale);
  j["power"] = t.power;
  j["log_rank_power"] = result.sample_size->plan.power;
  j["log_rank_power_fixed_times"] = result.sample_size->plan.power_fixed_times;
  json looks = json::array();
  for (const survival::WeightedLook& l : t.looks) {
    looks.push_back({{"events", l.events},
                     {"calendar_time", l.calendar_time},
                     {"event_fraction", l.event_fraction},
                     {"information_fraction", l.information_fraction},
                     {"spending_fraction", l.spending_fraction},
                     {"mean_z", l.mean_z},
                     {"variance_ratio", l.moments.variance_ratio()},
                     {"efficacy_z", l.efficacy_z},
                     {"crossing", l.crossing},
                     {"cumulative_crossing", l.cumulative_crossing}});
  }
  j["looks"] = looks;
  if (result.test_sizing) j["sizing"] = test_sizing_json(*result.test_sizing);
  return j;
}

}  // namespace gsd::detail
