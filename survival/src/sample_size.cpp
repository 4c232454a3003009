// The three solve modes of a group-sequential log-rank design under a cure
// model (see sample_size.hpp). Power at given patients and events evaluates
// the non-PH drifts (logrank_drift.hpp) in the design's recursive integration.
#include "gsd/survival/sample_size.hpp"

#include <boost/math/tools/minima.hpp>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "check.hpp"
#include "classical.hpp"
#include "look_exits.hpp"
#include "plan_limits.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "root_search.hpp"
#include "whole_sizes.hpp"

namespace gsd::survival {

using numerics::ExitProbabilities;
using spending::Design;

namespace {

// Search limits for the patients solve: power at 1 patient is essentially
// alpha; 1e8 patients is beyond any trial, so failing to reach the target
// there means the model cannot deliver it.
constexpr double kMinPatients = 1.0;
constexpr double kMaxPatients = 1e8;
// Grid of candidate event counts (as fractions of the all-time limit) scanned
// for the first crossing of the target power in the events solve; the power
// need not be monotone in the events under a cure model (the drift can peak).
constexpr int kEventGridPoints = 16;
// Brent's minimiser precision in bits (Boost.Math brent_find_minima); half
// the mantissa is the attainable precision of a minimum.
constexpr int kBrentBits = 26;
// The event-driven solves start from the fixed-time solution and bracket the
// root by steps of this factor (the two powers differ by a few percent of
// the size at most); the root is found to 24 bits (6e-8 relative). Rounding
// to whole patients would keep far less, but the whole-number plan scales the
// drift by the square root of whole over unrounded events, so the unrounded
// root's error reaches its bounds: 24 bits keep that below 1e-7, and stay
// above the event-driven power's own accuracy (look-time bins to 2^-30).
constexpr double kBracketStep = 1.04;
constexpr int kEventDrivenRootBits = 24;
// After rounding, up to this many further whole events are tried until the
// power reaches the target: rounding each look up moves the power by less
// than one event's worth, so one or two suffice.
constexpr int kMaxRoundingSteps = 3;

std::string describe(double value) { return detail::format_value(value); }

// Power of the design for per-patient moments scaled to `patients`.
double power_for(const Design& design, const std::vector<LogRankMoments>& moments, double patients) {
  std::vector<double> means;
  means.reserve(moments.size());
  for (const LogRankMoments& m : moments) means.push_back(m.mean_z(patients));
  return spending::power(design, means);
}

// Moments at the calendar times of looks at fractions of `events` events.
std::vector<LogRankMoments> moments_at_events(const SurvivalSpec& spec, const Design& design,
                                              double patients, double events,
                                              const numerics::SolverOptions& options) {
  // The final look first: when the events cannot be reached, the error then
  // names them (survival.events), not an earlier look's share of them.
  const auto& fractions = design.spec.information_fractions;
  std::vector<LogRankMoments> moments(fractions.size());
  for (std::size_t k = fractions.size(); k-- > 0;) {
    const double tau = calendar_time_for_events(spec, patients, fractions[k] * events, options);
    moments[k] = logrank_moments(spec, tau, options);
  }
  return moments;
}

// Everything the event-driven power of one plan needs that does not depend on
// its size: built once per solve.
struct EventDrivenContext {
  double cap;
  CalendarProfile profile;
  CappedFinalBound bounds;
  EventDrivenSettings settings;

  EventDrivenContext(const SurvivalSpec& spec, const Design& design, const PlanSettings& s)
      : EventDrivenContext(spec, CappedFinalBound(design), s) {}
  EventDrivenContext(const SurvivalSpec& spec, CappedFinalBound capped, const PlanSettings& s)
      : cap(s.calendar_cap     ? *s.calendar_cap
            : spec.analysis_cap ? *spec.analysis_cap
                                : detail::checked_default_cap(spec)),
        profile(spec, cap),
        bounds(std::move(capped)),
        settings(s.event_driven) {}

