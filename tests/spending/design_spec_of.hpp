#pragma once
// A design spec from its alpha, beta, information fractions and efficacy
// boundary, everything else at its default: shared by the spending tests
// that build many designs (design_limits_test.cpp, rpact_cross_check_test.cpp).
#include <utility>
#include <vector>

#include "gsd/spending/design_spec.hpp"

namespace gsd::spending::specs {

inline DesignSpec spec(double alpha, double beta, std::vector<double> t, EfficacyBoundary efficacy) {
  DesignSpec s;
  s.alpha = alpha;
  s.beta = beta;
  s.information_fractions = std::move(t);
  s.efficacy = std::move(efficacy);
  return s;
}

}  // namespace gsd::spending::specs
