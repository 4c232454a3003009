#include "gsd/monitoring/look_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/spending/leading_bounds.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// ceil(t D) of a planned fraction: a product like 0.5 * 94 may carry rounding
// of order 1e-14, which must not push 47 up to 48.
constexpr double kEventRounding = 1e-9;

// A spending function as a user function through the cumulative fraction
// that `f` spends at each spending time (1 at the final look).
SpendingFunction through(const SpendingFunction& f, double total, const std::vector<double>& fractions,
                         const std::vector<double>& spending_times) {
  std::vector<double> cumulative(fractions.size());
  for (std::size_t k = 0; k < fractions.size(); ++k) {
    cumulative[k] = k + 1 == fractions.size() ? 1.0 : spent(f, total, spending_times[k]) / total;
    if (k > 0 && cumulative[k] < cumulative[k - 1]) cumulative[k] = cumulative[k - 1];
  }
  return SpendingFunction::user(fractions, cumulative);
}

// The plan's per-look options (switches, fixed futility z) for the schedule's
// looks: look k of the schedule takes the plan's look k; looks beyond the
// plan's interims stop for efficacy and have no futility bound.
void map_look_options(const DesignSpec& planned, DesignSpec& spec) {
  const std::size_t n = spec.information_fractions.size();
  const std::size_t planned_interims = planned.information_fractions.size() - 1;
  auto interim = [&](std::size_t k) { return k + 1 < n && k < planned_interims; };
  if (!planned.efficacy_stops.empty()) {
    spec.efficacy_stops.assign(n, true);
    for (std::size_t k = 0; k < n; ++k) {
      if (interim(k)) spec.efficacy_stops[k] = planned.efficacy_stops[k];
    }
  }
  if (!planned.harm_stops.empty()) {
    // Looks beyond the plan's keep the plan's final switch.
    spec.harm_stops.assign(n, planned.harm_stops.back());
    for (std::size_t k = 0; k < n; ++k) {
      if (interim(k)) spec.harm_stops[k] = planned.harm_stops[k];
    }
  }
  if (!spec.futility) return;
  const bool fixed = spec.futility->rule == FutilityRule::kFixedZ ||
                     spec.futility->rule == FutilityRule::kEffectFraction;
  if (planned.futility_stops.empty() && !fixed) return;
  spec.futility_stops.assign(n, true);
  std::vector<double> values(n > 0 ? n - 1 : 0, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    const bool planned_look = interim(k);
    if (!planned.futility_stops.empty()) spec.futility_stops[k] = planned_look && planned.futility_stops[k];
    if (fixed && k + 1 < n) {
      if (planned_look) {
        values[k] = planned.futility->values[k];
      } else {
        spec.futility_stops[k] = false;
      }
    }
  }
  if (fixed) spec.futility->values = values;
}

// The design spec of this schedule at overall alpha: the observed fractions
// and, for spending families, a user spending function through exactly the
// cumulative alpha the plan's function spends at d / D (alpha at the final),
// or at the plan's spending time for the look when the plan gives one. A harm
// bound's spending follows the same rule.
DesignSpec schedule_spec(const DesignSpec& planned, const std::vector<double>& fractions,
                         const std::vector<double>& spending_times, double alpha) {
  DesignSpec spec = planned;
  spec.alpha = alpha;
  spec.information_fractions = fractions;
  spec.spending_time.clear();
  if (const auto* f = std::get_if<SpendingFunction>(&planned.efficacy)) {
    const double per_side = spec.alpha_per_side();
    spec.efficacy = through(*f, per_side, fractions, spending_times);
  }
  if (spec.harm) spec.harm->spending = through(planned.harm->spending, planned.harm->alpha, fractions, spending_times);
  if (!planned.spending_time.empty() && spec.futility &&
      spec.futility->rule == FutilityRule::kBetaSpending) {
    spec.futility->spending = through(planned.futility->spending, planned.beta, fractions, spending_times);
  }
  map_look_options(planned, spec);
  // Beta-spending needs an interim look; a schedule of the final look alone has none.
  if (fractions.size() < 2) {
    spec.futility.reset();
    spec.futility_stops.clear();
  }
  return spec;
}