  // Looks at fractions of `events` (continuous: a solve varies the size).
  EventDrivenPower at(const Design& design, double patients, double events) const {
    std::vector<double> looks;
    for (double f : design.spec.information_fractions) looks.push_back(f * events);
    looks.back() = events;
    return event_driven_power(profile, design, bounds, patients, looks, cap, settings);
  }
  // Looks at whole event counts (look_events).
  EventDrivenPower at(const Design& design, long long patients, long long events) const {
    std::vector<double> looks;
    for (long long d : look_events(design.spec.information_fractions, events)) {
      looks.push_back(static_cast<double>(d));
    }
    return event_driven_power(profile, design, bounds, static_cast<double>(patients), looks, cap,
                              settings);
  }
};

// The root of an increasing gap(x) near x0 (a fixed-time solution): bracket by
// steps of kBracketStep within [lo, hi], then TOMS 748. nullopt when the gap
// stays negative up to hi.
template <class F>
std::optional<double> refine(F gap, double x0, double lo, double hi,
                             const numerics::SolverOptions& options, const char* what) {
  double a = std::clamp(x0, lo, hi);
  double fa = gap(a);
  double b = a;
  double fb = fa;
  if (fa < 0.0) {
    while (fb < 0.0) {
      if (!(b < hi)) return std::nullopt;
      a = b;
      fa = fb;
      b = std::min(b * kBracketStep, hi);
      fb = gap(b);
    }
  } else {
    while (fa >= 0.0) {
      if (!(a > lo)) return a;
      b = a;
      fb = fa;
      a = std::max(a / kBracketStep, lo);
      fa = gap(a);
    }
  }
  return numerics::find_root(gap, a, b, fa, fb, kEventDrivenRootBits, what, options.trace);
}

double solve_patients(const SurvivalSpec& spec, const Design& design, double target,
                      const numerics::SolverOptions& options) {
  const double end = spec.accrual.duration() + *spec.follow_up;
  const double per_patient = event_fraction(spec, end, options);
  // Look times do not depend on N: D(tau) / N is fixed by the model.
  const std::vector<LogRankMoments> moments = moments_at_events(spec, design, 1.0, per_patient, options);
  const auto gap = [&](double n) { return power_for(design, moments, n) - target; };
  double hi = 100.0;
  while (gap(hi) < 0.0) {
    hi *= 2.0;
    if (hi > kMaxPatients) {
      std::ostringstream out;
      out << "cannot be reached with follow_up = " << detail::format_input(*spec.follow_up)
          << ": the model gives at most " << describe(power_for(design, moments, kMaxPatients))
          << " even with " << describe(kMaxPatients)
          << " patients; give a longer follow_up, a lower power, or check the effect (the hazard "
             "ratio and the cure fractions)";
      throw numerics::InvalidInput({"power"}, detail::format_input(target), out.str());
    }
  }
  return detail::find_root(gap, kMinPatients, hi, options, "patients for the target power");
}

[[noreturn]] void fail_events_unreachable(double target, double patients, double best,
                                          double at_events) {
  std::ostringstream out;
  out << "cannot be reached with "
      << describe(patients) << " patients: the most the model gives is " << describe(best)
      << " (at about " << std::fixed << std::setprecision(1) << at_events
      << " events); give more patients, or follow_up instead of patients to solve for them";
  throw numerics::InvalidInput({"power"}, detail::format_input(target), out.str());
}

double solve_events(const SurvivalSpec& spec, const Design& design, double target,
                    const numerics::SolverOptions& options) {
  const auto patients = static_cast<double>(*spec.patients);
  const double limit = event_fraction_limit(spec, options) * patients;
  const auto power_at = [&](double d) {
    return power_for(design, moments_at_events(spec, design, patients, d, options), patients);
  };
  const double step = limit / (kEventGridPoints + 1);
  double previous = step * 1e-3;  // power there is alpha to many digits
  double best = previous;
  double best_power = power_at(previous);
  for (int i = 1; i <= kEventGridPoints; ++i) {
    const double d = step * i;
    const double p = power_at(d);
    if (p >= target) {
      return detail::find_root([&](double x) { return power_at(x) - target; }, previous, d,
                               options, "events for the target power");
    }
    if (p > best_power) {
      best_power = p;
      best = d;
    }
    previous = d;
  }
  // No grid point reaches the target: look for a peak between grid points.
  const auto [argmax, negated] = boost::math::tools::brent_find_minima(
      [&](double d) { return -power_at(d); }, std::fmax(best - step, step * 1e-3),
      std::fmin(best + step, limit * (1.0 - 1e-9)), kBrentBits);
  if (-negated < target) fail_events_unreachable(target, patients, -negated, argmax);
  return detail::find_root([&](double x) { return power_at(x) - target; },
                           std::fmax(best - step, step * 1e-3), argmax,
                           options, "events for the target power");
}

// Patients for the target event-driven power with follow-up fixed: events
// are the patients times the expected events per patient by the end of
// follow-up.
double solve_patients_event_driven(const SurvivalSpec& spec, const Design& design,
                                   const EventDrivenContext& ctx, double target, double start,
                                   const numerics::SolverOptions& options) {
  const double per_patient = event_fraction(spec, spec.accrual.duration() + *spec.follow_up, options);
  // At least one event at the first look.
  const double fewest = 1.0 / (per_patient * design.spec.information_fractions.front());
  const auto gap = [&](double n) { return ctx.at(design, n, n * per_patient).power - target; };
  const double lowest = std::max(fewest, kMinPatients);
  const std::optional<double> n =
      refine(gap, start, lowest, kMaxPatients, options, "patients for the target event-driven power");
  // The power already met where the first look has one event: the patients
  // it needs would leave that look empty, and raising them to fill it would
  // size another trial (a look by time at month 1 sized the seed trial at
  // 1,709 patients for its power of 0.84 where 202 reach it).
  if (n && *n <= lowest && fewest > kMinPatients && gap(lowest) > 0.0) {
    detail::fail_first_look_empty(spec, design, lowest);
  }
  if (!n) {
    std::ostringstream out;
    out << "cannot be reached with follow_up = " << detail::format_input(*spec.follow_up)
        << ": the event-driven power stays below it up to " << describe(kMaxPatients) << " patients";
    throw numerics::InvalidInput({"power"}, detail::format_input(target), out.str());
  }
  return *n;
}

// Events for the target event-driven power with the patients given.
double solve_events_event_driven(const SurvivalSpec& spec, const Design& design,
                                 const EventDrivenContext& ctx, double target, double start,
                                 const numerics::SolverOptions& options) {
  const auto patients = static_cast<double>(*spec.patients);
  const double limit = event_fraction_limit(spec, options) * patients;
  const double fewest = 1.0 / design.spec.information_fractions.front();
  double best = 0.0;
  double best_at = start;
  const auto gap = [&](double d) {
    const double p = ctx.at(design, patients, d).power;
    if (p > best) {
      best = p;
      best_at = d;
    }
    return p - target;
  };
  const std::optional<double> d = refine(gap, start, fewest, limit * (1.0 - 1e-9), options,
                                         "events for the target event-driven power");
  if (!d) fail_events_unreachable(target, patients, best, best_at);
  return *d;
}

using detail::round_up;
using detail::WholeSizes;

// The whole-number plan stays below the target power: only when the
// follow-up is so long that the events are held at the limit.
[[noreturn]] void fail_follow_up_at_limit(const SurvivalSpec& spec, const SurvivalPlan& plan) {
  std::ostringstream out;
  out << "is so long that nearly every event that can happen has happened by its end: "
      << plan.events << " whole events of the " << describe(plan.event_limit) << " that "
      << plan.patients << " patients can ever produce reach power " << describe(plan.power)
      << ", below the target " << detail::format_input(*spec.power)
      << "; give a shorter follow_up, or patients and power (gsd then solves for the events)";
  throw numerics::InvalidInput({"follow_up"}, detail::format_input(*spec.follow_up), out.str());
}

// No whole plan within the search reaches the target, its events not held
// at the limit: the continuous solution lies where the power barely moves
// with the patients.
[[noreturn]] void fail_whole_plans_short(const SurvivalSpec& spec, long long first, const SurvivalPlan& plan) {
  detail::fail_whole_plans_short(*spec.power, first, plan.patients, plan.power, plan.events);
}

WholeSizes rounded_patients_and_events(const SurvivalSpec& spec, double n,
                                       const numerics::SolverOptions& options) {
  return detail::whole_sizes_by_follow_up(spec, round_up(n), 1, options);
}

// ceil(d), unless that whole event is more than the patients can ever produce.
long long rounded_events(const SurvivalSpec& spec, double d, const numerics::SolverOptions& options) {
  const auto patients = static_cast<double>(*spec.patients);
  const double limit = event_fraction_limit(spec, options) * patients;
  const long long events = round_up(d);
  if (!(static_cast<double>(events) < limit)) {
    std::ostringstream out;
    out << "needs " << std::fixed << std::setprecision(2)
        << d << " of the " << std::setprecision(1) << limit << " events that " << *spec.patients
        << " patients can ever produce, so the " << events
        << " whole events cannot be reached: add patients";
    throw numerics::InvalidInput({"power"}, detail::format_input(*spec.power), out.str());
  }
  return events;
}

}  // namespace

SolveMode solve_mode(const SurvivalSpec& spec) {
  const bool n = spec.patients.has_value();
  const bool d = spec.events.has_value();
  const bool f = spec.follow_up.has_value();
  const bool p = spec.power.has_value();
  if (n && d && !f && !p) return SolveMode::kPower;
  if (p && f && !n && !d) return SolveMode::kPatients;
  if (p && n && !d && !f) return SolveMode::kEvents;
  std::ostringstream out;
  out << ": give patients and events (for the power), power and follow_up (for patients and "
         "events), or power and patients (for events); got:";
  if (n) out << " patients";
  if (d) out << " events";
  if (f) out << " follow_up";
  if (p) out << " power";
  if (!(n || d || f || p)) out << " none of them";
  throw numerics::InvalidInput({}, out.str());
}

std::vector<long long> look_events(std::span<const double> fractions, long long events) {
  std::vector<long long> counts;
  for (double f : fractions) {
    const long long c = round_up(f * static_cast<double>(events));
    if (!counts.empty() && c <= counts.back()) {
      std::ostringstream rule;
      rule << "gives fewer than one new event between looks " << counts.size() << " and "
           << counts.size() + 1;
      detail::fail("events", static_cast<double>(events), rule.str());
    }
    counts.push_back(c);
  }
  counts.back() = events;
  return counts;
}

double default_calendar_cap(const SurvivalSpec& spec) {
  const double h = -std::log(detail::kDefaultCapSurvival);
  return spec.accrual.duration() + std::max(spec.control.latency().inverse_cumulative_hazard(h),
                                            spec.treatment.latency().inverse_cumulative_hazard(h));
}

// Looks at their expected calendar times and the fixed-time crossing
// probabilities (the power_fixed_times figure).
SurvivalPlan detail::fixed_time_plan(const SurvivalSpec& spec, const Design& design, long long patients,
                             long long events) {
  const numerics::SolverOptions& options = design.spec.solver;
  if (patients <= 0) detail::fail("patients", static_cast<double>(patients), "must be positive");
  const auto n = static_cast<double>(patients);
  SurvivalPlan plan;
  plan.method = spec.method;
  plan.patients = patients;
  plan.events = events;
  plan.patients_unrounded = n;
  plan.events_unrounded = static_cast<double>(events);
  plan.accrual_duration = spec.accrual.duration();
  plan.event_limit = event_fraction_limit(spec, options) * n;
  // Events past the limit: the error names them (survival.events), not the
  // first look's share of them that the loop below would meet first.
  if (looks_by_events(spec) && !(static_cast<double>(events) < plan.event_limit)) {
    (void)calendar_time_for_events(spec, n, static_cast<double>(events), options);
  }
  const std::vector<long long> counts = look_events(design.spec.information_fractions, events);
  // Looks by time, first or last: at their expected times (look_trigger.hpp);
  // the design's fractions are then their expected events over the total.
  std::vector<ExpectedLook> expected;
  if (!looks_by_events(spec)) {
    std::vector<double> planned;
    for (double f : design.spec.information_fractions) planned.push_back(f * static_cast<double>(events));
    expected = expected_looks(spec, n, planned, options);
  }
  std::vector<double> means;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const long long c = counts[k];
    SurvivalLook look;
    look.events = c;
    look.expected_events = static_cast<double>(c);
    if (!expected.empty()) {
      look.trigger = spec.looks[k].kind;
      look.calendar_time = expected[k].calendar_time;
      look.expected_events = expected[k].events;
    } else {
      look.calendar_time = calendar_time_for_events(spec, n, static_cast<double>(c), options);
    }
    look.mean_z = logrank_moments(spec, look.calendar_time, options).mean_z(n);
    means.push_back(look.mean_z);
    plan.looks.push_back(look);
  }
  const ExitProbabilities exits = spending::evaluate(design, means);
  const double r = spec.allocation_ratio;
  for (std::size_t k = 0; k < plan.looks.size(); ++k) {
    SurvivalLook& look = plan.looks[k];
    look.information_fraction = design.spec.information_fractions[k];
    look.efficacy_z = design.efficacy[k];
    const double information = static_cast<double>(look.events) * r / ((1.0 + r) * (1.0 + r));
    look.hazard_ratio_at_bound = spec.hazard_ratio_h0 * std::exp(-look.efficacy_z / std::sqrt(information));
    look.futility_z = design.futility[k];
    if (look.futility_z) {
      look.hazard_ratio_at_futility = spec.hazard_ratio_h0 * std::exp(-*look.futility_z / std::sqrt(information));
    }
    look.crossing_fixed_times = exits.upper[k];
  }
  set_look_exits(plan, exits);
  plan.power_fixed_times = plan.power;
  plan.study_duration = plan.looks.back().calendar_time;
  plan.follow_up = plan.study_duration - plan.accrual_duration;
  plan.patients_at_study_end = static_cast<double>(patients) * spec.accrual.cdf(plan.study_duration);
  plan.schoenfeld = schoenfeld_comparison(spec, design, events);
  return plan;
}

