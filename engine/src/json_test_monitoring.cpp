// The JSON of a weighted log-rank or MaxCombo test's monitoring.
#include "json_test_monitoring.hpp"

#include "gsd/json.hpp"
#include "gsd/presentation.hpp"
#include "json_values.hpp"

namespace gsd::detail {

namespace {

using nlohmann::json;

json weighted_look_json(const monitoring::WeightedLookResult& r, const LookInput& input) {
  json look;
  look["events"] = count_json(input.events);
  look["z"] = input.z ? json(*input.z) : json(nullptr);
  look["variance"] = input.variance ? json(*input.variance) : json(nullptr);
  look["information_fraction"] = r.information_fraction;
  look["efficacy_z"] = finite_or_null(r.efficacy_z);
  look["futility_z"] = optional_json(r.futility_z);
  look["harm_z"] = optional_json(r.harm_z);
  look["nominal_p_one_sided"] = r.nominal_p_one_sided;
  look["cumulative_alpha"] = r.cumulative_alpha;
  look["final_analysis"] = r.final_analysis;
  look["decision"] = decision_name(r.decision);
  look["futility_advice"] = r.futility_advice;
  look["input"] = look_input_json(input);
  return look;
}

json maxcombo_look_json(const monitoring::MaxComboLookResult& r, const LookInput& input,
                        const survival::SurvivalTest& test) {
  json look;
  look["events"] = count_json(input.events);
  json tests = json::array();
  for (const TestLookInput& t : input.tests) tests.push_back({{"z", t.z}, {"variance", t.variance}});
  look["tests"] = tests;
  look["max_z"] = r.max_z;
  const survival::LogRankWeight& w = test.combo[r.max_test];
  look["max_test"] = json::array({w.rho, w.gamma});
  look["information_fraction"] = r.information_fraction;
  look["efficacy_z"] = finite_or_null(r.efficacy_z);
  look["alpha_error"] = r.alpha_error;
  look["efficacy_z_error"] = r.efficacy_z_error;
  look["refinements"] = r.refinements;
  look["within_error"] = r.within_error;
  look["nominal_p_one_sided"] = r.nominal_p_one_sided;
  look["nominal_p_error"] = r.nominal_p_error;
  look["cumulative_alpha"] = r.cumulative_alpha;
  look["final_analysis"] = r.final_analysis;
  look["decision"] = decision_name(r.decision);
  look["input"] = look_input_json(input);
  return look;
}

}  // namespace

json test_monitoring_json(const MonitoringReport& report) {
  const TestMonitoring& t = *report.test;
  json m;
  m["planned_events"] = t.planned_events;
  json looks = json::array();
  if (t.test.kind == survival::TestKind::kMaxCombo) {
    m["mvn_tolerance"] = t.mvn.abs_tolerance;
    for (std::size_t k = 0; k < t.maxcombo.size(); ++k) {
      looks.push_back(maxcombo_look_json(t.maxcombo[k], report.inputs[k], t.test));
    }
  } else {
    m["planned_variance"] = t.planned_variance;
    m["planned_variance_source"] = t.planned_variance_given ? "monitoring.planned_variance" : "plan";
    for (std::size_t k = 0; k < t.weighted.size(); ++k) {
      looks.push_back(weighted_look_json(t.weighted[k], report.inputs[k]));
    }
  }
  m["looks"] = looks;
  return result_document(report.name, "monitoring", m);
}

}  // namespace gsd::detail
