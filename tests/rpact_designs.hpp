#pragma once
// The designs of the rpact 3.3.4 reference scripts tests/reference/
// rpact_endpoints.R and rpact_survival_methods.R (one-sided alpha 0.025
// unless two-sided, Lan-DeMets spending), shared by the tests that embed
// their values.
#include "gsd/spending/design.hpp"

namespace gsd::testing {

enum class RpactDesign { kFixed, kLdObf3, kLdPocock4, kLdObf3BetaHsd, kTwoSidedLdObf3 };

inline spending::Design rpact_design(RpactDesign which) {
  using spending::SpendingFunction;
  spending::DesignSpec d;
  d.alpha = 0.025;
  d.beta = 0.2;
  switch (which) {
    case RpactDesign::kFixed:
      break;
    case RpactDesign::kLdObf3:
      d.information_fractions = {0.5, 0.75, 1.0};
      break;
    case RpactDesign::kLdPocock4:
      d.beta = 0.1;
      d.information_fractions = {0.25, 0.5, 0.75, 1.0};
      d.efficacy = SpendingFunction::lan_demets_pocock();
      break;
    case RpactDesign::kLdObf3BetaHsd:
      d.beta = 0.1;
      d.information_fractions = {0.4, 0.7, 1.0};
      d.futility = spending::FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
      break;
    case RpactDesign::kTwoSidedLdObf3:
      d.alpha = 0.05;
      d.sided = spending::Sidedness::kTwoSidedSymmetric;
      d.information_fractions = {0.5, 0.75, 1.0};
      break;
  }
  return spending::compute_design(d);
}

}  // namespace gsd::testing
