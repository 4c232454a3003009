#pragma once
// The event counts at which the looks happen, and the efficacy bounds used
// when a calendar cap cuts the trial short.
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "gsd/numerics/sequential_integrator.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::simulate {

struct LookPlan {
  int planned_events = 0;        // events at the final look
  std::vector<int> look_events;  // strictly increasing, last = planned_events
  // What triggers each look (survival/look_trigger.hpp): its look_events, a
  // calendar time, or whichever comes first or last. Empty: all by events.
  // A look never comes before the previous one; one whose time passes the
  // calendar cap is replaced by the final analysis at the cap.
  std::vector<survival::LookTrigger> triggers;
};

// Looks at ceil(information_fractions[k] * events), as the analytic power of
// gsd::survival::look_events (0.75 x 94 = 70.5 -> 71). Given explicit counts,
// each must be fraction x events rounded up or down (|difference| < 1);
// otherwise std::invalid_argument naming "look_events[k]". So a capped final
// analysis after look k always has information above the design's fraction.
LookPlan make_look_plan(const spending::Design& design, int events,
                        const std::optional<std::vector<int>>& look_events = std::nullopt);

// Efficacy z bound of a final analysis forced by the calendar cap with d
// observed events, for every d in [1, planned_events - 1] that is not a planned
// look count. Earlier looks keep the design's fractions and bounds; the final
// bound spends all the alpha not yet spent, at information fraction
// d / planned_events (Lan & DeMets 1983: the spending function is evaluated at
// the information actually observed).
//
// The integrator's state after each look is kept at construction; a bound is
// solved from it the first time some replicate asks for its d, and kept. Only
// the counts that capped replicates reach are solved: a trial of hundreds of
// thousands of events would otherwise spend minutes solving bounds that no
// replicate uses. A bound is a pure function of d, so whichever thread (or
// MPI rank) solves it first, it is the same number; two threads that meet
// the same d at once both solve it and store the same value.
//
// A weighted log-rank test's design has its own information fractions t_k
// (survival/weighted_logrank_power.hpp), not d_k / D. With
// `kInterpolated` the capped final's fraction is then interpolated linearly
// in events between the looks' (0 at 0 events, t_k at d_k events), which
// keeps it on the test's scale and between the looks around it.
enum class CappedInformation { kEventFraction, kInterpolated };

class CappedFinalBounds {
 public:
  CappedFinalBounds(const spending::Design& design, const LookPlan& plan,
                    CappedInformation information = CappedInformation::kEventFraction);
  // Bound for a capped final analysis at d events; +infinity if d is a planned
  // count or out of range (no analysis is defined there). Throws
  // numerics::NumericalError where the bound has no solution.
  double bound(int events) const;
  // Harm bound of that analysis: the harm alpha left after the looks before
  // it, spent at d / D with the bounds of those looks in force as the harm
  // alpha was spent; -infinity without a harm bound (or where bound() is +inf).
  double harm_bound(int events) const;

 private:
  // The looks before a capped final between look k - 1 and look k: done.
  struct Segment {
    numerics::SequentialIntegrator h0;    // under H0, the design's regions
    numerics::SequentialIntegrator harm;  // the harm side as its alpha was spent
    double remaining = 0.0;               // efficacy alpha not yet spent
    double harm_left = 0.0;               // harm alpha not yet spent
  };
  // Look k with look_events[k - 1] < d < look_events[k]; none at a look's d.
  std::optional<std::size_t> segment_of(int events) const;
  double fraction(int events, std::size_t k) const;

  std::vector<int> look_events_;
  std::vector<double> fractions_;
  double planned_events_ = 0.0;
  CappedInformation information_ = CappedInformation::kEventFraction;
  bool two_sided_ = false;
  bool harm_ = false;
  std::vector<Segment> segments_;
  // Indexed by events; NaN until solved. Relaxed atomics: the value is the
  // same whoever stores it, and nothing else is published through it.
  std::unique_ptr<std::atomic<double>[]> bound_;
  std::unique_ptr<std::atomic<double>[]> harm_bound_;
};

}  // namespace gsd::simulate
