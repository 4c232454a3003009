#include "gsd/presentation.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <variant>

#include "gsd/numerics/unsigned_zero.hpp"

namespace gsd {

namespace {

using spending::ClassicalFamily;
using spending::Decision;
using spending::SpendingFamily;

// The numbers of a reason are written as the tables write them: a zero
// without its sign ("z = 0.0000", not "-0.0000" for a hazard ratio of 1).
std::string num(double x) {
  std::ostringstream out;
  out << numerics::unsigned_zero(x);
  return out.str();
}

std::string fmt(const char* format, double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, numerics::unsigned_zero(x));
  std::string out = buffer;
  numerics::unsign_printed_zeros(out);  // -1e-9 at "%.4f": 0.0000
  return out;
}

}  // namespace

const char* const kSurvivalMethod =
    "event-driven log-rank power under non-proportional hazards (mixture cure model): looks at "
    "random calendar times from the event-count process, the log-rank statistic given each "
    "look's events by the functional delta method, and a final analysis at the calendar cap for "
    "trials still short of their events, in a recursive integration over look time and statistic";
const char* const kSurvivalMethodShort =
    "event-driven log-rank power under non-proportional hazards (random look times, calendar cap)";
const char* const kSurvivalMethodReference =
    "Schoenfeld (1981) Biometrika 68:316; Lakatos (1988) Biometrics 44:229; Andersen, Borgan, "
    "Gill & Keiding (1993) II.8, IV.4; Armitage, McPherson & Rowe (1969); Jennison & Turnbull "
    "(2000) ch. 3, 19; Lan & DeMets (1983)";

const char* const kCalendarLooksMethod =
    "a look by calendar time has as its information fraction the events expected at its time over "
    "the planned events (gsDesign 3.11 gsSurvCalendar)";

const char* sizing_method_name(survival::SizingMethod method) noexcept {
  switch (method) {
    case survival::SizingMethod::kSchoenfeld: return "schoenfeld";
    case survival::SizingMethod::kFreedman: return "freedman";
    case survival::SizingMethod::kHsiehFreedman: return "hsieh-freedman";
    case survival::SizingMethod::kLachinFoulkes: return "lachin-foulkes";
    case survival::SizingMethod::kExact: break;
  }
  return "exact";
}

const char* sizing_method_description(survival::SizingMethod method) noexcept {
  switch (method) {
    case survival::SizingMethod::kSchoenfeld:
      return "Schoenfeld's proportional-hazards events, D = (z_a + z_b)^2 (1 + r)^2 / (r log^2 HR) "
             "times the inflation factor (rpact's typeOfComputation \"Schoenfeld\")";
    case survival::SizingMethod::kFreedman:
      return "Freedman's proportional-hazards events, D = (z_a + z_b)^2 (1 + r HR)^2 / (r (1 - HR)^2) "
             "times the inflation factor (rpact's typeOfComputation \"Freedman\")";
    case survival::SizingMethod::kHsiehFreedman:
      return "Hsieh's form of Freedman's events, D = (z_a + z_b)^2 (1 + HR)^2 / (1 - HR)^2 (1 + r)^2 "
             "/ (4 r) times the inflation factor (rpact's typeOfComputation \"HsiehFreedman\")";
    case survival::SizingMethod::kLachinFoulkes:
      return "Lachin-Foulkes patients from the log hazard ratio's variances under the null and the "
             "alternative at the study end, times the inflation factor (gsDesign's nSurv / gsSurv)";
    case survival::SizingMethod::kExact: break;
  }
  return kSurvivalMethod;
}

const char* sizing_method_reference(survival::SizingMethod method) noexcept {
  switch (method) {
    case survival::SizingMethod::kSchoenfeld:
      return "Schoenfeld (1981) Biometrika 68:316; rpact 3.3.4 getSampleSizeSurvival";
    case survival::SizingMethod::kFreedman:
      return "Freedman (1982) Stat Med 1:121; rpact 3.3.4 getSampleSizeSurvival";
    case survival::SizingMethod::kHsiehFreedman:
      return "Hsieh (1992) Stat Med 11:1091; rpact 3.3.4 getSampleSizeSurvival";
    case survival::SizingMethod::kLachinFoulkes:
      return "Lachin & Foulkes (1986) Biometrics 42:507; gsDesign nSurv / gsSurv";
    case survival::SizingMethod::kExact: break;
  }
  return kSurvivalMethodReference;
}

