#include "gsd/simulate/trial_model.hpp"

namespace gsd::simulate {

StratumModel stratum_model(const survival::SurvivalSpec& spec, std::string name,
                           double proportion) {
  StratumModel s;
  s.name = std::move(name);
  s.proportion = proportion;
  s.control = {spec.control, spec.dropout_control};
  s.treatment = {spec.treatment, spec.dropout_treatment};
  return s;
}

TrialModel trial_model(const survival::SurvivalSpec& spec, int patients) {
  TrialModel m;
  m.patients = patients;
  m.accrual = spec.accrual;
  m.allocation_ratio = spec.allocation_ratio;
  m.strata = {stratum_model(spec)};
  return m;
}

}  // namespace gsd::simulate
