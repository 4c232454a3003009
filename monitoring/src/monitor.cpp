#include "gsd/monitoring/monitor.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "gsd/monitoring/conditional_power.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

namespace {

void check_span(const MonitoringPlan& plan, std::span<const ObservedLook> looks) {
  std::vector<double> events;
  for (const ObservedLook& look : looks) events.push_back(look.events);
  check_event_span(plan.planned_events, events);
}

void check_look(const std::vector<LookResult>& done, const ObservedLook& look, std::size_t k) {
  const FieldPath path{"looks", k};
  check_z(path.key("z"), look.z);
  if (done.empty()) return;
  const LookResult& last = done.back();
  if (last.decision != Decision::kContinue) {
    std::ostringstream rule;
    rule << "comes after the trial stopped at look " << k << " (" << last.look.events
         << " events); a stopped trial takes no further looks";
    throw InvalidInput(path.key("events"), format_input(look.events), rule.str());
  }
}

// The decision at one look (the words for it are the engine's presentation).
void decide(LookResult& r, const MonitoringPlan& plan) {
  const double z = r.look.z;
  const double b = r.efficacy_z;
  const bool two_sided = plan.design.sided == Sidedness::kTwoSidedSymmetric;
  const bool binding = plan.design.futility && plan.design.futility->binding;
  // A two-sided design's futility bound stops when |z| is below it.
  const bool futility_hit =
      r.futility_z && (two_sided ? std::fabs(z) < *r.futility_z : z <= *r.futility_z);
  if (z >= b) {
    r.decision = Decision::kStopEfficacy;
  } else if ((two_sided && z <= -b) || (r.harm_z && z <= *r.harm_z)) {
    r.decision = Decision::kStopHarm;
  } else if (binding && futility_hit) {
    r.decision = Decision::kStopFutility;
  } else if (r.final_analysis) {
    r.decision = Decision::kStopFutility;
  } else {
    r.decision = Decision::kContinue;
  }
  r.futility_advice = !binding && futility_hit && r.decision == Decision::kContinue;
}

// The effect assumed for conditional power: a hazard ratio, or a model's means.
struct AssumedEffect {
  std::optional<double> theta;
};

ConditionalPower conditional(const LookResult& r, const MonitoringPlan& plan,
                             const AssumedEffect& effect) {
  const LookSchedule& s = r.schedule;
  ConditionalPower cp;
  cp.events.assign(s.events.begin() + static_cast<std::ptrdiff_t>(s.current) + 1, s.events.end());
  const double theta_hat = r.look.z / std::sqrt(r.information);
  if (effect.theta) {
    cp.assumed = conditional_power(s, plan.design, r.look.z, *effect.theta);
  } else {
    const std::vector<double> means = plan.model_means(s.events);
    if (means.size() != s.events.size()) {
      throw std::logic_error("model_means returned " + std::to_string(means.size()) +
                                  " means for " + std::to_string(s.events.size()) + " looks");
    }
    cp.assumed = conditional_power_for_means(s, plan.design, r.look.z, means);
  }
  cp.trend = conditional_power(s, plan.design, r.look.z, theta_hat);
  cp.null = conditional_power(s, plan.design, r.look.z, 0.0);
  cp.predictive = predictive_power(s, plan.design, r.look.z);
  return cp;
}

LookResult analyse(const MonitoringPlan& plan, std::span<const ObservedLook> looks, std::size_t k,
                   const AssumedEffect& effect) {
  std::vector<double> events;
  for (std::size_t j = 0; j <= k; ++j) events.push_back(looks[j].events);
  LookResult r;
  r.look = looks[k];
  r.schedule = schedule_at_look(plan, events, looks[k].final_analysis);
  const LookSchedule& s = r.schedule;
  r.information = s.information[k];
  r.information_fraction = r.look.events / plan.planned_events;
  r.efficacy_z = s.efficacy[k];
  r.futility_z = s.futility[k];
  r.harm_z = s.harm[k];
  r.nominal_p_one_sided = normal_upper_tail(r.efficacy_z);
  r.cumulative_alpha = s.cumulative_alpha[k];
  r.final_analysis = s.current_is_final();
  decide(r, plan);
  r.hazard_ratio = hazard_ratio_from_z(r.look.z, r.information, plan.null_hazard_ratio);
  r.repeated_ci_hazard_ratio = monitoring::repeated_ci_hazard_ratio(s, r.look.z, plan.null_hazard_ratio);
  r.repeated_p_value = monitoring::repeated_p_value(plan, s, r.look.z);
  if (r.decision == Decision::kContinue) r.conditional_power = conditional(r, plan, effect);
  return r;
}

}  // namespace

