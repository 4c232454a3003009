#pragma once
// The input of a group-sequential design: error rates, looks and boundary
// families. Validated once, at construction time of a Design.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gsd/numerics/solver_options.hpp"
#include "gsd/spending/classical_boundary.hpp"
#include "gsd/spending/spending_function.hpp"

namespace gsd::spending {

enum class Sidedness {
  kOneSided,           // reject for large Z at level alpha
  kTwoSidedSymmetric,  // reject for |Z| large; alpha is the total over both sides
};

using EfficacyBoundary = std::variant<SpendingFunction, ClassicalBoundary>;

struct FutilitySpec {
  // Beta-spending function (rpact's typeBetaSpending, gsDesign test.type 3/4).
  SpendingFunction spending = SpendingFunction::lan_demets_obrien_fleming();
  // Binding: the efficacy bounds count on the trial stopping at the futility
  // bound (gsDesign test.type 3); non-binding ignores it under H0 (type 4).
  bool binding = false;
};

struct DesignSpec {
  // rpact's limit on the number of looks (getDesignGroupSequential, kMax <= 20)
  // is raised to 25, which still keeps the grid integration under a millisecond.
  static constexpr std::size_t kMaxLooks = 25;

  double alpha = 0.025;  // one-sided, or the two-sided total when two-sided
  Sidedness sided = Sidedness::kOneSided;
  double beta = 0.2;     // type II error defining the alternative
  std::vector<double> information_fractions{1.0};
  EfficacyBoundary efficacy = SpendingFunction::lan_demets_obrien_fleming();
  std::optional<FutilitySpec> futility;
  numerics::SolverOptions solver;

  // Throws numerics::InvalidInput with the field's path relative to the
  // design, e.g. {"information_fractions", 2}: "information_fractions[2] = 0.4
  // must be greater than the previous fraction 0.6".
  void validate() const;

  // alpha on one side: alpha, or alpha / 2 when two-sided.
  double alpha_per_side() const;
};

}  // namespace gsd::spending
