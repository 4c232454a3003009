#include "gsd/cli/monitoring_output.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <variant>

#include "gsd/cli/design_output.hpp"

namespace gsd::cli {

namespace {

using monitoring::LookResult;
using monitoring::MonitoringResult;
using nlohmann::json;

json finite_or_null(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json optional_json(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

std::string num(const char* format, double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, x);
  return buffer;
}

json conditional_json(const LookResult& r, double planned_events) {
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
    remaining.push_back({{"events", cp.events[j]},
                         {"information_fraction", cp.events[j] / planned_events},
                         {"efficacy_z", finite_or_null(s.efficacy[at])},
                         {"futility_z", optional_json(s.futility[at])},
                         {"conditional_power", cp.assumed[j]},
                         {"conditional_power_trend", cp.trend[j]},
                         {"conditional_power_null", cp.null[j]}});
  }
  out["remaining_looks"] = remaining;
  return out;
}

json look_json(const LookResult& r, const json& input, const monitoring::MonitoringPlan& plan) {
  const DesignSpec& spec = plan.design;
  json look;
  look["events"] = r.look.events;
  look["information_fraction"] = r.information_fraction;
  look["information"] = r.information;
  look["efficacy_z"] = finite_or_null(r.efficacy_z);
  look["futility_z"] = optional_json(r.futility_z);
  look["nominal_p_one_sided"] = r.nominal_p_one_sided;
  if (spec.sided == Sidedness::kTwoSidedSymmetric) {
    look["nominal_p_two_sided"] = 2.0 * r.nominal_p_one_sided;
  }
  look["cumulative_alpha"] = r.cumulative_alpha;
  look["z"] = r.look.z;
  look["input"] = input;
  look["final_analysis"] = r.final_analysis;
  look["decision"] = monitoring::to_string(r.decision);
  look["reason"] = r.reason;
  look["advice"] = r.advice ? json(*r.advice) : json(nullptr);
  look["hazard_ratio"] = r.hazard_ratio;
  look["repeated_ci_hazard_ratio"] =
      r.repeated_ci_hazard_ratio
          ? json::array({r.repeated_ci_hazard_ratio->lower, r.repeated_ci_hazard_ratio->upper})
          : json(nullptr);
  look["repeated_p_value"] = r.repeated_p_value;
  look.update(conditional_json(r, plan.planned_events));
  return look;
}

}  // namespace

std::string effect_basis(monitoring::EffectSource source) {
  switch (source) {
    case monitoring::EffectSource::kAssumedHazardRatio:
      return "monitoring.assumed_hazard_ratio";
    case monitoring::EffectSource::kModelMeans:
      return "the survival model's log-rank means at each look";
    case monitoring::EffectSource::kDesignAlternative:
      break;
  }
  return "design alternative (drift / sqrt(I_max))";
}

std::string describe_efficacy(const DesignSpec& spec) {
  if (const auto* f = std::get_if<SpendingFunction>(&spec.efficacy)) {
    return describe(*f) + " alpha-spending";
  }
  return describe(std::get<ClassicalBoundary>(spec.efficacy)) + " (classical)";
}

json monitoring_json(const MonitoringInput& in, const MonitoringResult& result) {
  json out;
  out["planned_events"] = in.plan.planned_events;
  out["allocation_ratio"] = in.plan.allocation_ratio;
  out["assumed_hazard_ratio"] = optional_json(result.assumed_hazard_ratio);
  out["conditional_power_basis"] = effect_basis(result.effect_source);
  json looks = json::array();
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    looks.push_back(look_json(result.looks[k], in.look_inputs[k], in.plan));
  }
  out["looks"] = looks;
  if (result.final_inference) {
    const auto& f = *result.final_inference;
    out["final"] = {{"look", f.stop_look + 1},
                    {"ordering", "stage-wise"},
                    {"p_value", f.p_value},
                    {"ci_hazard_ratio", {f.ci_hazard_ratio.lower, f.ci_hazard_ratio.upper}},
                    {"confidence_level", f.confidence_level},
                    {"median_unbiased_hazard_ratio", f.median_unbiased_hazard_ratio}};
  } else {
    out["final"] = nullptr;
  }
  return out;
}

std::string monitoring_csv(const MonitoringResult& result) {
  std::ostringstream out;
  out.precision(10);
  out << "look,events,information_fraction,z,efficacy_z,futility_z,nominal_p_one_sided,"
         "cumulative_alpha,decision,hazard_ratio,repeated_ci_lower,repeated_ci_upper,"
         "repeated_p_value,conditional_power,conditional_power_trend,predictive_power\n";
  auto opt = [&out](const std::optional<double>& x) {
    if (x) out << *x;
  };
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    const auto& ci = r.repeated_ci_hazard_ratio;
    const auto& cp = r.conditional_power;
    out << k + 1 << ',' << r.look.events << ',' << r.information_fraction << ',' << r.look.z << ',';
    if (std::isfinite(r.efficacy_z)) out << r.efficacy_z;
    out << ',';
    opt(r.futility_z);
    out << ',' << r.nominal_p_one_sided << ',' << r.cumulative_alpha << ','
        << monitoring::to_string(r.decision) << ',' << r.hazard_ratio << ',';
    opt(ci ? std::optional<double>(ci->lower) : std::nullopt);
    out << ',';
    opt(ci ? std::optional<double>(ci->upper) : std::nullopt);
    out << ',' << r.repeated_p_value << ',';
    opt(cp ? std::optional<double>(cp->assumed.back()) : std::nullopt);
    out << ',';
    opt(cp ? std::optional<double>(cp->trend.back()) : std::nullopt);
    out << ',';
    opt(cp ? std::optional<double>(cp->predictive) : std::nullopt);
    out << '\n';
  }
  return out.str();
}

