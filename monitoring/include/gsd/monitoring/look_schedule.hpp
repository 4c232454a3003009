#pragma once
// Boundaries at the information actually observed.
//
// Spending families (Lan & DeMets 1983; rpact's observed information rates,
// gsDesign's n.I / maxn.IPlan): the cumulative alpha at a look with d events is
// alpha(d / D). The final analysis spends exactly what remains, alpha, whether
// it comes at, before or after the planned D events (gsDesign convention:
// timing n.I / maxn.IPlan for spending, alpha at the final analysis). The
// correlation of the statistics uses the actual events, sqrt(d_j / d_k), so
// the fractions here are d / max(D, d_final).
//
// Classical families (O'Brien-Fleming, Pocock, Wang-Tsiatis, Haybittle-Peto)
// have no spending function: a look's bound is the family's shape at the
// fractions known then (the looks observed so far and the planned
// remainder). A bound already used at an earlier look keeps the value it had
// then, and is held while the constant is solved for the later looks
// (DesignSpec::held_efficacy), so that the bounds used spend alpha.
//
// Looks not yet taken are the planned ones, at ceil(t D) events for each
// planned fraction t whose event count lies beyond the current look (47, 71
// and 94 for fractions 0.5, 0.75, 1 of 94 events).
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "gsd/monitoring/monitoring_plan.hpp"

namespace gsd::monitoring {

struct LookSchedule {
  // Events at every look: the observed ones, then the planned remainder.
  std::vector<double> events;
  // Log-rank information d r / (1 + r)^2 at every look.
  std::vector<double> information;
  // Correlation fractions d / d_last (d_last = max(D, d_final) when the final
  // over-runs, d_final when it under-runs), the last equal to 1.
  std::vector<double> fractions;
  // Spending times d / D at interim looks (the plan's spending time for the
  // look when the plan gives one), 1 at the final analysis.
  std::vector<double> spending_times;
  // Cumulative alpha (both sides for a two-sided design) through each look.
  std::vector<double> cumulative_alpha;
  // Efficacy z bound per look (+infinity where a look spends nothing).
  std::vector<double> efficacy;
  // Futility z bound per look where the design has one.
  std::vector<std::optional<double>> futility;
  // Harm z bound per look where the design has one.
  std::vector<std::optional<double>> harm;
  // Index of the last observed look.
  std::size_t current = 0;
  bool current_is_final() const { return current + 1 == events.size(); }
};

// The schedule as known at the last of `observed_events`; `final_analysis`
// marks that look as the final one even if it under-runs the plan. Throws
// std::invalid_argument for non-increasing events or too many looks.
LookSchedule schedule_at_look(const MonitoringPlan& plan, std::span<const double> observed_events,
                              bool final_analysis);

// The bounds of one look: the current look of a schedule.
struct LookBounds {
  double efficacy = 0.0;  // +infinity where the look spends nothing
  std::optional<double> futility;
  std::optional<double> harm;
};

// schedule_at_look(plan, observed_events, final_analysis)'s bounds at its
// current look, bit for bit, without the schedule's cumulative alpha (a
// simulated trial recomputing its bounds at each look needs no more); the
// observed events it refuses are those schedule_at_look refuses, with the
// same messages. Where the looks so far settle the bounds
// (spending::leading_bounds: a spending function, no binding lower bound, a
// futility bound only as fixed z) the planned remainder is not solved
// either, so a design whose whole schedule has no solution past the current
// look (a drift search without a root) still has its bounds here.
LookBounds bounds_at_look(const MonitoringPlan& plan, std::span<const double> observed_events,
                          bool final_analysis);

// The overall alpha below which the design has no bounds on this schedule
// (both sides for a two-sided design): what a Haybittle-Peto design's fixed
// interim bounds spend, since its final bound spends the rest; 0 for every
// other design. The repeated p-value searches above it.
double least_alpha(const MonitoringPlan& plan, const LookSchedule& schedule);

// Efficacy bounds of the same schedule at another overall alpha (both sides
// for a two-sided design) with futility treated as non-binding: the repeated
// p-value searches over this.
std::vector<double> efficacy_at_alpha(const MonitoringPlan& plan, const LookSchedule& schedule,
                                      double alpha);

}  // namespace gsd::monitoring