std::vector<double> schedule_events(const MonitoringPlan& plan, std::span<const double> observed,
                                    bool final_analysis) {
  std::vector<double> events(observed.begin(), observed.end());
  const double d = observed.back();
  const double planned = plan.planned_events;
  // Planned looks follow only by the least step (information_step.hpp): a
  // look within a millionth of the planned events is the final analysis.
  if (final_analysis || !numerics::is_information_step(d, planned)) return events;
  for (double t : plan.design.information_fractions) {
    const double e = std::ceil(t * planned - kEventRounding);
    if (numerics::is_information_step(events.back(), e) && numerics::is_information_step(e, planned)) {
      events.push_back(e);
    }
  }
  events.push_back(planned);
  return events;
}

// The schedule's looks (events, information, fractions, spending times) and
// the design spec on them, before any bound is solved.
struct ScheduleFrame {
  LookSchedule schedule;
  DesignSpec spec;
};

// The frame at the last of `observed` (checked by check_observed), with
// `held` the efficacy bounds used at the looks before it (classical families).
ScheduleFrame schedule_frame(const MonitoringPlan& plan, std::span<const double> observed,
                             bool final_analysis, const std::vector<double>& held) {
  ScheduleFrame frame;
  LookSchedule& s = frame.schedule;
  s.events = schedule_events(plan, observed, final_analysis);
  if (s.events.size() > DesignSpec::kMaxLooks) {
    throw numerics::InvalidInput({"looks"}, ": " + std::to_string(s.events.size()) +
                                " looks with the planned remainder; at most " +
                                std::to_string(DesignSpec::kMaxLooks) + " are supported");
  }
  s.current = observed.size() - 1;
  const std::size_t n = s.events.size();
  for (std::size_t k = 0; k < n; ++k) {
    s.information.push_back(log_rank_information(s.events[k], plan.allocation_ratio));
    s.fractions.push_back(s.events[k] / s.events.back());
    // The charter's spending time where the plan gives one for this look.
    const auto& planned_time = plan.design.spending_time;
    const bool charter = !planned_time.empty() && k + 1 < planned_time.size();
    s.spending_times.push_back(k + 1 == n ? 1.0
                               : charter  ? planned_time[k]
                                          : s.events[k] / plan.planned_events);
  }
  s.fractions.back() = 1.0;
  DesignSpec& spec = frame.spec;
  spec = schedule_spec(plan.design, s.fractions, s.spending_times, plan.design.alpha);
  spec.held_efficacy = held;
  if (spec.futility && !spec.futility->hazard_ratios.empty()) {
    // A bound given as a hazard ratio is that hazard ratio at the events
    // observed: z = -ln(hr / m) sqrt(d r / (1 + r)^2) at each look's own
    // events, m the hazard ratio under H0 (1 unless a non-inferiority margin).
    const auto& hr = spec.futility->hazard_ratios;
    for (std::size_t k = 0; k + 1 < n && k < hr.size(); ++k) {
      spec.futility->values[k] = -std::log(hr[k] / plan.null_hazard_ratio) * std::sqrt(s.information[k]) + 0.0;
    }
  }
  return frame;
}

// The frame's bounds at every look (not yet the alpha they spend).
void solve_bounds(const DesignSpec& spec, LookSchedule& s) {
  const std::size_t n = s.events.size();
  s.futility.assign(n, std::nullopt);
  s.harm.assign(n, std::nullopt);
  if (spec.futility || spec.harm) {
    const Design d = compute_design(spec);
    s.futility = d.futility;
    s.harm = d.harm;
    s.efficacy = spec.binding_futility() || spec.binding_harm() ? d.efficacy : efficacy_bounds(spec);
  } else {
    s.efficacy = efficacy_bounds(spec);
  }
}

