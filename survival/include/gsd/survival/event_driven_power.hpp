#pragma once
// Event-driven power of a group-sequential log-rank trial: each look happens
// when its planned number of events has been observed, at a random calendar
// time, and a trial whose events have not all come by the calendar cap has
// its final analysis there with the events it has, against the bound that
// spends the alpha left (capped_final_bound.hpp) -- the trial the simulator
// runs.
//
// Method. The state after look k is (T_k, L_k): the look's calendar time and
// the linearised log-rank statistic (calendar_profile.hpp).
//  - Look times: the event count by calendar time t is a sum over the
//    patients, binomial per arm (fixed arm sizes). Given T_{k-1} = s, the
//    patients without an event at s have their events in (s, t] with
//    probability (F_j(t) - F_j(s)) / (1 - F_j(s)), so P(T_k <= t | T_{k-1} = s)
//    is the probability of at least d_k - d_{k-1} new events: a sum of two
//    binomials, evaluated as the binomial with its mean and variance
//    (regularised incomplete beta). The control events among the first d_{k-1}
//    are their regression on the count. T_k is discretised into bins of the
//    normal-score scale of its marginal distribution within [0, cap]; the rest
//    of the probability waits past the cap.
//  - Statistic given the look time: L_k | T_k = t is normal with mean
//    N U(t) + beta_k (d_k - N F(t)) (the score regressed on the event count)
//    and variance Var(L | D) at the look's expected time, from the influence
//    functions of the score, its variance estimate and the count (the
//    functional delta method; Andersen, Borgan, Gill & Keiding 1993, II.8 and
//    IV.4). The look rejects when L_k >= b_k sqrt(E[V | D(t) = d_k]).
//  - Successive looks: L has independent increments given the look times
//    (canonical joint distribution, Jennison & Turnbull 2000, ch. 3, in the
//    information v_k = Var(L_k | D)); the recursion of Armitage, McPherson &
//    Rowe (1969) runs over the pairs (time bin, z grid), with the time bins
//    linked by the count transitions above.
//  - The cap: from each state at look k - 1, the events observed by the cap
//    (fewer than look k's) are binomial as above; with e > 0 new events the
//    final analysis at the cap has information (d_{k-1} + e) / d_K and the
//    statistic's mean and variance at the cap time; with none, no analysis.
// Measured against gsd's simulator (1e6 replicates per plan): within 0.003
// on every plan of tests/survival/event_driven_power_test.cpp.
#include <span>
#include <vector>

#include "gsd/spending/design.hpp"
#include "gsd/survival/calendar_profile.hpp"
#include "gsd/survival/capped_final_bound.hpp"

namespace gsd::survival {

struct EventDrivenSettings {
  // Calendar-time bins per look: 13 bins put the power within 2e-4 of the
  // 25-bin limit on the plans of the test (the events near their all-time
  // limit converge slowest).
  int time_bins = 13;
  // The bins' edges sit at normal scores in [-span, span] of the look time's
  // marginal distribution (plus the two tails).
  double time_span = 2.5;
  // Grid of the recursive integration (Jennison & Turnbull 2000, sec. 19.2):
  // r = 8 (numerics::quadrature_grid, 5-point Gauss-Legendre intervals)
  // integrates a crossing probability to about 1e-7, far below the
  // method's own error.
  int grid_r = 8;
};

struct EventDrivenPower {
  double power = 0.0;               // P(reject through the upper bound), capped analyses included
  std::vector<double> upper;        // per look: first upper crossing (incl. capped at that look)
  std::vector<double> lower;        // per look: first lower exit (futility or harm)
  std::vector<double> capped;       // per look: still running when the cap comes before the look
  double capped_total = 0.0;        // sum of capped: trials that end at the cap
  // P(the final look's events have not all come by the cap), whether or not
  // the trial stopped earlier: how many trials would wait past the cap.
  double final_events_late = 0.0;
  double expected_events = 0.0;     // at the stopping analysis
  double expected_duration = 0.0;   // calendar time of the stopping analysis (or the cap)
};

// patients > 0; look_events increasing from 1, one per design look (the last
// is the planned total; fractional counts are allowed, so that a solve can
// vary the size continuously); calendar_cap > 0 within the profile's horizon. Throws
// std::invalid_argument for inconsistent input, numerics::NumericalError
// when a root search fails.
EventDrivenPower event_driven_power(const CalendarProfile& profile, const spending::Design& design,
                                    const CappedFinalBound& capped, double patients,
                                    std::span<const double> look_events, double calendar_cap,
                                    const EventDrivenSettings& settings = {});

}  // namespace gsd::survival