void check_event_span(double planned_events, std::span<const double> events) {
  const auto rule = [](const std::string& base) {
    return "exceeds a million times " + base + " events, the widest span gsd monitors; check the events";
  };
  const double first = events.front();
  const std::string first_look = "the first look's " + format_input(first);
  const std::string planned = "the " + format_input(planned_events) + " planned";
  for (std::size_t k = 0; k < events.size(); ++k) {
    const FieldPath path = FieldPath{"looks", k}.key("events");
    if (events[k] > first * kMaxEventSpan) throw InvalidInput(path, format_input(events[k]), rule(first_look));
    // And the other way: a look past a million times the planned events (a
    // first look of 1e300 events against 94 planned printed a 300-digit
    // information and a confidence interval of width 0).
    if (events[k] > planned_events * kMaxEventSpan) {
      throw InvalidInput(path, format_input(events[k]), rule(planned));
    }
  }
  if (planned_events > first * kMaxEventSpan) {
    throw InvalidInput({"planned_events"}, format_input(planned_events), rule(first_look));
  }
}

MonitoringResult monitor(const MonitoringPlan& plan, std::span<const ObservedLook> looks) {
  plan.validate();
  if (looks.empty()) throw InvalidInput({"looks"}, "[]", "must hold at least one look");
  MonitoringResult out;
  out.planned = compute_design(plan.design);
  AssumedEffect effect;
  if (plan.assumed_hazard_ratio) {
    out.assumed_hazard_ratio = *plan.assumed_hazard_ratio;
    out.effect_source = EffectSource::kAssumedHazardRatio;
  } else if (plan.model_means) {
    out.effect_source = EffectSource::kModelMeans;
  } else {
    // The design alternative: drift = theta sqrt(I_max).
    const double i_max = log_rank_information(plan.planned_events, plan.allocation_ratio);
    out.assumed_hazard_ratio = plan.null_hazard_ratio * std::exp(-out.planned.drift / std::sqrt(i_max));
    out.effect_source = EffectSource::kDesignAlternative;
  }
  if (out.assumed_hazard_ratio) effect.theta = -std::log(*out.assumed_hazard_ratio / plan.null_hazard_ratio);
  for (std::size_t k = 0; k < looks.size(); ++k) within(FieldPath{"looks", k}, [&] { check_look_events(looks[k].events); });
  check_span(plan, looks);
  for (std::size_t k = 0; k < looks.size(); ++k) {
    check_look(out.looks, looks[k], k);
    out.looks.push_back(analyse(plan, looks, k, effect));
  }
  const LookResult& last = out.looks.back();
  if (last.decision != Decision::kContinue) {
    const bool binding = plan.design.futility && plan.design.futility->binding;
    std::vector<double> information;
    std::vector<double> efficacy;
    std::vector<double> futility;
    std::vector<double> harm;
    for (const LookResult& r : out.looks) {
      // Like a futility bound, a harm bound ends paths only when binding.
      if (plan.design.binding_harm()) harm.push_back(r.harm_z.value_or(-std::numeric_limits<double>::infinity()));
      information.push_back(r.information);
      efficacy.push_back(r.efficacy_z);
      if (binding) futility.push_back(r.futility_z.value_or(-std::numeric_limits<double>::infinity()));
    }
    out.final_inference = stagewise_inference(plan, information, efficacy, futility, last.look.z, harm);
  }
  return out;
}

}  // namespace gsd::monitoring