const char* look_trigger_name(survival::LookTriggerKind kind) noexcept {
  switch (kind) {
    case survival::LookTriggerKind::kEvents: return "events";
    case survival::LookTriggerKind::kTime: return "time";
    case survival::LookTriggerKind::kFirst: return "first";
    case survival::LookTriggerKind::kLast: return "last";
  }
  return "events";
}

double reported_p_value(double p) { return p < kSmallestReportedPValue ? kSmallestReportedPValue : p; }

std::string p_value_text(double p) {
  return p < kSmallestReportedPValue ? "< " + fmt("%g", kSmallestReportedPValue) : fmt("%.6g", p);
}

std::vector<std::string> plan_warnings(const survival::SurvivalPlan& plan, const std::string& time_unit) {
  std::vector<std::string> out;
  const double share = plan.event_limit > 0.0 ? static_cast<double>(plan.events) / plan.event_limit : 0.0;
  if (share > kEventsStrainFraction && plan.event_driven) {
    std::ostringstream w;
    w << std::fixed << std::setprecision(1) << plan.events << " planned events are " << 100.0 * share
      << "% of the " << plan.event_limit << " that " << plan.patients
      << " patients can ever produce (above " << std::setprecision(0) << 100.0 * kEventsStrainFraction
      << "%): " << std::setprecision(1) << 100.0 * plan.final_events_late
      << "% of trials would not have them all by the calendar cap at " << std::setprecision(2)
      << plan.calendar_cap << ' ' << time_unit << ", and " << std::setprecision(1)
      << 100.0 * plan.capped_probability
      << "% are expected to be still running then and end at the cap; the power is most sensitive "
         "to the model here: check it by simulation (gsd simulate)";
    out.push_back(w.str());
  }
  // A cap before the first look's expected time (a cap in years for a
  // trial in months, say) ends most trials before any interim look.
  if (plan.event_driven && !plan.looks.empty() && plan.calendar_cap < plan.looks.front().calendar_time) {
    std::ostringstream w;
    w << std::fixed << std::setprecision(2) << "the calendar cap at " << plan.calendar_cap << ' '
      << time_unit << " comes before the first look's expected time (" << plan.looks.front().calendar_time
      << ' ' << time_unit << "): " << std::setprecision(1) << 100.0 * plan.capped_probability
      << "% of trials are expected to end there, with their final analysis before any interim look; "
         "check survival.analysis_cap and its time unit";
    out.push_back(w.str());
  }
  return out;
}

std::optional<std::string> test_cap_warning(const DesignResult& result) {
  if (!result.sample_size || !result.tested_by_another_test()) return std::nullopt;
  const survival::SurvivalPlan& plan = result.sample_size->plan;
  const std::string& time_unit = result.sample_size->spec.time_unit;
  const bool analysis_cap = result.sample_size->spec.analysis_cap.has_value();
  if (!plan.event_driven || plan.looks.empty()) return std::nullopt;
  const double last = plan.looks.back().calendar_time;
  if (!(plan.capped_probability > kTestCapShare) && plan.calendar_cap >= last) return std::nullopt;
  std::ostringstream w;
  w << std::fixed << std::setprecision(2) << (analysis_cap ? "the analysis cap" : "the calendar cap")
    << " at " << plan.calendar_cap << ' ' << time_unit << " ends " << std::setprecision(1)
    << 100.0 * plan.capped_probability
    << "% of the log-rank trials there, but the test's power and sizing take its looks at the "
       "expected times of the planned events (the last at "
    << std::setprecision(2) << last << ' ' << time_unit
    << ") and leave the cap out, so they overstate a trial that the cap cuts short; "
       "gsd simulate replays the cap and gives this test's power with it";
  return w.str();
}

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

