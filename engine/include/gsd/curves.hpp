#pragma once
// The data behind gsd's plots, so that every front end (SVG from the command
// line, base R graphics, matplotlib, the web page) draws the same curves.
#include <optional>
#include <span>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/monitor.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/simulate/trial_model.hpp"

namespace gsd {

struct Curve {
  std::vector<double> x;
  std::vector<double> y;
};

// Cumulative error spent against the information fraction, at steps + 1
// equally spaced points of [0, 1]: alpha (both sides for a two-sided
// design), absent for a classical family, which has no spending function;
// beta when the design has beta-spending futility.
struct SpendingCurves {
  std::optional<Curve> alpha;
  std::optional<Curve> beta;
};
SpendingCurves spending_curves(const spending::Design& design, int steps = 100);

// A survival plan over [0, t_max] at points + 1 equally spaced times: each
// arm's survival S(t) = pi + (1 - pi) S_u(t), the expected events of the plan's
// patients by calendar time, and the hazard ratio treatment / control where
// the control hazard is positive and the ratio at most max_ratio (the ratio of
// two cure models grows without bound once the noncured die out).
struct PlanCurves {
  Curve control_survival;
  Curve treatment_survival;
  Curve expected_events;
  Curve hazard_ratio;
};
PlanCurves plan_curves(const SampleSize& plan, double t_max, int points = 200,
                       double max_ratio = 5.0);

// The weights of weighted log-rank tests over [0, t_max] at points + 1
// equally spaced study times: w(t) of the pooled survival limit exp(-L(t))
// (weighted_logrank.hpp), each divided by its largest value there so that
// tests of different scales share one axis.
std::vector<Curve> weight_curves(const SampleSize& plan, const std::vector<survival::LogRankWeight>& weights,
                                 double t_max, int points = 200);

// Power of a survival plan at its patients and events, for each noncured
// hazard ratio: the treatment arm's latency is the control's with hazards
// multiplied by the ratio (its cure fraction unchanged), and the design's
// bounds are kept. Ratios at which the planned events cannot be reached give
// no point. The points are {hazard_ratio, power}.
Curve power_curve(const spending::Design& design, const SampleSize& plan,
                  std::span<const double> hazard_ratios);

// The hazard ratios of the plots' power curve: 41 from 0.3 to 1.1 (steps of
// 0.02), or up to a non-inferiority margin `hazard_ratio_h0` above 1.1.
std::vector<double> power_curve_hazard_ratios(double hazard_ratio_h0);

// Product-limit estimate (Kaplan & Meier 1958) of one arm of a simulated
// trial, on the data observed at calendar time tau: a step function starting
// at (0, 1), one step per event time, ending at the last follow-up time.
Curve kaplan_meier(std::span<const simulate::PatientRecord> patients, bool treatment, double tau);

// The population survival of an arm of a trial model (strata mixed by their
// proportions) at points + 1 equally spaced times over [0, t_max].
Curve model_survival(const simulate::TrialModel& model, bool treatment, double t_max,
                     int points = 200);

// Conditional power to the end of the trial at the last look of a report,
// against the true hazard ratio, at `points` equally spaced ratios.
Curve conditional_power_curve(const MonitoringReport& report, double hr_min, double hr_max,
                              int points = 200);

}  // namespace gsd
