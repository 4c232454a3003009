#pragma once
// Private: a plan sized by a classical method (classical_sizing.hpp) in any
// of the three solve modes; sample_size.cpp adds the exact powers beside it.
#include "gsd/survival/sample_size.hpp"

namespace gsd::survival::detail {

SurvivalPlan classical_plan(const SurvivalSpec& spec, const spending::Design& design, SolveMode mode);

// The fixed-time plan at these sizes: looks at their expected calendar
// times, the model's drifts and the fixed-time crossing probabilities.
SurvivalPlan fixed_time_plan(const SurvivalSpec& spec, const spending::Design& design,
                             long long patients, long long events);

}  // namespace gsd::survival::detail
