// Whole numbers for a survival plan (see integer_plan.hpp).
#include "gsd/survival/integer_plan.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "check.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "whole_sizes.hpp"

namespace gsd::survival {

namespace {

// Further events tried while the power is short of its target: each adds
// more than the rounding of one look took away.
constexpr int kMaxRoundingSteps = 3;

using detail::round_up;

long long round_up_to(double x, int multiple) {
  return round_up(x / static_cast<double>(multiple)) * multiple;
}

ContinuousPlan continuous_of(const SurvivalSpec& spec, const spending::Design& design,
                             const SurvivalPlan& plan) {
  ContinuousPlan c;
  c.patients = plan.patients_unrounded;
  c.events = plan.events_unrounded;
  c.power = spec.power.value_or(plan.power);
  for (double f : design.spec.information_fractions) {
    ContinuousLook look;
    look.events = f * c.events;
    look.information_fraction = f;
    look.calendar_time = calendar_time_for_events(spec, c.patients, look.events, design.spec.solver);
    c.looks.push_back(look);
  }
  c.study_duration = c.looks.back().calendar_time;
  return c;
}

// Events solved with the patients: the rounded patients' expected events by
// the end of follow-up, rounded up, with more blocks while that whole event is
// more than the patients can ever produce (detail::whole_sizes_by_follow_up).
long long events_by_follow_up(const SurvivalSpec& spec, long long& patients, int block,
                              const numerics::SolverOptions& options) {
  const detail::WholeSizes sizes = detail::whole_sizes_by_follow_up(spec, patients, block, options);
  patients = sizes.patients;
  return sizes.events;
}

void check_within_limit(const SurvivalSpec& spec, long long patients, long long events,
                        const numerics::SolverOptions& options) {
  const double limit = event_fraction_limit(spec, options) * static_cast<double>(patients);
  if (!(static_cast<double>(events) < limit)) {
    std::ostringstream rule;
    rule << "whole events " << events << " are more than the " << patients
         << " patients can ever produce (" << limit << "): add patients";
    detail::fail("events", static_cast<double>(events), rule.str());
  }
}

}  // namespace

double integer_drift(double continuous_drift, double events_unrounded, long long events) {
  return continuous_drift * std::sqrt(static_cast<double>(events) / events_unrounded);
}

namespace {

spending::Design design_at_fractions(const spending::Design& continuous, std::vector<double> fractions,
                                     double drift) {
  spending::DesignSpec spec = continuous.spec;
  spec.information_fractions = std::move(fractions);
  spec.information_fractions.back() = 1.0;
  return spending::design_at_drift(spec, drift);
}

}  // namespace

spending::Design integer_design(const spending::Design& continuous,
                                const std::vector<long long>& look_events, double drift) {
  const auto total = static_cast<double>(look_events.back());
  std::vector<double> fractions;
  for (long long d : look_events) fractions.push_back(static_cast<double>(d) / total);
  return design_at_fractions(continuous, std::move(fractions), drift);
}

std::vector<double> whole_fractions(const SurvivalSpec& spec, std::span<const double> planned,
                                    long long patients, long long events,
                                    const numerics::SolverOptions& options) {
  const auto total = static_cast<double>(events);
  std::vector<double> fractions;
  if (looks_by_events(spec)) {
    for (long long d : look_events(planned, events)) fractions.push_back(static_cast<double>(d) / total);
    return fractions;
  }
  std::vector<double> planned_events;
  for (double f : planned) planned_events.push_back(f * total);
  const std::vector<ExpectedLook> expected =
      expected_looks(spec, static_cast<double>(patients), planned_events, options);
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const double d = expected[k].by_events ? static_cast<double>(round_up(planned_events[k]))
                                           : expected[k].events;
    if (k > 0 && !(d > fractions.back() * total)) {
      std::ostringstream rule;
      rule << "gives " << d << " events at look " << k + 1 << ", not more than look " << k
           << "'s " << fractions.back() * total << " (whole events at the looks by events)";
      detail::fail("events", total, rule.str());
    }
    fractions.push_back(d / total);
  }
  fractions.back() = 1.0;
  return fractions;
}

IntegerPlan integer_plan(const SurvivalSpec& spec, const spending::Design& continuous,
                         const SurvivalPlan& continuous_plan, const PlanSettings& settings,
                         std::span<const double> planned_fractions) {
  const numerics::SolverOptions& options = continuous.spec.solver;
  const std::span<const double> planned =
      planned_fractions.empty() ? std::span<const double>(continuous.spec.information_fractions)
                                : planned_fractions;
  IntegerPlan out;
  out.block = spec.patient_multiple();
  out.continuous = continuous_of(spec, continuous, continuous_plan);
  const double unrounded_events = continuous_plan.events_unrounded;
  const SolveMode mode = continuous_plan.mode;
  long long patients = round_up_to(continuous_plan.patients_unrounded, out.block);
  long long events = 0;
  switch (mode) {
    case SolveMode::kPower:
      events = *spec.events;
      break;
    case SolveMode::kPatients:
      events = events_by_follow_up(spec, patients, out.block, options);
      break;
    case SolveMode::kEvents:
      events = round_up(unrounded_events);
      break;
  }
  auto build = [&] {
    check_within_limit(spec, patients, events, options);
    out.design = design_at_fractions(continuous, whole_fractions(spec, planned, patients, events, options),
                                     integer_drift(continuous.drift, unrounded_events, events));
    out.plan = evaluate_plan(spec, out.design, patients, events, settings);
  };
  build();
  // While short of the target: further events (up to kMaxRoundingSteps), or
  // further blocks of patients, searched as the rounded plan searches them
  // (detail::last_whole_patients; the power of whole plans moves in a
  // sawtooth with the patients).
  const long long first_patients = patients;
  const long long last_patients = detail::last_whole_patients(patients);
  for (int extra = 0; spec.power && out.plan.power < *spec.power; ++extra) {
    if (mode == SolveMode::kEvents) {
      if (extra >= kMaxRoundingSteps || !(static_cast<double>(events + 1) < out.plan.event_limit)) break;
      ++events;
    } else {
      if (patients + out.block > last_patients) break;
      patients += out.block;
      if (mode == SolveMode::kPatients) events = detail::whole_sizes_at(spec, patients, options).events;
    }
    build();
  }
  if (spec.power && out.plan.power < *spec.power) {
    if (mode == SolveMode::kPatients) {
      detail::fail_whole_plans_short(*spec.power, first_patients, patients, out.plan.power, events);
    }
    std::ostringstream rule;
    rule << "is not reached by the whole plan: " << detail::format_value(out.plan.power) << " at " << patients
         << " patients and " << events << " events, the most events tried (below the "
         << out.plan.event_limit << " the patients can ever produce); give more patients or a lower power";
    detail::fail("power", *spec.power, rule.str());
  }
  out.plan.mode = mode;
  out.plan.patients_unrounded = continuous_plan.patients_unrounded;
  out.plan.events_unrounded = unrounded_events;
  return out;
}

}  // namespace gsd::survival