std::string test_label(const survival::SurvivalTest& test) {
  std::ostringstream out;
  switch (test.kind) {
    case survival::TestKind::kRmst:
      out << "RMST(tau = " << num(test.horizon) << ")";
      break;
    case survival::TestKind::kMilestone:
      out << "milestone(t = " << num(test.horizon) << ")";
      break;
    case survival::TestKind::kMaxCombo:
      out << "MaxCombo(" << test.combo.size() << " FH)";
      break;
    case survival::TestKind::kWeightedLogRank:
      if (test.weight.is_log_rank()) return "log-rank";
      if (test.weight.family == survival::WeightFamily::kMagirrBurman) {
        out << "MB(t* = " << num(test.weight.t_star) << ")";
      } else {
        out << "FH(" << num(test.weight.rho) << ", " << num(test.weight.gamma) << ")";
      }
  }
  return out.str();
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
    case SpendingFamily::kExponential:
      return "exponential (nu = " + num(*f.parameter()) + ")";
    case SpendingFamily::kUser:
      return "user-defined cumulative spending";
  }
  return "unknown";
}

namespace {

// A classical family's name with its parameter: "O'Brien-Fleming",
// "Wang-Tsiatis (Delta = 0.25)".
std::string classical_family_name(const spending::ClassicalBoundary& b) {
  switch (b.family()) {
    case ClassicalFamily::kObrienFleming:
      return "O'Brien-Fleming";
    case ClassicalFamily::kPocock:
      return "Pocock";
    case ClassicalFamily::kWangTsiatis:
      return "Wang-Tsiatis (Delta = " + num(b.parameter()) + ")";
    case ClassicalFamily::kPampallonaTsiatis:
      return "Pampallona-Tsiatis (Delta = " + num(b.parameter()) + ")";
    case ClassicalFamily::kHaybittlePeto:
      return "Haybittle-Peto (interim z = " + num(b.parameter()) + ")";
  }
  return "unknown";
}

}  // namespace

std::string boundary_name(const spending::ClassicalBoundary& b) {
  // O'Brien-Fleming and Pocock alone would read as the Lan-DeMets spending
  // functions of the same names.
  const bool named_as_spending =
      b.family() == ClassicalFamily::kObrienFleming || b.family() == ClassicalFamily::kPocock;
  return classical_family_name(b) + (named_as_spending ? " (classical)" : "");
}

std::string efficacy_name(const spending::DesignSpec& spec) {
  if (const auto* f = std::get_if<spending::SpendingFunction>(&spec.efficacy)) return spending_name(*f);
  return boundary_name(std::get<spending::ClassicalBoundary>(spec.efficacy));
}

std::string futility_name(const spending::FutilitySpec& f) {
  switch (f.rule) {
    case spending::FutilityRule::kBetaSpending:
      return spending_name(f.spending) + " beta-spending";
    case spending::FutilityRule::kPampallonaTsiatis:
      return "Pampallona-Tsiatis (Delta0 = " + num(f.parameter) + ")";
    case spending::FutilityRule::kFixedZ:
      return "fixed z bounds";
    case spending::FutilityRule::kEffectFraction:
      return "fixed effect at the bound";
    case spending::FutilityRule::kConditionalPower:
      return "conditional power below " + num(f.parameter) + " under the alternative";
  }
  return "unknown";
}

std::string harm_name(const spending::HarmSpec& h) {
  return spending_name(h.spending) + " spending of alpha " + num(h.alpha);
}

std::string efficacy_description(const spending::DesignSpec& spec) {
  if (const auto* f = std::get_if<spending::SpendingFunction>(&spec.efficacy)) {
    return spending_name(*f) + " alpha-spending";
  }
  return classical_family_name(std::get<spending::ClassicalBoundary>(spec.efficacy)) + " (classical)";
}

