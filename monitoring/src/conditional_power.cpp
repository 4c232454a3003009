#include "gsd/monitoring/conditional_power.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Posterior sds covered by the predictive-power integral: P(|N(0,1)| > 8.5) = 1.9e-17.
constexpr double kPosteriorSpan = 8.5;
// Gauss-Kronrod: bisection depth and relative tolerance of the adaptive rule.
constexpr unsigned kQuadratureDepth = 8;
constexpr double kQuadratureTolerance = 1e-10;

// Maps a bound on Z_j to the conditional canonical scale.
double conditional_bound(double b, double info_j, double z, double info_k, double tau) {
  if (std::isinf(b)) return b;
  return (b * std::sqrt(info_j) - z * std::sqrt(info_k)) / std::sqrt(tau);
}

}  // namespace

std::vector<double> conditional_power_for_means(const LookSchedule& s, const DesignSpec& design,
                                                double z, const std::vector<double>& means) {
  const std::size_t k = s.current;
  const std::size_t n = s.events.size();
  if (means.size() != n) {
    throw std::invalid_argument("conditional_power_for_means: one mean per look is required");
  }
  if (k + 1 >= n) return {};
  const double info_k = s.information[k];
  const double tau_last = s.information.back() - info_k;
  const double score_k = means[k] * std::sqrt(info_k);
  const bool two_sided = design.sided == Sidedness::kTwoSidedSymmetric;
  const bool binding = design.futility && design.futility->binding;
  std::vector<double> fractions;
  std::vector<double> increments;
  StoppingRegions regions;
  for (std::size_t j = k + 1; j < n; ++j) {
    const double tau = s.information[j] - info_k;
    fractions.push_back(tau / tau_last);
    increments.push_back((means[j] * std::sqrt(s.information[j]) - score_k) / std::sqrt(tau));
    regions.upper.push_back(conditional_bound(s.efficacy[j], s.information[j], z, info_k, tau));
    double lower = -kInf;
    if (two_sided) lower = -s.efficacy[j];
    // A two-sided futility region (|z| below the bound) is left out: the
    // conditional power counts it as non-binding.
    if (binding && !two_sided && s.futility[j]) lower = *s.futility[j];
    regions.lower.push_back(conditional_bound(lower, s.information[j], z, info_k, tau));
    // A bound below the futility line would make the region empty; the
    // efficacy side decides then (rpact caps futility at efficacy too).
    if (regions.lower.back() > regions.upper.back()) regions.lower.back() = regions.upper.back();
  }
  fractions.back() = 1.0;
  return exit_probabilities(fractions, regions, increments, design.solver).cumulative_upper();
}

std::vector<double> conditional_power(const LookSchedule& s, const DesignSpec& design, double z,
                                      double theta) {
  std::vector<double> means(s.information.size());
  for (std::size_t j = 0; j < means.size(); ++j) means[j] = theta * std::sqrt(s.information[j]);
  return conditional_power_for_means(s, design, z, means);
}

double predictive_power(const LookSchedule& s, const DesignSpec& design, double z) {
  if (s.current + 1 >= s.events.size()) {
    throw std::invalid_argument("predictive_power: no look remains after the final analysis");
  }
  const double sd = 1.0 / std::sqrt(s.information[s.current]);
  const double theta_hat = z * sd;
  auto integrand = [&](double x) {
    const std::vector<double> cp = conditional_power(s, design, z, theta_hat + x * sd);
    return cp.back() * normal_density(x);
  };
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
      integrand, -kPosteriorSpan, kPosteriorSpan, kQuadratureDepth, kQuadratureTolerance);
}

}  // namespace gsd::monitoring
