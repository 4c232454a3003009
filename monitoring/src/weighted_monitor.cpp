// A weighted test's looks through the log-rank monitor's schedule, with the
// information on the test's variance scale (weighted_monitor.hpp).
#include "gsd/monitoring/weighted_monitor.hpp"

#include <cmath>
#include <string>
#include <variant>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/information_step.hpp"

namespace gsd::monitoring {

namespace {

void validate(const WeightedMonitoringPlan& plan, std::span<const WeightedObservedLook> looks) {
  numerics::check_positive({"planned_variance"}, plan.planned_variance);
  numerics::check_positive({"planned_events"}, plan.planned_events);
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const numerics::FieldPath path = numerics::FieldPath{"looks", k}.key("variance");
    numerics::check_positive(path, looks[k].variance);
    if (k > 0 && !numerics::is_information_step(looks[k - 1].variance, looks[k].variance)) {
      numerics::fail(path, looks[k].variance,
                     numerics::information_step_rule("look's variance", looks[k - 1].variance, looks[k].variance));
    }
  }
}

}  // namespace

MonitoringPlan events_scale_plan(const WeightedMonitoringPlan& plan) {
  MonitoringPlan scaled;
  scaled.design = plan.design;
  scaled.planned_events = plan.planned_events;
  scaled.assumed_hazard_ratio = 1.0;
  return scaled;
}

double events_scale(const WeightedMonitoringPlan& plan, double variance) {
  return plan.planned_events * variance / plan.planned_variance;
}

std::vector<WeightedLookResult> monitor_weighted(const WeightedMonitoringPlan& plan,
                                                 std::span<const WeightedObservedLook> looks) {
  validate(plan, looks);
  // The log-rank monitor reads information as events / planned events; a
  // look's variance enters as the events at the same fraction.
  const MonitoringPlan scaled = events_scale_plan(plan);
  std::vector<ObservedLook> observed;
  for (const WeightedObservedLook& look : looks) {
    observed.push_back({events_scale(plan, look.variance), look.z, look.final_analysis});
  }
  MonitoringResult result;
  try {
    result = monitor(scaled, observed);
  } catch (const numerics::InvalidInput& e) {
    // The log-rank monitor names a look after a stop by the events it was
    // given, here the variance scaled to events: name the variance instead.
    const auto& parts = e.path().parts();
    const auto* index = parts.size() == 3 ? std::get_if<std::size_t>(&parts[1]) : nullptr;
    if (index && *index > 0 && e.rule().rfind("comes after the trial stopped", 0) == 0) {
      const std::size_t k = *index;
      throw numerics::InvalidInput(numerics::FieldPath{"looks", k, "variance"},
                                   numerics::format_input(looks[k].variance),
                                   "comes after the trial stopped at look " + std::to_string(k) + " (variance " +
                                       numerics::format_input(looks[k - 1].variance) +
                                       "); a stopped trial takes no further looks");
    }
    throw;
  }
  std::vector<WeightedLookResult> out;
  for (const LookResult& r : result.looks) {
    WeightedLookResult w;
    w.information_fraction = r.information_fraction;
    w.efficacy_z = r.efficacy_z;
    w.futility_z = r.futility_z;
    w.harm_z = r.harm_z;
    w.nominal_p_one_sided = r.nominal_p_one_sided;
    w.cumulative_alpha = r.cumulative_alpha;
    w.final_analysis = r.final_analysis;
    w.decision = r.decision;
    w.futility_advice = r.futility_advice;
    out.push_back(w);
  }
  return out;
}

}  // namespace gsd::monitoring
