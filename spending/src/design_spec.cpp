#include "gsd/spending/design_spec.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "gsd/numerics/check.hpp"

namespace gsd::spending {

namespace {

std::string num(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

using numerics::FieldPath;
using numerics::InvalidInput;

// Fractions within this distance of 1 count as the final look: JSON writers
// print 1.0 exactly, but 94/94 computed elsewhere may carry rounding.
constexpr double kFinalTolerance = 1e-9;

void validate_fractions(const std::vector<double>& t) {
  const FieldPath path{"information_fractions"};
  if (t.empty()) throw InvalidInput(path, "[]", "must list at least one look");
  if (t.size() > DesignSpec::kMaxLooks) {
    throw InvalidInput(path, "has " + std::to_string(t.size()) + " looks; at most " +
                                 std::to_string(DesignSpec::kMaxLooks) + " are supported");
  }
  for (std::size_t k = 0; k < t.size(); ++k) {
    const FieldPath at = path.index(k);
    if (!std::isfinite(t[k]) || !(t[k] > 0.0) || t[k] > 1.0 + kFinalTolerance) {
      throw InvalidInput(at, num(t[k]), "must lie in (0, 1]");
    }
    if (k > 0 && !(t[k] > t[k - 1])) {
      throw InvalidInput(at, num(t[k]), "must be greater than the previous fraction " + num(t[k - 1]));
    }
  }
  if (std::fabs(t.back() - 1.0) > kFinalTolerance) {
    throw InvalidInput(path.index(t.size() - 1), num(t.back()),
                       "must be 1: the last look is the final analysis");
  }
}

}  // namespace

double DesignSpec::alpha_per_side() const {
  return sided == Sidedness::kTwoSidedSymmetric ? alpha / 2.0 : alpha;
}

void DesignSpec::validate() const {
  if (!std::isfinite(alpha) || !(alpha > 0.0 && alpha < 0.5)) {
    throw InvalidInput({"alpha"}, num(alpha), "must lie in (0, 0.5)");
  }
  if (!std::isfinite(beta) || !(beta > 0.0 && beta < 0.5)) {
    throw InvalidInput({"beta"}, num(beta), "must lie in (0, 0.5)");
  }
  validate_fractions(information_fractions);
  numerics::within({"solver"}, [&] { solver.validate(); });
  if (futility) {
    if (sided == Sidedness::kTwoSidedSymmetric) {
      throw InvalidInput({"futility"}, "is not supported with sided = 2 (symmetric two-sided); "
                                       "use sided = 1 for a design with a futility bound");
    }
    if (information_fractions.size() < 2) {
      throw InvalidInput({"futility"}, "needs at least one interim look; information_fractions "
                                       "has only the final one");
    }
    if (futility->binding && std::holds_alternative<ClassicalBoundary>(efficacy)) {
      throw InvalidInput({"futility", "binding"}, "true",
                         "needs a spending-function efficacy bound; classical boundaries are "
                         "fixed in shape and cannot absorb a binding futility bound");
    }
  }
  if (const auto* user = std::get_if<SpendingFunction>(&efficacy)) {
    if (user->family() == SpendingFamily::kUser &&
        user->user_fractions().size() != information_fractions.size()) {
      throw InvalidInput({"efficacy", "cumulative"},
                         "has " + std::to_string(user->user_fractions().size()) +
                             " values but there are " +
                             std::to_string(information_fractions.size()) + " looks");
    }
  }
}

}  // namespace gsd::spending
