#include "json_km_contrast.hpp"

#include "json_survival_test.hpp"
#include "json_values.hpp"

namespace gsd::detail {
namespace {

using nlohmann::json;

json looks_json(const survival::KmContrastPower& p) {
  json looks = json::array();
  for (const survival::KmContrastLook& l : p.looks) {
    looks.push_back({{"events", l.events},
                     {"calendar_time", l.calendar_time},
                     {"event_fraction", l.event_fraction},
                     {"maximum_follow_up", l.maximum_follow_up},
                     {"information_fraction", l.information_fraction},
                     {"spending_fraction", l.spending_fraction},
                     {"estimate", l.moments.estimate},
                     {"control", l.moments.control_value},
                     {"treatment", l.moments.treatment_value},
                     {"standard_error", l.standard_error},
                     {"mean_z", l.mean_z},
                     {"efficacy_z", finite_or_null(l.efficacy_z)},
                     {"estimate_at_bound", finite_or_null(l.efficacy_z * l.standard_error)},
                     {"crossing", l.crossing},
                     {"cumulative_crossing", l.cumulative_crossing}});
  }
  return looks;
}

}  // namespace

json km_contrast_json(const DesignResult& result) {
  const survival::KmContrastPlan& plan = *result.km_contrast;
  const survival::KmContrastPower& p = plan.at_plan;
  const bool rmst = p.contrast.kind == survival::KmContrast::Kind::kRmst;
  json j{{"type", rmst ? "rmst" : "milestone"},
         {p.contrast.parameter(), p.contrast.horizon},
         {"spending_scale", spending_scale_name(p.scale)},
         {"power", p.power},
         {"log_rank_power", result.sample_size->plan.power},
         {"log_rank_power_fixed_times", result.sample_size->plan.power_fixed_times}};
  j["looks"] = looks_json(p);
  if (plan.sized) {
    j["sized"] = {{"patients", plan.sized->patients},
                  {"events", plan.sized->events},
                  {"patients_unrounded", plan.patients_unrounded},
                  {"power", plan.sized->power},
                  {"looks", looks_json(*plan.sized)}};
  } else {
    j["sized"] = nullptr;
  }
  return j;
}

}  // namespace gsd::detail
