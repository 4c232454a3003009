#pragma once
// The simulator's samplers from the survival models of gsd::engine (issue 3):
// the same distributions, in the closed forms the inner loop calls. A test
// checks that the two agree point by point.
#include <optional>
#include <string>

#include "gsd/engine/survival/survival_spec.hpp"
#include "gsd/simulate/trial_model.hpp"

namespace gsd {

LatencySampler latency_sampler(const survival::Latency& latency);
AccrualSampler accrual_sampler(const survival::Accrual& accrual);
ArmModel arm_model(const survival::CureModel& model, std::optional<double> dropout_rate);

// One stratum from a survival spec (its arms and drop-out).
StratumModel stratum_model(const survival::SurvivalSpec& spec, std::string name = "all",
                           double proportion = 1.0);

// An unstratified trial of `patients` patients with the spec's accrual and
// allocation ratio; randomisation and block size keep their defaults.
TrialModel trial_model(const survival::SurvivalSpec& spec, int patients);

}  // namespace gsd
