#include "gsd/presentation.hpp"

#include <cstdio>
#include <sstream>
#include <variant>

namespace gsd {

namespace {

using spending::ClassicalFamily;
using spending::Decision;
using spending::SpendingFamily;

std::string num(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

std::string fmt(const char* format, double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, x);
  return buffer;
}

}  // namespace

const char* const kSurvivalMethod =
    "asymptotic log-rank power under non-proportional hazards (mixture cure model): the "
    "at-risk-weighted mean and variance of the log-rank score at each look's expected "
    "calendar time, fed to the group-sequential recursive integration";
const char* const kSurvivalMethodShort =
    "log-rank drift under non-proportional hazards (mixture cure) at each look's expected time";
const char* const kSurvivalMethodReference =
    "Schoenfeld (1981) Biometrika 68:316; Lakatos (1988) Biometrics 44:229; Lu (2021) Pharm "
    "Stat 20:512; Jennison & Turnbull (2000) ch. 19";
const char* const kSchoenfeldReference =
    "Schoenfeld (1981) Biometrika 68:316, proportional hazards with the noncured hazard ratio";

const char* decision_name(Decision decision) noexcept {
  switch (decision) {
    case Decision::kContinue:
      return "continue";
    case Decision::kStopEfficacy:
      return "stop-efficacy";
    case Decision::kStopHarm:
      return "stop-harm";
    case Decision::kStopFutility:
      return "stop-futility";
    case Decision::kFinalNoRejection:
      return "final-no-rejection";
  }
  return "continue";
}

std::string spending_name(const spending::SpendingFunction& f) {
  switch (f.family()) {
    case SpendingFamily::kLanDeMetsObrienFleming:
      return "Lan-DeMets O'Brien-Fleming";
    case SpendingFamily::kLanDeMetsPocock:
      return "Lan-DeMets Pocock";
    case SpendingFamily::kHwangShihDeCani:
      return "Hwang-Shih-DeCani (gamma = " + num(*f.parameter()) + ")";
    case SpendingFamily::kKimDeMetsPower:
      return "Kim-DeMets power (rho = " + num(*f.parameter()) + ")";
    case SpendingFamily::kUser:
      return "user-defined cumulative spending";
  }
  return "unknown";
}

std::string boundary_name(const spending::ClassicalBoundary& b) {
  switch (b.family()) {
    case ClassicalFamily::kObrienFleming:
      return "O'Brien-Fleming (classical)";
    case ClassicalFamily::kPocock:
      return "Pocock (classical)";
    case ClassicalFamily::kWangTsiatis:
      return "Wang-Tsiatis (Delta = " + num(b.parameter()) + ")";
    case ClassicalFamily::kHaybittlePeto:
      return "Haybittle-Peto (interim z = " + num(b.parameter()) + ")";
  }
  return "unknown";
}

std::string efficacy_name(const spending::DesignSpec& spec) {
  if (const auto* f = std::get_if<spending::SpendingFunction>(&spec.efficacy)) return spending_name(*f);
  return boundary_name(std::get<spending::ClassicalBoundary>(spec.efficacy));
}

std::string efficacy_description(const spending::DesignSpec& spec) {
  if (const auto* f = std::get_if<spending::SpendingFunction>(&spec.efficacy)) {
    return spending_name(*f) + " alpha-spending";
  }
  return boundary_name(std::get<spending::ClassicalBoundary>(spec.efficacy)) + " (classical)";
}

std::string decision_reason(const monitoring::LookResult& r, const monitoring::MonitoringPlan& plan) {
  const double z = r.look.z;
  const double b = r.efficacy_z;
  const bool binding = plan.design.futility && plan.design.futility->binding;
  std::ostringstream at;
  at << r.look.events << " of " << plan.planned_events << " planned events";
  const std::string zs = "z = " + fmt("%.4f", z);
  switch (r.decision) {
    case Decision::kStopEfficacy:
      return zs + " crossed the efficacy bound " + fmt("%.4f", b) + " (one-sided nominal p " +
             fmt("%.6g", r.nominal_p_one_sided) + ") at " + at.str() + ": stop for benefit";
    case Decision::kStopHarm:
      return zs + " crossed the lower bound " + fmt("%.4f", -b) + " of the two-sided design at " +
             at.str() + ": stop, the experimental arm is significantly worse";
    case Decision::kStopFutility:
    case Decision::kFinalNoRejection:
      if (binding && r.futility_z && z <= *r.futility_z) {
        return zs + " is at or below the binding futility bound " + fmt("%.4f", *r.futility_z) +
               " at " + at.str() + ": stop for futility";
      }
      return "final analysis at " + at.str() + ": " + zs + " did not reach the final bound " +
             fmt("%.4f", b) + "; the null hypothesis is not rejected";
    case Decision::kContinue:
      break;
  }
  return zs + " is below the efficacy bound " + fmt("%.4f", b) + " at " + at.str() +
         ": continue to the next look at " +
         fmt("%g", r.schedule.events[r.schedule.current + 1]) + " events";
}

std::optional<std::string> futility_advice(const monitoring::LookResult& r) {
  if (!r.futility_advice || !r.futility_z) return std::nullopt;
  return "z = " + fmt("%.4f", r.look.z) + " is at or below the non-binding futility bound " +
         fmt("%.4f", *r.futility_z) +
         ": the committee may consider stopping for futility (advisory; type I error is "
         "controlled either way)";
}

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

const char* solve_mode_name(survival::SolveMode mode) noexcept {
  switch (mode) {
    case survival::SolveMode::kPower:
      return "power from patients and events";
    case survival::SolveMode::kPatients:
      return "patients and events from power, accrual and follow-up";
    case survival::SolveMode::kEvents:
      return "events and study duration from power and patients";
  }
  return "";
}

const char* solved_for(survival::SolveMode mode) noexcept {
  switch (mode) {
    case survival::SolveMode::kPower:
      return "power";
    case survival::SolveMode::kPatients:
      return "patients_and_events";
    case survival::SolveMode::kEvents:
      return "events_and_duration";
  }
  return "";
}

const char* latency_family_name(survival::LatencyFamily family) noexcept {
  switch (family) {
    case survival::LatencyFamily::kExponential:
      return "exponential";
    case survival::LatencyFamily::kWeibull:
      return "Weibull";
    case survival::LatencyFamily::kPiecewiseExponential:
      return "piecewise exponential";
  }
  return "";
}

const char* randomisation_name(simulate::Randomisation r) noexcept {
  return r == simulate::Randomisation::kSimple ? "simple" : "permuted-blocks";
}

std::string boundary_method(int grid_r) {
  return "recursive numerical integration (Armitage, McPherson & Rowe 1969; Jennison & Turnbull "
         "2000, ch. 19, r = " +
         std::to_string(grid_r) + ")";
}

}  // namespace gsd