// The frame's bounds and the alpha they spend.
LookSchedule solve_schedule(ScheduleFrame frame) {
  LookSchedule& s = frame.schedule;
  const DesignSpec& spec = frame.spec;
  const std::size_t n = s.events.size();
  solve_bounds(spec, s);
  // Type I error actually spent by these bounds (binding lower bounds count).
  StoppingRegions h0{std::vector<double>(n, -kInf), s.efficacy, {}};
  const bool two_sided = spec.sided == Sidedness::kTwoSidedSymmetric;
  if (two_sided && spec.binding_futility()) h0.inner.assign(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    if (two_sided) h0.lower[k] = -s.efficacy[k];
    if (spec.binding_futility() && s.futility[k]) {
      (two_sided ? h0.inner[k] : h0.lower[k]) = *s.futility[k];
    }
    if (spec.binding_harm() && s.harm[k]) h0.lower[k] = std::max(h0.lower[k], *s.harm[k]);
  }
  const ExitProbabilities null = exit_probabilities(s.fractions, h0, 0.0, spec.solver);
  s.cumulative_alpha = null.cumulative_upper();
  if (two_sided) {
    const auto lower = null.cumulative_lower();
    for (std::size_t k = 0; k < n; ++k) s.cumulative_alpha[k] += lower[k];
  }
  return s;
}

// The schedule at the last of `observed` (checked by check_observed), with
// `held` the efficacy bounds used at the looks before it (classical families).
LookSchedule schedule_holding(const MonitoringPlan& plan, std::span<const double> observed,
                              bool final_analysis, const std::vector<double>& held) {
  return solve_schedule(schedule_frame(plan, observed, final_analysis, held));
}

// A classical family's bound at each look before the last of `observed`, as
// its own schedule gave it then (each held while the next is solved).
std::vector<double> held_classical_bounds(const MonitoringPlan& plan, std::span<const double> observed) {
  std::vector<double> held;
  for (std::size_t j = 0; j + 1 < observed.size(); ++j) {
    ScheduleFrame frame = schedule_frame(plan, observed.first(j + 1), false, held);
    solve_bounds(frame.spec, frame.schedule);
    held.push_back(frame.schedule.efficacy[j]);
  }
  return held;
}

// Observed events that schedule_at_look accepts: at least one look, each a
// log-rank information the numerics take, each at least the least step
// beyond the one before.
void check_observed(const MonitoringPlan& plan, std::span<const double> observed) {
  if (observed.empty()) throw numerics::InvalidInput({"looks"}, "[]", "must hold at least one look");
  for (std::size_t k = 0; k < observed.size(); ++k) {
    const numerics::FieldPath look{"looks", k};
    numerics::within(look, [&] { return log_rank_information(observed[k], plan.allocation_ratio); });
    if (k > 0 && !numerics::is_information_step(observed[k - 1], observed[k])) {
      throw numerics::InvalidInput(
          look.key("events"), numerics::format_input(observed[k]),
          numerics::information_step_rule("look's " + numerics::format_input(observed[k - 1]) + " events",
                                          observed[k - 1], observed[k]));
    }
  }
}

}  // namespace

LookSchedule schedule_at_look(const MonitoringPlan& plan, std::span<const double> observed,
                              bool final_analysis) {
  check_observed(plan, observed);
  // A classical family's bound at each earlier look is the one its own
  // schedule gave then; those bounds are held while the constant is solved
  // for the looks from this one on, so that the bounds actually used spend
  // alpha. Spending families need nothing held: alpha(d / D) at a look does
  // not depend on the looks after it.
  std::vector<double> held;
  if (std::holds_alternative<ClassicalBoundary>(plan.design.efficacy)) held = held_classical_bounds(plan, observed);
  return schedule_holding(plan, observed, final_analysis, held);
}

LookBounds bounds_at_look(const MonitoringPlan& plan, std::span<const double> observed,
                          bool final_analysis) {
  check_observed(plan, observed);
  std::vector<double> held;
  if (std::holds_alternative<ClassicalBoundary>(plan.design.efficacy)) held = held_classical_bounds(plan, observed);
  ScheduleFrame frame = schedule_frame(plan, observed, final_analysis, held);
  const std::size_t k = frame.schedule.current;
  // Bounds that the looks so far settle (leading_bounds.hpp): without the
  // planned remainder's looks. Others from the whole schedule; either way
  // without the schedule's cumulative alpha, which the bounds do not need.
  if (const auto lead = leading_bounds(frame.spec, k + 1)) {
    return LookBounds{lead->efficacy[k], lead->futility[k], lead->harm[k]};
  }
  LookSchedule& s = frame.schedule;
  solve_bounds(frame.spec, s);
  return LookBounds{s.efficacy[k], s.futility[k], s.harm[k]};
}

