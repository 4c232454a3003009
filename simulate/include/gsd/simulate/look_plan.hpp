#pragma once
// The event counts at which the looks happen, and the efficacy bounds used
// when a calendar cap cuts the trial short.
#include <optional>
#include <vector>

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
// the information actually observed). Solved once, at construction, so no
// replicate ever solves a bound.
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
  // count or out of range (no analysis is defined there).
  double bound(int events) const noexcept;
  // Harm bound of that analysis: the harm alpha left after the looks before
  // it, spent at d / D with the bounds of those looks in force as the harm
  // alpha was spent; -infinity without a harm bound (or where bound() is +inf).
  double harm_bound(int events) const noexcept;

 private:
  std::vector<double> bound_;  // indexed by events
  std::vector<double> harm_;   // indexed by events
};

}  // namespace gsd::simulate