namespace {

// The event-driven figures into a plan: power, per-look probabilities,
// expected sizes and the cap.
void apply_event_driven(SurvivalPlan& plan, const EventDrivenPower& ed, double cap) {
  plan.power = ed.power;
  plan.calendar_cap = cap;
  plan.capped_probability = ed.capped_total;
  plan.final_events_late = ed.final_events_late;
  plan.expected_events = ed.expected_events;
  plan.expected_duration = ed.expected_duration;
  double cumulative = 0.0;
  for (std::size_t k = 0; k < plan.looks.size(); ++k) {
    SurvivalLook& look = plan.looks[k];
    look.crossing = ed.upper[k];
    look.crossing_lower = ed.lower[k];
    look.capped = ed.capped[k];
    cumulative += ed.upper[k];
    look.cumulative_crossing = cumulative;
  }
}

SurvivalPlan exact_plan(const SurvivalSpec& spec, const Design& design, const EventDrivenContext& ctx,
                        long long patients, long long events) {
  SurvivalPlan plan = detail::fixed_time_plan(spec, design, patients, events);
  if (!looks_by_events(spec)) {
    // A look by calendar time enters the event-driven recursion at the
    // events the model expects at it (the information its bound spends at):
    // the looks by events, the final look's late events and the calendar cap
    // stay random as in the trial; the time look's own information is held
    // at its mean (in the trial its time is fixed and its events random).
    std::vector<double> looks;
    for (std::size_t k = 0; k < plan.looks.size(); ++k) {
      const SurvivalLook& look = plan.looks[k];
      const bool by_events = look.trigger == LookTriggerKind::kEvents;
      if (k == 0 && !by_events) detail::check_first_time_look(spec, look.expected_events, patients);
      looks.push_back(by_events ? static_cast<double>(look.events) : look.expected_events);
    }
    looks.back() = static_cast<double>(events);
    apply_event_driven(plan,
                       event_driven_power(ctx.profile, design, ctx.bounds,
                                          static_cast<double>(patients), looks, ctx.cap, ctx.settings),
                       ctx.cap);
    return plan;
  }
  apply_event_driven(plan, ctx.at(design, patients, events), ctx.cap);
  return plan;
}

// Looks by calendar time are placed for given patients and events, or for a
// size solved with the accrual and follow-up fixed, where their information
// fractions do not depend on the size (sized_look_fractions,
// look_trigger.hpp): a time look's expected events are then its fraction of
// the events at every size the solve tries, which is where the event-driven
// recursion places it. A solve for the follow-up would move their
// information with it.
void check_calendar_looks(const SurvivalSpec& spec, SolveMode mode) {
  if (looks_by_events(spec)) return;
  if (mode == SolveMode::kPower || mode == SolveMode::kPatients) return;
  throw numerics::InvalidInput({"looks"}, std::string(": ") + kCalendarLooksNeed);
}

}  // namespace

