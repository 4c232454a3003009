#pragma once
// Exit (boundary-crossing) probabilities of a group-sequential test.
#include <span>
#include <vector>

#include "gsd/numerics/solver_options.hpp"

namespace gsd::numerics {

// Per-look continuation regions: the trial goes on at look k while
// lower[k] < Z_k < upper[k]. -inf / +inf mean no bound on that side.
struct StoppingRegions {
  std::vector<double> lower;
  std::vector<double> upper;
  // Empty, or per look a futility region -inner[k] < Z_k < inner[k] that also
  // stops the trial (a symmetric two-sided design's beta-spending futility,
  // rpact's sided = 2); inner[k] <= 0: none at that look.
  std::vector<double> inner;
};

struct ExitProbabilities {
  std::vector<double> upper;  // P(first exit at look k, through the upper bound)
  std::vector<double> lower;  // P(first exit at look k, through the lower bound)
  // P(first exit at look k in the inner region); empty without one.
  std::vector<double> inner;

  double total_upper() const;
  double total_lower() const;
  // P(stop at look k) through any bound.
  double stop(std::size_t k) const;
  // Cumulative sums by look.
  std::vector<double> cumulative_upper() const;
  std::vector<double> cumulative_lower() const;
  // Expected information fraction sum_k t_k P(stop at k) + t_K P(never stop).
  double expected_fraction(std::span<const double> fractions) const;
};

// fractions: strictly increasing, positive. means[k] = E[Z_k]. Throws
// std::invalid_argument on mismatched sizes, non-increasing fractions or
// lower > upper.
ExitProbabilities exit_probabilities(std::span<const double> fractions,
                                     const StoppingRegions& regions,
                                     std::span<const double> means,
                                     const SolverOptions& options = {});

// Proportional-hazards shortcut: E[Z_k] = drift * sqrt(t_k), where drift is
// theta * sqrt(I_max) (rpact's "shift" is drift squared).
ExitProbabilities exit_probabilities(std::span<const double> fractions,
                                     const StoppingRegions& regions, double drift,
                                     const SolverOptions& options = {});

std::vector<double> means_for_drift(std::span<const double> fractions, double drift);

}  // namespace gsd::numerics
