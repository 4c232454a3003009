#include "gsd/engine/monitoring/monitor.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "gsd/engine/monitoring/conditional_power.hpp"
#include "gsd/engine/monitoring/look_statistic.hpp"
#include "gsd/integration/normal.hpp"

namespace gsd::monitoring {

namespace {

std::string fmt(const char* format, double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, x);
  return buffer;
}

std::string look_name(std::size_t k) { return "looks[" + std::to_string(k) + "]"; }

void check_look(const std::vector<LookResult>& done, const ObservedLook& look, std::size_t k) {
  if (!std::isfinite(look.z)) {
    throw std::invalid_argument(look_name(k) + ".z = " + fmt("%g", look.z) + " must be finite");
  }
  if (done.empty()) return;
  const LookResult& last = done.back();
  if (last.decision != Decision::kContinue) {
    std::ostringstream out;
    out << look_name(k) << ".events = " << look.events << " comes after the trial stopped at "
        << look_name(k - 1) << " (" << to_string(last.decision) << " at " << last.look.events
        << " events); a stopped trial takes no further looks";
    throw std::invalid_argument(out.str());
  }
}

// Decision at one look, with the reason in words.
void decide(LookResult& r, const MonitoringPlan& plan) {
  const double z = r.look.z;
  const double b = r.efficacy_z;
  const bool two_sided = plan.design.sided == Sidedness::kTwoSidedSymmetric;
  const bool binding = plan.design.futility && plan.design.futility->binding;
  std::ostringstream at;
  at << r.look.events << " of " << plan.planned_events << " planned events";
  const std::string zs = "z = " + fmt("%.4f", z);
  if (z >= b) {
    r.decision = Decision::kStopEfficacy;
    r.reason = zs + " crossed the efficacy bound " + fmt("%.4f", b) + " (one-sided nominal p " +
               fmt("%.6g", r.nominal_p_one_sided) + ") at " + at.str() + ": stop for benefit";
  } else if (two_sided && z <= -b) {
    r.decision = Decision::kStopFutility;
    r.reason = zs + " crossed the lower bound " + fmt("%.4f", -b) +
               " of the two-sided design at " + at.str() +
               ": stop, the experimental arm is significantly worse";
  } else if (binding && r.futility_z && z <= *r.futility_z) {
    r.decision = Decision::kStopFutility;
    r.reason = zs + " is at or below the binding futility bound " + fmt("%.4f", *r.futility_z) +
               " at " + at.str() + ": stop for futility";
  } else if (r.final_analysis) {
    r.decision = Decision::kStopFutility;
    r.reason = "final analysis at " + at.str() + ": " + zs + " did not reach the final bound " +
               fmt("%.4f", b) + "; the null hypothesis is not rejected";
  } else {
    r.decision = Decision::kContinue;
    r.reason = zs + " is below the efficacy bound " + fmt("%.4f", b) + " at " + at.str() +
               ": continue to the next look at " +
               fmt("%g", r.schedule.events[r.schedule.current + 1]) + " events";
  }
  if (!binding && r.futility_z && z <= *r.futility_z && r.decision == Decision::kContinue) {
    r.advice = zs + " is at or below the non-binding futility bound " +
               fmt("%.4f", *r.futility_z) +
               ": the committee may consider stopping for futility (advisory; type I error is "
               "controlled either way)";
  }
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
      throw std::invalid_argument("model_means returned " + std::to_string(means.size()) +
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
  r.nominal_p_one_sided = normal_upper_tail(r.efficacy_z);
  r.cumulative_alpha = s.cumulative_alpha[k];
  r.final_analysis = s.current_is_final();
  decide(r, plan);
  r.hazard_ratio = hazard_ratio_from_z(r.look.z, r.information);
  r.repeated_ci_hazard_ratio = monitoring::repeated_ci_hazard_ratio(s, r.look.z);
  r.repeated_p_value = monitoring::repeated_p_value(plan, s, r.look.z);
  if (r.decision == Decision::kContinue) r.conditional_power = conditional(r, plan, effect);
  return r;
}

}  // namespace

const char* to_string(Decision decision) {
  switch (decision) {
    case Decision::kContinue:
      return "continue";
    case Decision::kStopEfficacy:
      return "stop-efficacy";
    case Decision::kStopFutility:
      return "stop-futility";
  }
  return "continue";
}

MonitoringResult monitor(const MonitoringPlan& plan, std::span<const ObservedLook> looks) {
  plan.validate();
  if (looks.empty()) throw std::invalid_argument("looks = [] must hold at least one look");
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
    out.assumed_hazard_ratio = std::exp(-out.planned.drift / std::sqrt(i_max));
    out.effect_source = EffectSource::kDesignAlternative;
  }
  if (out.assumed_hazard_ratio) effect.theta = -std::log(*out.assumed_hazard_ratio);
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
    for (const LookResult& r : out.looks) {
      information.push_back(r.information);
      efficacy.push_back(r.efficacy_z);
      if (binding) futility.push_back(r.futility_z.value_or(-std::numeric_limits<double>::infinity()));
    }
    out.final_inference = stagewise_inference(plan, information, efficacy, futility, last.look.z);
  }
  return out;
}

}  // namespace gsd::monitoring
