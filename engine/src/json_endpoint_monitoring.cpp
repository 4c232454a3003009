// The JSON of gsd monitor for a normal or binary endpoint: the survival
// keys with patients for events, and the natural scale ("effect") of the
// estimate, its bounds, repeated confidence interval and final inference.
#include <cmath>

#include "gsd/json.hpp"
#include "gsd/presentation.hpp"
#include "json_endpoint_monitoring.hpp"
#include "json_monitored_look.hpp"
#include "json_values.hpp"

namespace gsd::detail {

using nlohmann::json;

namespace {

json interval_json(const std::optional<endpoints::NaturalInterval>& i) {
  return i ? json::array({i->lower, i->upper}) : json(nullptr);
}

json arm_json(const endpoints::ArmSummary& a) {
  json j = {{"n", a.n}};
  if (a.mean) j["mean"] = *a.mean;
  if (a.sd) j["sd"] = *a.sd;
  if (a.responders) j["responders"] = *a.responders;
  return j;
}

json input_json(const EndpointLookInput& in) {
  const endpoints::LookData& d = in.data;
  json j = json::object();
  if (d.patients) j["patients"] = *d.patients;
  if (d.z) j["z"] = *d.z;
  if (d.estimate) j["estimate"] = *d.estimate;
  if (d.standard_error) j["standard_error"] = *d.standard_error;
  if (d.sample) j.update(arm_json(*d.sample));
  if (d.treatment) j["treatment"] = arm_json(*d.treatment);
  if (d.control) j["control"] = arm_json(*d.control);
  if (in.final_analysis) j["final"] = true;
  if (in.date) j["date"] = *in.date;
  if (in.note) j["note"] = *in.note;
  return j;
}

json look_json(const MonitoringReport& report, std::size_t k) {
  const monitoring::LookResult& r = report.result.looks[k];
  const EndpointMonitoring& ep = *report.endpoint;
  const EndpointLookReport& e = ep.looks[k];
  const endpoints::LookStatistic& s = e.statistic;
  json look = decision_json(r, report.plan, "patients");
  look["patients"] = s.patients;
  look["information"] = 1.0 / (s.standard_error * s.standard_error);
  look["efficacy_effect"] = optional_json(e.efficacy_effect);
  look["futility_effect"] = optional_json(e.futility_effect);
  look["z"] = s.z;
  look["effect"] = optional_json(s.estimate);
  look["effect_standard_error"] = s.standard_error;
  look["degrees_of_freedom"] = optional_json(s.degrees_of_freedom);
  look["input"] = input_json(ep.inputs[k]);
  look["repeated_ci_effect"] = interval_json(e.repeated_ci);
  return look;
}

}  // namespace

json endpoint_monitoring_json(const MonitoringReport& report) {
  const EndpointMonitoring& ep = *report.endpoint;
  const monitoring::MonitoringResult& result = report.result;
  json m;
  m["endpoint"] = endpoint_type_name(ep.spec.type);
  m["effect_scale"] = estimate_name(ep.spec);
  m["margin"] = ep.spec.null_value();
  m["planned_patients"] = ep.planned_patients;
  m["conditional_power_basis"] = "the endpoint's alternative";
  json looks = json::array();
  for (std::size_t k = 0; k < result.looks.size(); ++k) looks.push_back(look_json(report, k));
  m["looks"] = looks;
  if (result.final_inference && ep.final_inference) {
    const auto& f = *result.final_inference;
    const auto& n = *ep.final_inference;
    m["final"] = final_json(f, "effect", n.ci.lower, n.ci.upper, n.median_unbiased);
  } else {
    m["final"] = nullptr;
  }
  return result_document(report.name, "monitoring", m);
}

}  // namespace gsd::detail
