// The JSON of gsd monitor for Simon's two-stage design: the design the trial
// runs, each look's counts and decision, the conditional chance of a
// promising end while stage 2 runs, and the exact inference once it ends.
#include <cmath>

#include "gsd/json.hpp"
#include "gsd/presentation.hpp"
#include "json_values.hpp"
#include "simon_design.hpp"

namespace gsd::detail {

using nlohmann::json;

namespace {

// The counts were checked whole (simon_monitoring_counts): written as
// integers, as they were typed.
json input_json(const SimonLookInput& in) {
  json j = {{"n", std::llround(in.n)}, {"responders", std::llround(in.responders)}};
  if (in.date) j["date"] = *in.date;
  if (in.note) j["note"] = *in.note;
  return j;
}

json look_json(const SimonMonitoring& m, std::size_t k) {
  const endpoints::SimonInferenceResult& r = m.looks[k];
  json look;
  look["look"] = k + 1;
  look["stage"] = k + 1;
  look["patients"] = r.patients;
  look["responders"] = r.responders;
  look["rate"] = r.observed_rate;
  look["decision"] = simon_decision_name(r.decision);
  look["verdict"] = simon_verdict(r.decision);
  look["reason"] = simon_look_reason(m, k);
  look["conditional_probability"] =
      r.conditional ? json{{"rate_h0", r.conditional->at_null},
                           {"rate_h1", r.conditional->at_alternative},
                           {"observed_rate", r.conditional->at_observed}}
                    : json(nullptr);
  look["input"] = input_json(m.inputs[k]);
  return look;
}

json final_json(const SimonMonitoring& m) {
  const endpoints::SimonInferenceResult& r = m.looks.back();
  return {{"look", m.looks.size()},
          {"ordering", "stage-wise"},
          {"p_value", r.p_value},
          {"ci_rate", {r.ci_lower, r.ci_upper}},
          {"confidence_level", r.confidence},
          {"median_unbiased_rate", r.median_unbiased},
          {"umvue_rate", r.umvue},
          {"observed_rate", r.observed_rate},
          {"planned_sizes", r.planned_sizes}};
}

}  // namespace

json simon_monitoring_json(const MonitoringReport& report) {
  const SimonMonitoring& m = *report.simon;
  const endpoints::SimonSpec& spec = m.plan.settings.spec;
  json out;
  out["design_type"] = "simon-two-stage";
  out["criterion"] = simon_criterion_name(m.plan.settings.criterion);
  out["rate_h0"] = spec.null_rate;
  out["rate_h1"] = spec.alternative_rate;
  out["alpha"] = spec.alpha;
  out["design"] = simon_design_json(m.design());
  json looks = json::array();
  for (std::size_t k = 0; k < m.looks.size(); ++k) looks.push_back(look_json(m, k));
  out["looks"] = looks;
  out["final"] = m.ended() ? final_json(m) : json(nullptr);
  out["warnings"] = simon_monitoring_warnings(m);
  json doc = result_document(report.name, "monitoring", out);
  doc["design_type"] = "simon-two-stage";
  return doc;
}

}  // namespace gsd::detail
