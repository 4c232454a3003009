#pragma once
// The sample size or power of a group-sequential trial with a normal or
// binary endpoint, and its bounds on the scale of the estimate.
//
// Method (rpact 3.3.4's getSampleSizeMeans/-Rates and getPowerMeans/-Rates):
// the boundaries are those of the z statistic (spending::Design). Solving for
// patients at power P, the trial needs the fixed design's patients for P
// times (drift / (z_a + z_{1-P}))^2, drift the design's theta sqrt(I_max) at
// power P: at the design's own power that factor is its inflation factor
// (Jennison & Turnbull 2000, section 2.7), rpact's maxNumberOfSubjects =
// inflationFactor x nFixed. Look k has the fraction t_k of the patients.
// With the t test (normal endpoint, normal_approximation false) the fixed
// design is sized by the noncentral t (rpact); the looks keep the z bounds,
// reported on the estimate scale through the t quantile at each look's
// nominal level and patients - groups degrees of freedom.
// Given patients, the power is the crossing probability at the drift the
// endpoint gives them (statistic.hpp: drift_at), with the design's bounds.
// Expected patients are N_max times the expected information fraction.
#include <optional>
#include <vector>

#include "gsd/endpoints/endpoint_spec.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::endpoints {

enum class EndpointSolve { kPatients, kPower };

struct EndpointLook {
  double information_fraction = 0.0;
  double patients = 0.0;            // fraction x patients_unrounded (rpact's numberOfSubjects)
  double patients_treatment = 0.0;  // two samples: r / (1 + r) of them
  double patients_control = 0.0;    // two samples: 1 / (1 + r) of them
  double efficacy_z = 0.0;          // +infinity where the look does not stop for efficacy
  std::optional<double> futility_z;
  // The estimate (mean, difference, rate or ratio) at each bound.
  std::optional<double> efficacy_effect;
  std::optional<double> efficacy_effect_lower;  // two-sided designs: the other side
  std::optional<double> futility_effect;
  std::optional<double> harm_effect;  // where the design has a harm bound
  double drift = 0.0;                  // E[Z_k] under the alternative
  double probability_efficacy_h1 = 0.0;
  double probability_lower_h1 = 0.0;   // futility (or the lower side) under H1
  double cumulative_power = 0.0;
};

struct EndpointPlan {
  EndpointSolve solved_for = EndpointSolve::kPatients;
  double patients_unrounded = 0.0;  // rpact's maxNumberOfSubjects
  double patients = 0.0;            // rounded up (as given when solving for power)
  // The least patients whose every look has a statistic (look_patients.hpp):
  // solving for patients, `patients` is at least this, so that the trial can
  // be run and simulated as planned. Patients given are taken as given (the
  // power of a continuous size, as rpact's), fewer included: gsd simulate
  // refuses those.
  int least_patients = 0;
  double power = 0.0;
  std::optional<double> fixed_patients;  // solving for patients: the fixed design's at this power
  double drift = 0.0;
  double expected_patients_h0 = 0.0;  // rpact's expectedNumberOfSubjectsH0
  double expected_patients_h1 = 0.0;  // rpact's expectedNumberOfSubjectsH1
  std::vector<EndpointLook> looks;
};

// Throws numerics::InvalidInput (paths relative to the endpoint section) for
// a spec the design cannot size, and numerics::NumericalError if a root
// cannot be found.
EndpointPlan plan_endpoint(const EndpointSpec& spec, const spending::Design& design);

}  // namespace gsd::endpoints
