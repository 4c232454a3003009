#include "gsd/simulate/from_survival.hpp"

namespace gsd {

LatencySampler latency_sampler(const survival::Latency& latency) {
  switch (latency.family()) {
    case survival::LatencyFamily::kExponential:
      return LatencySampler::exponential(latency.rate());
    case survival::LatencyFamily::kWeibull:
      return LatencySampler::weibull(latency.shape(), latency.scale());
    case survival::LatencyFamily::kPiecewiseExponential:
      return LatencySampler::piecewise_exponential(latency.starts(), latency.rates());
  }
  return LatencySampler::exponential(latency.rate());
}

AccrualSampler accrual_sampler(const survival::Accrual& accrual) {
  if (accrual.is_uniform()) return AccrualSampler::uniform(accrual.duration());
  std::vector<double> starts{0.0};
  const auto& ends = accrual.ends();
  starts.insert(starts.end(), ends.begin(), ends.end() - 1);
  return AccrualSampler::piecewise(std::move(starts), accrual.relative_rates(), accrual.duration());
}

ArmModel arm_model(const survival::CureModel& model, std::optional<double> dropout_rate) {
  ArmModel arm;
  arm.cure_fraction = model.cure_fraction();
  arm.latency = latency_sampler(model.latency());
  if (dropout_rate && *dropout_rate > 0.0) arm.dropout_rate = dropout_rate;
  return arm;
}

StratumModel stratum_model(const survival::SurvivalSpec& spec, std::string name,
                           double proportion) {
  StratumModel s;
  s.name = std::move(name);
  s.proportion = proportion;
  s.control = arm_model(spec.control, spec.dropout_control);
  s.treatment = arm_model(spec.treatment, spec.dropout_treatment);
  return s;
}

TrialModel trial_model(const survival::SurvivalSpec& spec, int patients) {
  TrialModel m;
  m.patients = patients;
  m.accrual = accrual_sampler(spec.accrual);
  m.allocation_ratio = spec.allocation_ratio;
  m.strata = {stratum_model(spec)};
  return m;
}

}  // namespace gsd
