#pragma once
// What monitoring adds for a normal or binary endpoint: each look's
// statistic on the natural scale (a mean, a difference of means, a rate, a
// difference or a ratio of rates), its bounds and repeated confidence
// interval there, and the stage-wise inference mapped back to that scale.
// The group-sequential part (bounds at the observed information, decisions,
// repeated p-values, conditional power, stage-wise ordering) is the z-scale
// machinery of gsd::monitoring, run with patients in place of events.
#include <optional>
#include <vector>

#include "gsd/endpoints/endpoint_look.hpp"
#include "gsd/endpoints/endpoint_spec.hpp"
#include "gsd/trial.hpp"

namespace gsd {

struct EndpointLookReport {
  endpoints::LookStatistic statistic;
  // The estimates at which z equals the look's bounds, at its patients with
  // the planned sd or rates (as gsd design reports its bounds).
  std::optional<double> efficacy_effect;
  std::optional<double> futility_effect;
  // Repeated confidence interval on the natural scale (Jennison & Turnbull
  // 2000, ch. 9): the values whose test at this look stays within the
  // efficacy bound. Absent where the look spends no alpha.
  std::optional<endpoints::NaturalInterval> repeated_ci;
};

struct EndpointFinalInference {
  double median_unbiased = 0.0;
  endpoints::NaturalInterval ci;
};

struct EndpointMonitoring {
  endpoints::EndpointSpec spec;
  double planned_patients = 0.0;
  // E[Z] / sqrt(patients) at the endpoint's alternative (conditional power).
  double standardized_effect = 0.0;
  std::vector<EndpointLookInput> inputs;
  std::vector<EndpointLookReport> looks;
  std::optional<EndpointFinalInference> final_inference;
};

}  // namespace gsd