SurvivalPlan evaluate_plan(const SurvivalSpec& spec, const Design& design, long long patients,
                           long long events, const PlanSettings& settings) {
  return evaluate_plan(spec, design, patients, events, settings, std::nullopt);
}

SurvivalPlan evaluate_plan(const SurvivalSpec& spec, const Design& design, long long patients,
                           long long events, const PlanSettings& settings,
                           std::optional<CappedFinalBound> capped) {
  if (spec.method != SizingMethod::kExact) {
    SurvivalSpec given = spec;
    given.patients = patients;
    given.events = events;
    given.follow_up.reset();
    given.power.reset();
    return solve_survival(given, design, settings);
  }
  (void)look_events(design.spec.information_fractions, events);  // checks the counts first
  if (!capped) capped.emplace(design);
  if (!capped->built_for(design)) {
    throw std::invalid_argument("evaluate_plan: the capped final bounds are of another design");
  }
  const EventDrivenContext ctx(spec, std::move(*capped), settings);
  return exact_plan(spec, design, ctx, patients, events);
}

SurvivalPlan solve_survival(const SurvivalSpec& spec, const Design& design,
                            const PlanSettings& settings) {
  const numerics::SolverOptions& options = design.spec.solver;
  spec.validate();
  const SolveMode mode = solve_mode(spec);
  if (spec.power) detail::check_target_power(*spec.power, design);
  check_calendar_looks(spec, mode);
  if (settings.calendar_cap && !(*settings.calendar_cap > 0.0 && std::isfinite(*settings.calendar_cap))) {
    throw std::invalid_argument("calendar_cap must be positive and finite");
  }
  if (spec.method != SizingMethod::kExact) {
    SurvivalPlan plan = detail::classical_plan(spec, design, mode);
    const EventDrivenContext ctx(spec, design, settings);
    const SurvivalPlan exact = exact_plan(spec, design, ctx, plan.patients, plan.events);
    // The model's own powers are those of the log-rank test of equal hazards:
    // with a margin the method's power is the only one (at the expected look times).
    plan.power_fixed_times = spec.non_inferiority() ? plan.power : exact.power_fixed_times;
    if (spec.non_inferiority()) {
      plan.power_event_driven.reset();
      plan.schoenfeld.reset();  // its comparison is with equal hazards
      // Likewise per look: the model's fixed-time crossings are those of the
      // test of equal hazards, so the method's own crossings stand for them.
      for (SurvivalLook& look : plan.looks) look.crossing_fixed_times = look.crossing;
    } else {
      plan.power_event_driven = exact.power;
    }
    plan.calendar_cap = ctx.cap;
    plan.capped_probability = exact.capped_probability;
    plan.final_events_late = exact.final_events_late;
    plan.mode = mode;
    return plan;
  }
  const EventDrivenContext ctx(spec, design, settings);
  SurvivalPlan plan;
  switch (mode) {
    case SolveMode::kPower:
      (void)look_events(design.spec.information_fractions, *spec.events);
      plan = exact_plan(spec, design, ctx, *spec.patients, *spec.events);
      break;
    case SolveMode::kPatients: {
      const double fixed = solve_patients(spec, design, *spec.power, options);
      const double n = solve_patients_event_driven(spec, design, ctx, *spec.power, fixed, options);
      WholeSizes sizes = rounded_patients_and_events(spec, n, options);
      plan = exact_plan(spec, design, ctx, sizes.patients, sizes.events);
      // Whole looks (ceil of each fraction) and events held below the limit
      // can leave the rounded plan short of the target: the least whole
      // patients above it whose whole plan reaches the target then, one
      // patient at a time (whole_sizes_at: no patients skipped).
      const long long first = sizes.patients;
      const long long last = detail::last_whole_patients(first);
      while (plan.power < *spec.power && sizes.patients < last) {
        sizes = detail::whole_sizes_at(spec, sizes.patients + 1, options);
        plan = exact_plan(spec, design, ctx, sizes.patients, sizes.events);
      }
      if (plan.power < *spec.power) {
        if (sizes.events_at_limit) fail_follow_up_at_limit(spec, plan);
        fail_whole_plans_short(spec, first, plan);
      }
      plan.patients_unrounded = n;
      plan.events_unrounded =
          n * event_fraction(spec, spec.accrual.duration() + *spec.follow_up, options);
      break;
    }
    case SolveMode::kEvents: {
      const double fixed = solve_events(spec, design, *spec.power, options);
      const double d = solve_events_event_driven(spec, design, ctx, *spec.power, fixed, options);
      long long events = rounded_events(spec, d, options);
      plan = exact_plan(spec, design, ctx, *spec.patients, events);
      const double limit = plan.event_limit;
      for (int extra = 0; plan.power < *spec.power && extra < kMaxRoundingSteps &&
                          static_cast<double>(events + 1) < limit;
           ++extra) {
        plan = exact_plan(spec, design, ctx, *spec.patients, ++events);
      }
      plan.events_unrounded = d;
      break;
    }
  }
  plan.mode = mode;
  return plan;
}

}  // namespace gsd::survival
