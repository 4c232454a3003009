// What gsd monitor writes alike for a log-rank design and for a normal or
// binary endpoint. See json_monitored_look.hpp.
#include "json_monitored_look.hpp"

#include <optional>

#include "gsd/presentation.hpp"
#include "json_values.hpp"

namespace gsd::detail {

namespace {

using nlohmann::json;

// Conditional power at a look and at each remaining look; `planned` is the
// planned final value of what the looks count.
json conditional_json(const monitoring::LookResult& r, double planned, const char* count_key) {
  json out = json::object();
  if (!r.conditional_power) {
    for (const char* key : {"conditional_power", "conditional_power_trend",
                            "conditional_rejection_probability", "predictive_power"}) {
      out[key] = nullptr;
    }
    out["remaining_looks"] = json::array();
    return out;
  }
  const auto& cp = *r.conditional_power;
  out["conditional_power"] = cp.assumed.back();
  out["conditional_power_trend"] = cp.trend.back();
  out["conditional_rejection_probability"] = cp.null.back();
  out["predictive_power"] = cp.predictive;
  json remaining = json::array();
  const auto& s = r.schedule;
  for (std::size_t j = 0; j < cp.events.size(); ++j) {
    const std::size_t at = s.current + 1 + j;
    remaining.push_back({{count_key, cp.events[j]},
                         {"information_fraction", cp.events[j] / planned},
                         {"efficacy_z", finite_or_null(s.efficacy[at])},
                         {"futility_z", optional_json(s.futility[at])},
                         {"conditional_power", cp.assumed[j]},
                         {"conditional_power_trend", cp.trend[j]},
                         {"conditional_power_null", cp.null[j]}});
  }
  out["remaining_looks"] = remaining;
  return out;
}

}  // namespace

json decision_json(const monitoring::LookResult& r, const monitoring::MonitoringPlan& plan,
                   const char* count_key) {
  json look;
  look["information_fraction"] = r.information_fraction;
  look["efficacy_z"] = finite_or_null(r.efficacy_z);
  look["futility_z"] = optional_json(r.futility_z);
  look["nominal_p_one_sided"] = r.nominal_p_one_sided;
  if (plan.design.sided == spending::Sidedness::kTwoSidedSymmetric) {
    look["nominal_p_two_sided"] = 2.0 * r.nominal_p_one_sided;
  }
  look["cumulative_alpha"] = r.cumulative_alpha;
  look["final_analysis"] = r.final_analysis;
  look["decision"] = decision_name(r.decision);
  look["reason"] = decision_reason(r, plan, count_key);
  const std::optional<std::string> advice = futility_advice(r);
  look["advice"] = advice ? json(*advice) : json(nullptr);
  look["repeated_p_value"] = r.repeated_p_value;
  look.update(conditional_json(r, plan.planned_events, count_key));
  return look;
}

json final_json(const monitoring::FinalInference& f, const std::string& effect, double lower, double upper,
                double median_unbiased) {
  return {{"look", f.stop_look + 1},
          {"ordering", "stage-wise"},
          {"p_value", reported_p_value(f.p_value)},
          {"ci_" + effect, {lower, upper}},
          {"confidence_level", f.confidence_level},
          {"median_unbiased_" + effect, median_unbiased}};
}

}  // namespace gsd::detail
