#include "gsd/monitoring/final_inference.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "gsd/numerics/exit_probabilities.hpp"
#include "root_search.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Bracket of the estimates: theta-hat at the first look +- 15 of its sds; p(theta)
// there differs from 0 or 1 by less than 1e-50.
constexpr double kBracketSds = 15.0;

}  // namespace

double stagewise_exceedance(std::span<const double> information, std::span<const double> efficacy,
                            std::span<const double> binding_futility, double z_stop, double theta,
                            const numerics::SolverOptions& solver, bool inner_futility) {
  const std::size_t n = information.size();
  std::vector<double> fractions(n);
  std::vector<double> means(n);
  StoppingRegions regions{std::vector<double>(n, -kInf), std::vector<double>(n), {}};
  if (inner_futility) regions.inner.assign(n, 0.0);
  for (std::size_t j = 0; j < n; ++j) {
    fractions[j] = information[j] / information.back();
    means[j] = theta * std::sqrt(information[j]);
    regions.upper[j] = j + 1 == n ? z_stop : efficacy[j];
    if (j + 1 < n && j < binding_futility.size()) {
      if (inner_futility) {
        regions.inner[j] = std::min(binding_futility[j], regions.upper[j]);
      } else {
        regions.lower[j] = std::min(binding_futility[j], regions.upper[j]);
      }
    }
  }
  fractions.back() = 1.0;
  return exit_probabilities(fractions, regions, means, solver).total_upper();
}

FinalInference stagewise_inference(const MonitoringPlan& plan, std::span<const double> information,
                                   std::span<const double> efficacy,
                                   std::span<const double> binding_futility, double z_stop) {
  if (information.empty() || information.size() != efficacy.size()) {
    throw std::invalid_argument("stagewise_inference: one bound per look is required");
  }
  const numerics::SolverOptions& solver = plan.design.solver;
  const bool inner = plan.design.sided == Sidedness::kTwoSidedSymmetric;
  auto p = [&](double theta) {
    return stagewise_exceedance(information, efficacy, binding_futility, z_stop, theta, solver, inner);
  };
  const double alpha = plan.design.alpha_per_side();
  const double sd = 1.0 / std::sqrt(information.front());
  const double centre = z_stop / std::sqrt(information.back());
  const double lo = centre - kBracketSds * sd;
  const double hi = centre + kBracketSds * sd;
  const int bits = solver.inference_root_bits;
  auto solve = [&](double target, const char* what) {
    return detail::find_root([&](double theta) { return p(theta) - target; }, lo, hi, bits, what,
                             solver.trace);
  };
  FinalInference out;
  out.stop_look = information.size() - 1;
  const double one_sided = p(0.0);
  out.p_value = plan.design.sided == Sidedness::kTwoSidedSymmetric ? std::min(1.0, 2.0 * one_sided)
                                                                   : one_sided;
  out.median_unbiased_theta = solve(0.5, "the median-unbiased estimate");
  out.ci_theta.lower = solve(alpha, "the lower confidence limit");
  out.ci_theta.upper = solve(1.0 - alpha, "the upper confidence limit");
  // theta = log(m / HR) for the plan's hazard ratio m under H0 (1 unless a
  // non-inferiority margin).
  const double m = plan.null_hazard_ratio;
  out.median_unbiased_hazard_ratio = m * std::exp(-out.median_unbiased_theta);
  // p(theta) increases in theta: the upper theta limit is the lower HR limit.
  out.ci_hazard_ratio.lower = m * std::exp(-out.ci_theta.upper);
  out.ci_hazard_ratio.upper = m * std::exp(-out.ci_theta.lower);
  out.confidence_level = 1.0 - 2.0 * alpha;
  return out;
}

}  // namespace gsd::monitoring