std::string decision_reason(const monitoring::LookResult& r, const monitoring::MonitoringPlan& plan,
                            const char* unit) {
  const double z = r.look.z;
  const double b = r.efficacy_z;
  const bool binding = plan.design.futility && plan.design.futility->binding;
  std::ostringstream at;
  at << r.look.events << " of " << plan.planned_events << " planned " << unit;
  const std::string zs = "z = " + fmt("%.4f", z);
  switch (r.decision) {
    case Decision::kStopEfficacy:
      return zs + " crossed the efficacy bound " + fmt("%.4f", b) + " (one-sided nominal p " +
             fmt("%.6g", r.nominal_p_one_sided) + ") at " + at.str() + ": stop for benefit";
    case Decision::kStopHarm:
      if (r.harm_z) {
        return zs + " crossed the harm bound " + fmt("%.4f", *r.harm_z) + " at " + at.str() +
               ": stop, the experimental arm is significantly worse";
      }
      return zs + " crossed the lower bound " + fmt("%.4f", -b) + " of the two-sided design at " +
             at.str() + ": stop, the experimental arm is significantly worse";
    case Decision::kStopFutility:
    case Decision::kFinalNoRejection:
      if (binding && r.futility_z && plan.design.sided == spending::Sidedness::kTwoSidedSymmetric &&
          std::fabs(z) < *r.futility_z) {
        return "|z| = " + fmt("%.4f", std::fabs(z)) + " is below the binding two-sided futility bound " +
               fmt("%.4f", *r.futility_z) + " at " + at.str() + ": stop for futility";
      }
      if (binding && r.futility_z && z <= *r.futility_z) {
        return zs + " is at or below the binding futility bound " + fmt("%.4f", *r.futility_z) +
               " at " + at.str() + ": stop for futility";
      }
      return "final analysis at " + at.str() + ": " + zs + " did not reach the final bound " +
             fmt("%.4f", b) + "; the null hypothesis is not rejected";
    case Decision::kContinue:
      break;
  }
  const std::string against = std::isfinite(b) ? " is below the efficacy bound " + fmt("%.4f", b)
                                                : " is not tested for efficacy at this look";
  return zs + against + " at " + at.str() + ": continue to the next look at " +
         fmt("%g", r.schedule.events[r.schedule.current + 1]) + " " + unit;
}

std::string test_decision_reason(const LookOutcome& r, double events, bool maxcombo, bool two_sided,
                                 bool binding_futility) {
  const std::string zs = std::string(maxcombo ? "max z = " : "z = ") + fmt("%.4f", r.z);
  const std::string at = "at information fraction " + fmt("%.4f", r.information_fraction) + " (" +
                         fmt("%g", events) + " events)";
  const double b = r.efficacy_z;
  switch (r.decision) {
    case Decision::kStopEfficacy:
      return zs + " crossed the efficacy bound " + fmt("%.4f", b) + " " + at + ": stop for benefit";
    case Decision::kStopHarm:
      if (r.harm_z) {
        return zs + " crossed the harm bound " + fmt("%.4f", *r.harm_z) + " " + at +
               ": stop, the experimental arm is significantly worse";
      }
      return zs + " crossed the lower bound " + fmt("%.4f", -b) + " of the two-sided design " + at +
             ": stop, the experimental arm is significantly worse";
    case Decision::kStopFutility:
    case Decision::kFinalNoRejection:
      if (binding_futility && r.futility_z &&
          (two_sided ? std::fabs(r.z) < *r.futility_z : r.z <= *r.futility_z)) {
        return zs + (two_sided ? " is inside" : " is at or below") + " the binding futility bound " +
               fmt("%.4f", *r.futility_z) + " " + at + ": stop for futility";
      }
      return "final analysis " + at + ": " + zs + " did not reach the final bound " + fmt("%.4f", b) +
             "; the null hypothesis is not rejected";
    case Decision::kContinue:
      break;
  }
  const std::string against = std::isfinite(b) ? " is below the efficacy bound " + fmt("%.4f", b)
                                                : " is not tested for efficacy at this look";
  return zs + against + " " + at + ": continue";
}

std::optional<std::string> futility_advice(const monitoring::LookResult& r) {
  if (!r.futility_advice || !r.futility_z) return std::nullopt;
  if (std::fabs(r.look.z) < *r.futility_z && r.look.z > *r.futility_z) {
    // Only a two-sided futility bound is hit from above: |z| below it.
    return "|z| = " + fmt("%.4f", std::fabs(r.look.z)) +
           " is below the non-binding two-sided futility bound " + fmt("%.4f", *r.futility_z) +
           ": the committee may consider stopping for futility (advisory; type I error is "
           "controlled either way)";
  }
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
