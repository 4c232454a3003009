#include "gsd/spending/design_limits.hpp"

#include "gsd/numerics/check.hpp"

namespace gsd::spending {

void check_solvable(const DesignSpec& spec) {
  if (spec.alpha < kMinDesignAlpha) {
    numerics::fail({"alpha"}, spec.alpha,
                   "is below 1e-06, the smallest alpha whose design gsd solves to its stated "
                   "accuracy (rpact's limit too)");
  }
  if (spec.beta < kMinDesignBeta) {
    numerics::fail({"beta"}, spec.beta,
                   "is below 0.0001, the smallest beta whose design gsd solves to its stated "
                   "accuracy (power 0.9999; rpact's limit too)");
  }
}

}  // namespace gsd::spending