std::string monitoring_text(const MonitoringInput& in, const MonitoringResult& result) {
  const DesignSpec& spec = in.plan.design;
  const bool two_sided = spec.sided == Sidedness::kTwoSidedSymmetric;
  std::ostringstream out;
  out << "Design: " << describe_efficacy(spec) << ", "
      << (spec.sided == Sidedness::kTwoSidedSymmetric ? "two-sided" : "one-sided") << " alpha "
      << spec.alpha << ", " << in.plan.planned_events << " planned events, allocation "
      << in.plan.allocation_ratio << ":1\n";
  out << "Bounds recomputed at the observed information (events / planned events).\n\n";
  char line[320];
  std::snprintf(line, sizeof line, "%4s  %7s  %7s  %8s  %8s  %11s  %10s  %8s  %8s  %8s  %8s  %s\n",
                "look", "events", "info", "z", "bound z", "nominal p", "cum. alpha", "HR",
                "RCI lo", "RCI hi", "rep. p", "decision");
  out << line;
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    const auto& ci = r.repeated_ci_hazard_ratio;
    std::snprintf(line, sizeof line,
                  "%4zu  %7g  %7.4f  %8.4f  %8.4f  %11.6g  %10.6f  %8.4f  %8s  %8s  %8.4g  %s\n",
                  k + 1, r.look.events, r.information_fraction, r.look.z, r.efficacy_z,
                  (two_sided ? 2.0 : 1.0) * r.nominal_p_one_sided, r.cumulative_alpha, r.hazard_ratio,
                  ci ? num("%.4f", ci->lower).c_str() : "-",
                  ci ? num("%.4f", ci->upper).c_str() : "-", r.repeated_p_value,
                  monitoring::to_string(r.decision));
    out << line;
  }
  out << "(nominal p: " << (two_sided ? "two-sided" : "one-sided")
      << " p-value at the bound; cum. alpha: type I error spent so far; RCI: repeated confidence interval for "
         "the hazard ratio; rep. p: repeated p-value)\n\n";
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    const LookResult& r = result.looks[k];
    out << "Look " << k + 1 << ": " << r.reason << ".\n";
    if (r.advice) out << "  Advice: " << *r.advice << ".\n";
  }
  const LookResult& last = result.looks.back();
  if (last.conditional_power) {
    const auto& cp = *last.conditional_power;
    out << "\nConditional power at look " << result.looks.size() << " (cumulative, by look):\n";
    std::snprintf(line, sizeof line, "  %7s  %8s  %14s  %14s  %10s\n", "events", "bound z",
                  (result.assumed_hazard_ratio ? "at HR " + num("%.4g", *result.assumed_hazard_ratio)
                                               : std::string("at model"))
                      .c_str(),
                  ("at HR " + num("%.4g", last.hazard_ratio)).c_str(), "at HR 1");
    out << line;
    for (std::size_t j = 0; j < cp.events.size(); ++j) {
      std::snprintf(line, sizeof line, "  %7g  %8.4f  %14.4f  %14.4f  %10.4f\n", cp.events[j],
                    last.schedule.efficacy[last.schedule.current + 1 + j], cp.assumed[j],
                    cp.trend[j], cp.null[j]);
      out << line;
    }
    out << "  Assumed effect: " << effect_basis(result.effect_source) << "; trend = the current estimate; HR 1 = conditional rejection probability.\n";
    out << "  Predictive power (flat prior): " << num("%.4f", cp.predictive) << "\n";
  }
  if (result.final_inference) {
    const auto& f = *result.final_inference;
    out << "\nAfter the stop at look " << f.stop_look + 1 << " (stage-wise ordering):\n"
        << "  p-value " << num("%.6g", f.p_value)
        << (spec.sided == Sidedness::kTwoSidedSymmetric ? " (two-sided)" : " (one-sided)")
        << ", median-unbiased HR " << num("%.4f", f.median_unbiased_hazard_ratio) << ", "
        << num("%.0f", 100.0 * f.confidence_level) << "% CI " << num("%.4f", f.ci_hazard_ratio.lower)
        << " to " << num("%.4f", f.ci_hazard_ratio.upper) << "\n";
  }
  return out.str();
}

}  // namespace gsd::cli
