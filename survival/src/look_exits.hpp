#pragma once
// Private: what a survival plan reports from the exit probabilities of its
// looks under the alternative, shared by the event-driven plan
// (sample_size.cpp) and the classical plan (classical_sizing.cpp).
#include <cstddef>
#include <vector>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/survival/sample_size.hpp"

namespace gsd::survival::detail {

// Sets each look's upper and lower crossing probability and the cumulative
// upper one, the plan's power, and adds to its expected events and duration
// each look's events and time weighted by the chance of stopping there;
// every trial still running at the last look stops there. A two-sided
// design's futility region is inner (|z| below the bound), beside the lower
// efficacy bound: both stop the trial.
inline void set_look_exits(SurvivalPlan& plan, const numerics::ExitProbabilities& exits) {
  const std::vector<double> cumulative = exits.cumulative_upper();
  double stopped = 0.0;
  for (std::size_t k = 0; k < plan.looks.size(); ++k) {
    SurvivalLook& look = plan.looks[k];
    look.crossing = exits.upper[k];
    look.crossing_lower = exits.lower[k] + (exits.inner.empty() ? 0.0 : exits.inner[k]);
    look.cumulative_crossing = cumulative[k];
    const double stop = k + 1 == plan.looks.size() ? 1.0 - stopped : exits.stop(k);
    plan.expected_events += stop * static_cast<double>(look.events);
    plan.expected_duration += stop * look.calendar_time;
    stopped += stop;
  }
  plan.power = exits.total_upper();
}

}  // namespace gsd::survival::detail
