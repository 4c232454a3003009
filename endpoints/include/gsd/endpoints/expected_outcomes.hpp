#pragma once
// The fewest responders or non-responders any arm of a binary endpoint
// expects under the alternative. The plan's power is the normal
// approximation of the rate statistic (rpact's); where an arm expects few of
// either outcome the statistic takes few, skewed values and the
// approximation drifts from the trial's true power (docs/plan-accuracy.md).
#include "gsd/endpoints/endpoint_spec.hpp"

namespace gsd::endpoints {

// Below this many expected responders or non-responders in an arm at the
// final analysis, the normal approximation's power was measured off by 0.01
// or more against simulation (1:1 non-inferiority at margin -0.05, one look:
// 23 expected give 0.011, 17 give 0.017, 7 give 0.019; 30 and more give at
// most 0.0065). The plan then says so.
inline constexpr double kFewExpectedOutcomes = 25.0;

struct ExpectedOutcomes {
  double count = 0.0;     // the fewest expected of one outcome in one arm
  bool treatment = true;  // that arm (one sample: true)
  bool responders = true;  // that outcome
};

// Binary endpoints only; `patients` in all, split by the allocation ratio.
ExpectedOutcomes fewest_expected_outcomes(const EndpointSpec& spec, double patients);

}  // namespace gsd::endpoints
