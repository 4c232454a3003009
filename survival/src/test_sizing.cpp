// Patients and events a weighted log-rank or MaxCombo test needs for the
// target power: size_for_power over the test's power in the log-rank plan's
// solve modes. See test_sizing.hpp.
#include "gsd/survival/test_sizing.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/size_for_power.hpp"
#include "whole_sizes.hpp"

namespace gsd::survival {
namespace {

// Search limits and precision as the log-rank plan's patients solve
// (sample_size.cpp): 1e8 patients is beyond any trial; 24 bits of the root.
constexpr double kMaxPatients = 1e8;
constexpr int kRootBits = 24;
// MaxCombo by its events solves the bounds again at every size tried (seconds
// each): 2^-12 of the bracket is below 0.03 events at 100 events, finer than
// the Genz-Bretz error moves the root (about 1e-4 / slope, 0.05 events on
// the seed trial).
constexpr int kMaxComboEventBits = 12;
// The events search starts at this fraction of what the patients can ever
// produce and steps by kEventStep towards the limit (or down from it).
constexpr double kEventStart = 0.25;
constexpr double kEventStep = 1.25;
// With the patients given, up to this many further whole events are tried
// (each a new event-driven evaluation; a MaxCombo test's bounds are solved
// again at each, seconds apiece). Patients are searched as the log-rank plan
// searches them (detail::last_whole_patients).
constexpr long long kMaxEventSteps = 16;

using numerics::InvalidInput;
using PowerOf = std::function<double(double)>;

std::string describe(double value) { return detail::format_value(value); }

SolveMode check_sizing(const SurvivalSpec& spec, const spending::DesignSpec& design) {
  spec.validate();
  design.validate();
  const SolveMode mode = solve_mode(spec);
  if (mode == SolveMode::kPower) {
    throw InvalidInput({"patients"}, ": patients and events are given, so the test is evaluated there, not sized");
  }
  const double alpha = design.alpha_per_side();
  if (!(*spec.power > alpha && *spec.power < 1.0)) {
    detail::fail("power", *spec.power, "must lie in (" + describe(alpha) + ", 1): above the one-sided alpha");
  }
  return mode;
}

double per_patient_events(const SurvivalSpec& spec, const numerics::SolverOptions& options) {
  return event_fraction(spec, spec.accrual.duration() + *spec.follow_up, options);
}

// Expected times of fractions of `events` events among `patients` patients.
std::vector<double> look_times(const SurvivalSpec& spec, const spending::DesignSpec& design, double patients,
                               double events) {
  std::vector<double> times;
  for (double f : design.information_fractions) {
    times.push_back(calendar_time_for_events(spec, patients, f * events, design.solver));
  }
  return times;
}

// The fixed-sample guess ((c + z_beta) / mu)^2 for a final bound c and a mean
// z of mu per patient; 100 patients if the mean is not positive.
double first_guess(double bound, double mean_per_patient, double power) {
  if (!(mean_per_patient > 0.0)) return 100.0;
  const double z = bound + numerics::normal_upper_quantile(1.0 - power);
  return std::max(1.0, z * z / (mean_per_patient * mean_per_patient));
}

// The patients for the target with follow-up fixed (the look times do not
// depend on the size); throws when the test cannot reach it.
SizeForPower solve_patients(const SurvivalSpec& spec, const spending::DesignSpec& design, const PowerOf& power,
                            double start, int bits) {
  SizeSearch search;
  search.start = start;
  const double fewest = 1.0 / (per_patient_events(spec, design.solver) * design.information_fractions.front());
  search.lower = std::max(1.0, fewest);
  search.upper = kMaxPatients;
  search.bits = bits;
  const SizeForPower r = size_for_power(power, *spec.power, search);
  if (!r.reached) {
    throw InvalidInput({"power"}, detail::format_input(*spec.power),
                       "cannot be reached by this test with follow_up = " + detail::format_input(*spec.follow_up) +
                           ": it gives at most " + describe(r.power) + " (at " + describe(r.size) +
                           " patients, of up to " + describe(kMaxPatients) + ")");
  }
  return r;
}

// The events for the target with the patients fixed (the first crossing).
SizeForPower solve_events(const SurvivalSpec& spec, const spending::DesignSpec& design, const PowerOf& power,
                          int bits) {
  const auto patients = static_cast<double>(*spec.patients);
  const double limit = event_fraction_limit(spec, design.solver) * patients;
  SizeSearch search;
  search.lower = 1.0 / design.information_fractions.front();
  search.upper = limit * (1.0 - 1e-9);
  if (!(search.upper > search.lower)) {
    throw InvalidInput({"patients"}, std::to_string(*spec.patients), "can produce too few events for the looks");
  }
  search.start = std::max(search.lower, kEventStart * limit);
  search.step = kEventStep;
  search.bits = bits;
  const SizeForPower r = size_for_power(power, *spec.power, search);
  if (!r.reached) {
    std::ostringstream out;
    out << "cannot be reached by this test with " << *spec.patients << " patients: the most found is "
        << describe(r.power) << " (at about " << std::fixed << std::setprecision(1) << r.size << " of the "
        << limit << " events they can produce); add patients";
    throw InvalidInput({"power"}, detail::format_input(*spec.power), out.str());
  }
  return r;
}

TestSizing continuous(const SurvivalSpec& spec, SolveMode mode, const SizeForPower& r, double power_error,
                      const numerics::SolverOptions& options) {
  TestSizing s;
  s.mode = mode;
  if (mode == SolveMode::kPatients) {
    s.patients_unrounded = r.size;
    s.events_unrounded = r.size * per_patient_events(spec, options);
  } else {
    s.patients_unrounded = static_cast<double>(*spec.patients);
    s.events_unrounded = r.size;
  }
  s.power_unrounded = r.power;
  s.power_error = power_error;
  s.size_error = power_error > 0.0 && r.slope > 0.0 ? power_error / r.slope : 0.0;
  s.evaluations = r.evaluations;
  return s;
}

// The whole plan: patients and events rounded up as the log-rank plan rounds
// them, the test evaluated there, one more patient (event) at a time while
// it falls short of the target (the test's power at whole sizes moves in a
// sawtooth with them: each look waits for its whole ceil(t D)-th event).
template <class Plan, class Evaluate>
Plan round_up_plan(const SurvivalSpec& spec, TestSizing& s, Evaluate evaluate,
                   const numerics::SolverOptions& options) {
  const double target = *spec.power;
  if (s.mode == SolveMode::kPatients) {
    detail::WholeSizes w =
        detail::whole_sizes_by_follow_up(spec, detail::round_up(s.patients_unrounded), 1, options);
    const long long first = w.patients;
    const long long last = detail::last_whole_patients(first);
    Plan plan = evaluate(w.patients, w.events);
    while (plan.power < target && w.patients < last) {
      w = detail::whole_sizes_at(spec, w.patients + 1, options);
      plan = evaluate(w.patients, w.events);
    }
    if (plan.power < target) detail::fail_whole_plans_short(target, first, w.patients, plan.power, w.events);
    s.patients = w.patients;
    s.events = w.events;
    return plan;
  }
  s.patients = *spec.patients;
  const double limit = event_fraction_limit(spec, options) * static_cast<double>(s.patients);
  const long long first = detail::round_up(s.events_unrounded);
  const auto beyond_limit = [&](long long events) {
    throw InvalidInput({"power"}, detail::format_input(target),
                       "needs " + describe(s.events_unrounded) + " of the " + describe(limit) + " events that " +
                           std::to_string(s.patients) + " patients can ever produce, so " +
                           std::to_string(events) + " whole events cannot be reached: add patients");
  };
  if (!(static_cast<double>(first) < limit)) beyond_limit(first);
  s.events = first;
  Plan plan = evaluate(s.patients, s.events);
  while (plan.power < target && s.events < first + kMaxEventSteps) {
    if (!(static_cast<double>(s.events + 1) < limit)) beyond_limit(s.events + 1);
    plan = evaluate(s.patients, ++s.events);
  }
  if (plan.power < target) {
    throw InvalidInput({"power"}, detail::format_input(target),
                       "is not reached by any whole plan from " + std::to_string(first) + " to " +
                           std::to_string(s.events) + " events with " + std::to_string(s.patients) +
                           " patients (" + describe(plan.power) + " at " + std::to_string(s.events) +
                           "): the power barely grows with the events here; give a lower power or more patients");
  }
  return plan;
}

}  // namespace

WeightedLogRankSizing size_weighted_logrank(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                            const LogRankWeight& weight, SpendingScale scale) {
  const SolveMode mode = check_sizing(spec, design);
  weight.validate();
  const numerics::SolverOptions& options = design.solver;
  SizeForPower root;
  if (mode == SolveMode::kPatients) {
    // One patient's looks; N patients scale each look's mean z by sqrt(N).
    const WeightedLogRankPower one = weighted_logrank_power_at_times(
        spec, design, weight, 1.0, look_times(spec, design, 1.0, per_patient_events(spec, options)), scale);
    const PowerOf power = [&](double n) {
      std::vector<double> means;
      for (const WeightedLook& look : one.looks) means.push_back(std::sqrt(n) * look.mean_z);
      return spending::power(one.design, means);
    };
    const double start = first_guess(one.design.efficacy.back(), one.looks.back().mean_z, *spec.power);
    root = solve_patients(spec, design, power, start, kRootBits);
  } else {
    const auto patients = static_cast<double>(*spec.patients);
    const PowerOf power = [&](double d) {
      return weighted_logrank_power_at_times(spec, design, weight, patients, look_times(spec, design, patients, d),
                                             scale)
          .power;
    };
    root = solve_events(spec, design, power, kRootBits);
  }
  WeightedLogRankSizing out;
  out.sizing = continuous(spec, mode, root, 0.0, options);
  out.plan = round_up_plan<WeightedLogRankPower>(
      spec, out.sizing,
      [&](long long n, long long d) {
        return weighted_logrank_power(spec, design, weight, static_cast<double>(n), d, scale);
      },
      options);
  return out;
}

MaxComboSizing size_maxcombo(const SurvivalSpec& spec, const spending::DesignSpec& design,
                             const std::vector<LogRankWeight>& tests, const numerics::MvnOptions& mvn) {
  const SolveMode mode = check_sizing(spec, design);
  const numerics::SolverOptions& options = design.solver;
  SizeForPower root;
  double power_error = 0.0;
  if (mode == SolveMode::kPatients) {
    // The bounds at the fixed look times, once; the power of N patients on
    // one lattice.
    const MaxComboPower one = maxcombo_power_at_times(
        spec, design, tests, 1.0, look_times(spec, design, 1.0, per_patient_events(spec, options)), mvn);
    const std::vector<double>& last = one.looks.back().mean_z;
    const double start =
        first_guess(one.looks.back().efficacy_z, *std::max_element(last.begin(), last.end()), *spec.power);
    const int points = maxcombo_crossing(one, start, 0).points_per_shift;
    const PowerOf power = [&](double n) { return maxcombo_crossing(one, n, points).probability; };
    root = solve_patients(spec, design, power, start, kRootBits);
    power_error = maxcombo_crossing(one, root.size, points).error;
  } else {
    const auto patients = static_cast<double>(*spec.patients);
    const PowerOf power = [&](double d) {
      const MaxComboPower at =
          maxcombo_power_at_times(spec, design, tests, patients, look_times(spec, design, patients, d), mvn);
      power_error = at.power_error;  // of the last size tried: the root's
      return at.power;
    };
    root = solve_events(spec, design, power, kMaxComboEventBits);
  }
  MaxComboSizing out;
  out.sizing = continuous(spec, mode, root, power_error, options);
  out.plan = round_up_plan<MaxComboPower>(
      spec, out.sizing,
      [&](long long n, long long d) {
        return maxcombo_power(spec, design, tests, static_cast<double>(n), d, mvn);
      },
      options);
  return out;
}

}  // namespace gsd::survival
