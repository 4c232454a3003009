#include "gsd/numerics/exit_probabilities.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::numerics {

double ExitProbabilities::total_upper() const {
  return std::accumulate(upper.begin(), upper.end(), 0.0);
}
double ExitProbabilities::total_lower() const {
  return std::accumulate(lower.begin(), lower.end(), 0.0);
}
std::vector<double> ExitProbabilities::cumulative_upper() const {
  std::vector<double> out(upper.size());
  std::partial_sum(upper.begin(), upper.end(), out.begin());
  return out;
}
std::vector<double> ExitProbabilities::cumulative_lower() const {
  std::vector<double> out(lower.size());
  std::partial_sum(lower.begin(), lower.end(), out.begin());
  return out;
}
double ExitProbabilities::stop(std::size_t k) const {
  return upper[k] + lower[k] + (inner.empty() ? 0.0 : inner[k]);
}
double ExitProbabilities::expected_fraction(std::span<const double> fractions) const {
  if (fractions.size() != upper.size() || fractions.empty()) {
    throw std::invalid_argument("expected_fraction: one fraction per look is required");
  }
  double stopped = 0.0;
  double sum = 0.0;
  for (std::size_t k = 0; k < fractions.size(); ++k) {
    const double p = stop(k);
    sum += fractions[k] * p;
    stopped += p;
  }
  return sum + fractions.back() * std::max(0.0, 1.0 - stopped);
}

std::vector<double> means_for_drift(std::span<const double> fractions, double drift) {
  std::vector<double> means(fractions.size());
  for (std::size_t k = 0; k < fractions.size(); ++k) means[k] = drift * std::sqrt(fractions[k]);
  return means;
}

ExitProbabilities exit_probabilities(std::span<const double> fractions,
                                     const StoppingRegions& regions,
                                     std::span<const double> means,
                                     const SolverOptions& options) {
  const std::size_t k_max = fractions.size();
  if (k_max == 0) throw std::invalid_argument("exit_probabilities: no looks");
  if (regions.lower.size() != k_max || regions.upper.size() != k_max ||
      means.size() != k_max) {
    throw std::invalid_argument(
        "exit_probabilities: fractions, bounds and means must have one entry per look");
  }
  if (!regions.inner.empty() && regions.inner.size() != k_max) {
    throw std::invalid_argument("exit_probabilities: inner regions must have one entry per look");
  }
  SequentialIntegrator integrator(options);
  ExitProbabilities out;
  out.upper.resize(k_max);
  out.lower.resize(k_max);
  if (!regions.inner.empty()) out.inner.assign(k_max, 0.0);
  for (std::size_t k = 0; k < k_max; ++k) {
    const double a = regions.lower[k];
    const double b = regions.upper[k];
    if (!(a <= b)) {
      throw std::invalid_argument("exit_probabilities: look " + std::to_string(k + 1) +
                                  " has lower bound above its upper bound");
    }
    out.upper[k] = integrator.next_upper_tail(fractions[k], means[k], b);
    out.lower[k] = integrator.next_lower_tail(fractions[k], means[k], a);
    const double c = regions.inner.empty() ? 0.0 : std::min(regions.inner[k], b);
    if (c > 0.0 && k + 1 < k_max) {
      out.inner[k] = integrator.next_lower_tail(fractions[k], means[k], c) -
                     integrator.next_lower_tail(fractions[k], means[k], std::max(-c, a));
    }
    if (k + 1 < k_max) integrator.advance_outside(fractions[k], means[k], a, b, c, fractions[k + 1]);
  }
  return out;
}

ExitProbabilities exit_probabilities(std::span<const double> fractions,
                                     const StoppingRegions& regions, double drift,
                                     const SolverOptions& options) {
  const std::vector<double> means = means_for_drift(fractions, drift);
  return exit_probabilities(fractions, regions, means, options);
}

}  // namespace gsd::numerics
