#include "gsd/spending/design_limits.hpp"

#include "gsd/numerics/check.hpp"

namespace gsd::spending {

std::string alpha_advice() {
  return "; give the type I error from " + numerics::format_input(kMinDesignAlpha) + " up to below " +
         numerics::format_input(kMaxDesignErrorRate) +
         ", e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)";
}

std::string beta_advice() {
  return "; give the type II error, 1 - power, from " + numerics::format_input(kMinDesignBeta) +
         " up to below " + numerics::format_input(kMaxDesignErrorRate) + ", e.g. 0.2 for power 0.8";
}

void check_solvable(const DesignSpec& spec) {
  if (spec.alpha < kMinDesignAlpha) {
    numerics::fail({"alpha"}, spec.alpha,
                   std::string("is below 1e-06, the smallest alpha whose design gsd solves to its "
                               "stated accuracy (rpact's limit too)") +
                       alpha_advice());
  }
  if (spec.beta < kMinDesignBeta) {
    numerics::fail({"beta"}, spec.beta,
                   std::string("is below 0.0001, the smallest beta whose design gsd solves to its "
                               "stated accuracy (power 0.9999; rpact's limit too)") +
                       beta_advice());
  }
}

}  // namespace gsd::spending