namespace {

// A binding futility bound ends trials under H0, so the efficacy bounds at
// any alpha count on it: the bounds in force at these looks (the schedule's)
// are held as given z bounds, as rpact 3.3.4's getAnalysisResults holds a
// design's futilityBounds when it solves for the repeated p-value. False
// when no look has one (nothing is held).
bool held_futility(const LookSchedule& schedule, DesignSpec& spec) {
  const std::size_t n = schedule.fractions.size();
  FutilitySpec held;
  held.rule = FutilityRule::kFixedZ;
  held.binding = true;
  held.values.assign(n - 1, 0.0);
  std::vector<bool> stops(n, false);
  bool any = false;
  for (std::size_t k = 0; k + 1 < n && k < schedule.futility.size(); ++k) {
    if (!schedule.futility[k]) continue;
    held.values[k] = *schedule.futility[k];
    stops[k] = true;
    any = true;
  }
  if (!any) return false;
  spec.futility = held;
  spec.futility_stops = stops;
  return true;
}

}  // namespace

double least_alpha(const MonitoringPlan& plan, const LookSchedule& schedule) {
  const auto* c = std::get_if<ClassicalBoundary>(&plan.design.efficacy);
  if (c == nullptr || c->family() != ClassicalFamily::kHaybittlePeto) return 0.0;
  // The interim bounds as the schedule has them (each look's own, where one
  // stops for efficacy), none at the final look.
  const std::size_t n = schedule.fractions.size();
  const bool two_sided = plan.design.sided == Sidedness::kTwoSidedSymmetric;
  StoppingRegions interims{std::vector<double>(n, -kInf), schedule.efficacy, {}};
  interims.upper.back() = kInf;
  for (std::size_t k = 0; k < n; ++k) {
    if (two_sided) interims.lower[k] = -interims.upper[k];
  }
  const ExitProbabilities e = exit_probabilities(schedule.fractions, interims, 0.0, plan.design.solver);
  return e.total_upper() + (two_sided ? e.total_lower() : 0.0);
}

std::vector<double> efficacy_at_alpha(const MonitoringPlan& plan, const LookSchedule& schedule,
                                      double alpha) {
  // With a harm bound, alpha here is the efficacy side's. A non-binding harm
  // bound does not move the efficacy bounds; a binding one does, and stays in
  // force with its own alpha beside this one.
  DesignSpec planned = plan.design;
  const bool binding_harm = planned.binding_harm();
  if (!binding_harm) {
    planned.harm.reset();
    planned.harm_stops.clear();
  }
  const double total = binding_harm ? alpha + planned.harm->alpha : alpha;
  DesignSpec spec = schedule_spec(planned, schedule.fractions, schedule.spending_times, total);
  // One-sided designs: a two-sided design's futility region is inner, and
  // gsd spends it by beta spending only, so its bounds cannot be held as
  // given z (its repeated p-value still treats the futility bound as
  // non-binding).
  // Nor a Pampallona-Tsiatis design's paired futility bound: its efficacy
  // constant is solved with that bound's own rule, which fixed z cannot
  // stand for (that design's search treats it as non-binding too).
  const auto* classical = std::get_if<ClassicalBoundary>(&planned.efficacy);
  const bool paired = classical != nullptr && classical->family() == ClassicalFamily::kPampallonaTsiatis;
  const bool binding_futility = planned.binding_futility() && planned.sided == Sidedness::kOneSided &&
                                !paired && held_futility(schedule, spec);
  if (!binding_futility) {
    spec.futility.reset();
    spec.futility_stops.clear();
  }
  if (!binding_harm && !binding_futility) return efficacy_bounds(spec);
  if (!binding_harm) return binding_efficacy_bounds(spec);
  // Binding lower bounds are spent under H0: the efficacy bounds do not
  // depend on the drift, so any drift gives them without the drift search.
  return design_at_drift(spec, 1.0).efficacy;
}

}  // namespace gsd::monitoring
