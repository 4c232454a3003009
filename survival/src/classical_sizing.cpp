// Classical proportional-hazards sizing: Schoenfeld, Freedman, Hsieh-Freedman
// (as rpact 3.3.4) and Lachin-Foulkes (as gsDesign's nSurv / gsSurv); see
// classical_sizing.hpp for the formulas and references.
#include "gsd/survival/classical_sizing.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>

#include "check.hpp"
#include "classical.hpp"
#include "look_exits.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/schoenfeld.hpp"
#include "root_search.hpp"

namespace gsd::survival {

using numerics::normal_upper_quantile;
using spending::Design;

namespace {

// The largest drift searched: power is 1 to double precision long before 40.
constexpr double kMaxDrift = 40.0;
// A target power this close to the design's own is the design's (rpact
// computes the inflation factor at the design's beta).
constexpr double kSamePower = 1e-9;
// The study-end search of Lachin-Foulkes with the patients given doubles the
// follow-up up to this many accrual durations.
constexpr double kMaxFollowUpFactor = 1e6;

std::string percent(double x) {
  std::ostringstream out;
  out << std::setprecision(4) << 100.0 * x << '%';
  return out.str();
}

const char* method_name(SizingMethod m) {
  switch (m) {
    case SizingMethod::kSchoenfeld: return "schoenfeld";
    case SizingMethod::kFreedman: return "freedman";
    case SizingMethod::kHsiehFreedman: return "hsieh-freedman";
    case SizingMethod::kLachinFoulkes: return "lachin-foulkes";
    case SizingMethod::kExact: break;
  }
  return "exact";
}

[[noreturn]] void refuse(const SurvivalSpec& spec, const std::string& rule) {
  throw numerics::InvalidInput({"method"}, std::string("\"") + method_name(spec.method) + "\"", rule);
}

// Crossing probabilities for per-look means theta_final sqrt(t_k).
numerics::ExitProbabilities exits_for_drift(const Design& design, double drift) {
  return spending::evaluate(design, numerics::means_for_drift(design.spec.information_fractions, drift));
}

}  // namespace

double classical_drift_per_event(SizingMethod method, double hazard_ratio, double allocation_ratio,
                                 double null_hazard_ratio) {
  detail::check_positive("hazard_ratio", hazard_ratio);
  detail::check_positive("allocation_ratio", allocation_ratio);
  const double r = allocation_ratio;
  const double hr = hazard_ratio;
  switch (method) {
    case SizingMethod::kSchoenfeld:
      return std::sqrt(r) / (1.0 + r) * std::fabs(std::log(hr / null_hazard_ratio));
    case SizingMethod::kFreedman:
      return std::sqrt(r) * std::fabs(hr - 1.0) / (r * hr + 1.0);
    case SizingMethod::kHsiehFreedman:
      return 2.0 * std::sqrt(r) / (1.0 + r) * std::fabs(hr - 1.0) / (hr + 1.0);
    case SizingMethod::kExact:
    case SizingMethod::kLachinFoulkes:
      break;
  }
  throw std::invalid_argument("classical_drift_per_event: not a fixed-design formula");
}

double group_sequential_drift(const Design& design, double power) {
  if (std::fabs(power - design.power) <= kSamePower) return design.drift;
  return detail::find_root([&](double x) { return exits_for_drift(design, x).total_upper() - power; },
                           0.0, kMaxDrift, design.spec.solver, "the group-sequential drift");
}

LachinFoulkesVariances lachin_foulkes_variances(const SurvivalSpec& spec, double study_end,
                                                double hazard_ratio, double null_hazard_ratio,
                                                const numerics::SolverOptions& options) {
  LachinFoulkesVariances v;
  const double c1 = arm_event_fraction(spec, 0, study_end, options);
  const double e1 = arm_event_fraction(spec, 1, study_end, options);
  // The null: both arms at the allocation-weighted hazard (gsDesign's
  // lambdaC0 = (1 + r HR) / (1 + r HR0) lambdaC), the experimental arm times HR0.
  const double r = spec.allocation_ratio;
  const double scale = (1.0 + r * hazard_ratio) / (1.0 + r * null_hazard_ratio);
  SurvivalSpec null = spec;
  null.control = spec.control.with_hazard_ratio_noncured(scale);
  null.treatment = null.control.with_hazard_ratio_noncured(null_hazard_ratio);
  const double c0 = arm_event_fraction(null, 0, study_end, options);
  const double e0 = arm_event_fraction(null, 1, study_end, options);
  v.alternative_variance = 1.0 / c1 + 1.0 / e1;
  v.null_variance = 1.0 / c0 + 1.0 / e0;
  v.events = c1 + e1;
  return v;
}

double lachin_foulkes_patients(const LachinFoulkesVariances& v, double alpha, double power,
                               double hazard_ratio, double null_hazard_ratio) {
  const double z = normal_upper_quantile(alpha) * std::sqrt(v.null_variance) +
                   normal_upper_quantile(1.0 - power) * std::sqrt(v.alternative_variance);
  const double effect = std::log(hazard_ratio / null_hazard_ratio);
  return z * z / (effect * effect);
}

double classical_hazard_ratio(const SurvivalSpec& spec) {
  const double c = spec.control.cure_fraction();
  const double t = spec.treatment.cure_fraction();
  if (c > 0.0 || t > 0.0) {
    refuse(spec, "needs proportional hazards without a cure fraction, but the cure fractions are " +
                     percent(c) + " / " + percent(t) + " (use \"exact\", the cure model's own power)");
  }
  const std::optional<double> hr = constant_noncured_hazard_ratio(spec);
  if (!hr) {
    refuse(spec, "needs proportional hazards, but the treatment latency is not the control's "
                 "with a constant hazard ratio (use \"exact\")");
  }
  if (!(*hr < spec.hazard_ratio_h0)) {
    if (spec.non_inferiority()) {
      throw numerics::InvalidInput({"hazard_ratio_h0"}, detail::format_input(spec.hazard_ratio_h0),
                                   "is on the wrong side: the margin must exceed the model's hazard "
                                   "ratio " + detail::format_value(*hr) + " (H0: HR >= margin)");
    }
    refuse(spec, "needs a hazard ratio below 1 (treatment better), not " + detail::format_value(*hr));
  }
  return *hr;
}

namespace detail {

namespace {

struct Sizes {
  double patients = 0.0;
  double events = 0.0;
};

// The method's drift theta sqrt(I_max) at whole sizes, from which the plan's
// reported power comes (the method's own): the mean of Z at the final look,
// sqrt(t_k) of it at look k.
double classical_total_drift(const SurvivalSpec& spec, const Design& design, double hr, double patients,
                             double events) {
  if (spec.method != SizingMethod::kLachinFoulkes) {
    return classical_drift_per_event(spec.method, hr, spec.allocation_ratio, spec.hazard_ratio_h0) *
           std::sqrt(events);
  }
  // Lachin-Foulkes at the study end where the events are expected: the
  // drift whose fixed-design power is nSurv's, (|log HR| sqrt(N) -
  // z_a sqrt(V0)) / sqrt(V1) + z_a.
  const double alpha = design.spec.alpha_per_side();
  const double end = calendar_time_for_events(spec, patients, events, design.spec.solver);
  const LachinFoulkesVariances v =
      lachin_foulkes_variances(spec, end, hr, spec.hazard_ratio_h0, design.spec.solver);
  const double za = normal_upper_quantile(alpha);
  return (std::fabs(std::log(hr / spec.hazard_ratio_h0)) * std::sqrt(patients) - za * std::sqrt(v.null_variance)) /
             std::sqrt(v.alternative_variance) + za;
}

[[noreturn]] void too_few_patients(const SurvivalSpec& spec, double events, double limit) {
  std::ostringstream out;
  out << "needs " << std::fixed << std::setprecision(2) << events << " events under the "
      << method_name(spec.method) << " formula, more than the " << std::setprecision(1) << limit
      << " that " << *spec.patients << " patients can ever produce: add patients";
  throw numerics::InvalidInput({"power"}, format_input(*spec.power), out.str());
}

Sizes lachin_foulkes_sizes(const SurvivalSpec& spec, const Design& design, SolveMode mode, double hr) {
  const numerics::SolverOptions& options = design.spec.solver;
  const double alpha = design.spec.alpha_per_side();
  const double power = *spec.power;
  const double z = normal_upper_quantile(alpha) + normal_upper_quantile(1.0 - power);
  const double drift = group_sequential_drift(design, power);
  const double inflation = drift * drift / (z * z);
  const auto at_end = [&](double end) {
    const LachinFoulkesVariances v = lachin_foulkes_variances(spec, end, hr, spec.hazard_ratio_h0, options);
    const double n = lachin_foulkes_patients(v, alpha, power, hr, spec.hazard_ratio_h0) * inflation;
    return Sizes{n, n * v.events};
  };
  const double accrual = spec.accrual.duration();
  if (mode == SolveMode::kPatients) return at_end(accrual + *spec.follow_up);
  // Patients given: the follow-up at which they are just enough (gsSurv with
  // T and minfup NULL).
  const auto patients = static_cast<double>(*spec.patients);
  const auto gap = [&](double follow) { return at_end(accrual + follow).patients - patients; };
  if (!(gap(0.0) > 0.0)) {
    std::ostringstream out;
    out << "is already exceeded at the end of accrual by " << *spec.patients
        << " patients under Lachin-Foulkes (" << format_value(at_end(accrual).patients)
        << " would do): give fewer patients or solve for them";
    throw numerics::InvalidInput({"power"}, format_input(power), out.str());
  }
  double hi = accrual;
  while (gap(hi) > 0.0) {
    hi *= 2.0;
    if (hi > kMaxFollowUpFactor * accrual) {
      std::ostringstream out;
      out << "cannot be reached with " << *spec.patients
          << " patients under Lachin-Foulkes, whatever the follow-up";
      throw numerics::InvalidInput({"power"}, format_input(power), out.str());
    }
  }
  const double follow = find_root(gap, 0.0, hi, options, "the Lachin-Foulkes follow-up");
  return Sizes{patients, at_end(accrual + follow).events};
}

Sizes event_formula_sizes(const SurvivalSpec& spec, const Design& design, SolveMode mode, double hr) {
  const numerics::SolverOptions& options = design.spec.solver;
  const double theta = classical_drift_per_event(spec.method, hr, spec.allocation_ratio, spec.hazard_ratio_h0);
  const double drift = group_sequential_drift(design, *spec.power);
  const double events = drift * drift / (theta * theta);
  if (mode == SolveMode::kPatients) {
    const double per_patient = event_fraction(spec, spec.accrual.duration() + *spec.follow_up, options);
    return Sizes{events / per_patient, events};
  }
  const auto patients = static_cast<double>(*spec.patients);
  const double limit = event_fraction_limit(spec, options) * patients;
  if (!(events < limit)) too_few_patients(spec, events, limit);
  return Sizes{patients, events};
}

long long whole(double x) { return static_cast<long long>(std::ceil(x - 1e-9)); }

}  // namespace

SurvivalPlan classical_plan(const SurvivalSpec& spec, const Design& design, SolveMode mode) {
  const double hr = classical_hazard_ratio(spec);
  Sizes sizes;
  if (mode == SolveMode::kPower) {
    sizes = {static_cast<double>(*spec.patients), static_cast<double>(*spec.events)};
  } else if (spec.method == SizingMethod::kLachinFoulkes) {
    sizes = lachin_foulkes_sizes(spec, design, mode, hr);
  } else {
    sizes = event_formula_sizes(spec, design, mode, hr);
  }
  const long long patients = whole(sizes.patients);
  long long events = whole(sizes.events);
  const double limit = event_fraction_limit(spec, design.spec.solver) * static_cast<double>(patients);
  if (!(static_cast<double>(events) < limit)) {
    if (mode == SolveMode::kPower) {
      (void)calendar_time_for_events(spec, static_cast<double>(patients), static_cast<double>(events),
                                     design.spec.solver);  // throws the plain rule
    }
    too_few_patients(spec, sizes.events, limit);
  }
  SurvivalPlan plan = fixed_time_plan(spec, design, patients, events);
  plan.patients_unrounded = sizes.patients;
  plan.events_unrounded = sizes.events;
  const double drift =
      classical_total_drift(spec, design, hr, static_cast<double>(patients), static_cast<double>(events));
  const numerics::ExitProbabilities exits = exits_for_drift(design, drift);
  plan.expected_events = 0.0;
  plan.expected_duration = 0.0;
  for (std::size_t k = 0; k < plan.looks.size(); ++k) {
    SurvivalLook& look = plan.looks[k];
    if (spec.non_inferiority()) {
      // The model's log-rank mean is that of the test of equal hazards; the
      // test against the margin (the log-rank statistic shifted by log
      // margin, whichever method sized the trial) has Schoenfeld's mean.
      look.mean_z = classical_drift_per_event(SizingMethod::kSchoenfeld, hr, spec.allocation_ratio,
                                              spec.hazard_ratio_h0) *
                    std::sqrt(static_cast<double>(look.events));
    }
    // The method's own mean of Z at the look, from which its crossing
    // probabilities below come.
    look.method_mean_z = drift * std::sqrt(design.spec.information_fractions[k]);
  }
  set_look_exits(plan, exits);
  return plan;
}

}  // namespace detail

}  // namespace gsd::survival
