#include "gsd/endpoints/expected_outcomes.hpp"

namespace gsd::endpoints {

namespace {

// The smaller of an arm's expected responders and non-responders.
ExpectedOutcomes arm_outcomes(double n, double rate, bool treatment) {
  const double responders = n * rate;
  const double non_responders = n * (1.0 - rate);
  return responders <= non_responders ? ExpectedOutcomes{responders, treatment, true}
                                      : ExpectedOutcomes{non_responders, treatment, false};
}

}  // namespace

ExpectedOutcomes fewest_expected_outcomes(const EndpointSpec& spec, double patients) {
  if (spec.groups == 1) return arm_outcomes(patients, spec.rate.value_or(0.5), true);
  const double r = spec.allocation_ratio;
  const ExpectedOutcomes t = arm_outcomes(patients * r / (1.0 + r), spec.treatment_rate.value_or(0.5), true);
  const ExpectedOutcomes c = arm_outcomes(patients / (1.0 + r), spec.control_rate.value_or(0.5), false);
  return c.count < t.count ? c : t;
}

}  // namespace gsd::endpoints
