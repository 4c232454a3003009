#pragma once
// Specs shared by the survival tests: the seed plan of docs/validation.md, a
// model away from its simplest form in every part, and their designs.
#include <utility>
#include <vector>

#include "gsd/survival/survival_spec.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::survival::testing {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below

// docs/validation.md (the seed trial): control cure 40%, noncured median 7
// months; treatment cure 56.2%, noncured HR 0.63; uniform accrual over 36
// months; 1:1; no drop-out.
inline SurvivalSpec seed_plan() {
  SurvivalSpec spec;
  spec.control = CureModel(0.40, Latency::exponential_median(7.0));
  spec.treatment = CureModel(0.562, spec.control.latency()).with_hazard_ratio_noncured(0.63);
  spec.accrual = Accrual::uniform(36.0);
  return spec;
}

// Two-sided alpha 0.05 Lan-DeMets O'Brien-Fleming at 0.5 / 0.75 / 1, beta 0.16.
inline Design seed_design() {
  DesignSpec d;
  d.alpha = 0.05;
  d.sided = Sidedness::kTwoSidedSymmetric;
  d.beta = 0.16;
  d.information_fractions = {0.5, 0.75, 1.0};
  return compute_design(d);
}

// One-sided alpha 0.025 (Lan-DeMets O'Brien-Fleming, the default spending)
// at the given information fractions.
inline DesignSpec one_sided_spec(std::vector<double> fractions, double beta = 0.16) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = beta;
  d.information_fractions = std::move(fractions);
  return d;
}

// Weibull latency with cure, piecewise accrual, unequal drop-out, 2:1: a
// model with every part of the survival spec away from its simplest form.
inline SurvivalSpec weibull_dropout_spec() {
  SurvivalSpec spec;
  spec.control = CureModel(0.30, Latency::weibull(1.3, 12.0));
  spec.treatment = CureModel(0.45, spec.control.latency()).with_hazard_ratio_noncured(0.7);
  spec.accrual = Accrual::piecewise({6.0, 24.0}, {1.0, 3.0});
  spec.dropout_control = 0.01;
  spec.dropout_treatment = 0.02;
  spec.allocation_ratio = 2.0;
  return spec;
}

}  // namespace gsd::survival::testing
