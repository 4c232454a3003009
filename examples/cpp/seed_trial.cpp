// The seed trial through the C++ API: two-sided 0.05 Lan-DeMets O'Brien-Fleming
// looks at 50%, 75% and 100% of 94 events; 202 patients under a cure model.
#include <cstdio>
#include <gsd/gsd.hpp>

int main() {
  using namespace gsd;
  Trial trial;
  trial.design.alpha = 0.05;
  trial.design.sided = spending::Sidedness::kTwoSidedSymmetric;
  trial.design.beta = 0.16;
  trial.design.information_fractions = {0.5, 0.75, 1.0};
  survival::SurvivalSpec model;
  model.control = survival::CureModel(0.40, survival::Latency::exponential_median(7.0));
  model.treatment = survival::CureModel(0.562, model.control.latency()).with_hazard_ratio_noncured(0.63);
  model.accrual = survival::Accrual::uniform(36.0);
  model.patients = 202;
  model.events = 94;
  trial.survival = model;

  const DesignResult result = design_trial(trial);
  for (double z : result.boundaries.efficacy) std::printf("efficacy z %.4f\n", z);
  const survival::SurvivalPlan& plan = result.sample_size->plan;
  std::printf("power %.4f with %lld patients and %lld events\n", plan.power_fixed_times,
              plan.patients, plan.events);
  std::printf("event-driven power %.4f\n", plan.power);
}
