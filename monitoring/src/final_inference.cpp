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
                            const numerics::SolverOptions& solver, bool inner_futility,
                            std::span<const double> lower_stops) {
  const std::size_t n = information.size();
  std::vector<double> fractions(n);
  std::vector<double> means(n);
  StoppingRegions regions{std::vector<double>(n, -kInf), std::vector<double>(n), {}};
  if (inner_futility) regions.inner.assign(n, 0.0);
  for (std::size_t j = 0; j < n; ++j) {
    fractions[j] = information[j] / information.back();
    means[j] = theta * std::sqrt(information[j]);
    const bool last = j + 1 == n;
    regions.upper[j] = last ? z_stop : efficacy[j];
    if (last) continue;
    // A stop below at an earlier look is less extreme than any upper one.
    if (j < lower_stops.size()) regions.lower[j] = std::min(lower_stops[j], regions.upper[j]);
    if (j < binding_futility.size()) {
      if (inner_futility) {
        regions.inner[j] = std::min(binding_futility[j], regions.upper[j]);
      } else {
        regions.lower[j] = std::max(regions.lower[j], std::min(binding_futility[j], regions.upper[j]));
      }
    }
  }
  fractions.back() = 1.0;
  return exit_probabilities(fractions, regions, means, solver).total_upper();
}

namespace {

// Root of p(theta) = target, p increasing from 0 to 1: the bracket starts at
// theta-hat of the stopping look +- 15 sds of the first look's estimate and
// doubles outwards until it holds. A stop after the first look bounds the
// estimates whatever z is (p(theta) >= P(upper exit before k*)), so the
// doubling ends; kMaxWidenings only guards against a p that never crosses.
constexpr int kMaxWidenings = 60;

template <class P>
double solve_increasing(P p, double target, double centre, double sd, int bits, const char* what,
                        numerics::SolverTrace* trace) {
  double step = kBracketSds * sd;
  double lo = centre - step;
  double hi = centre + step;
  double f_lo = p(lo) - target;
  double f_hi = p(hi) - target;
  for (int i = 0; i < kMaxWidenings && f_lo > 0.0; ++i) {
    hi = lo;
    f_hi = f_lo;
    step *= 2.0;
    lo -= step;
    f_lo = p(lo) - target;
  }
  for (int i = 0; i < kMaxWidenings && f_hi < 0.0; ++i) {
    lo = hi;
    f_lo = f_hi;
    step *= 2.0;
    hi += step;
    f_hi = p(hi) - target;
  }
  return detail::find_root([&](double theta) { return p(theta) - target; }, lo, hi, f_lo, f_hi, bits, what, trace);
}

}  // namespace

FinalInference stagewise_inference(const MonitoringPlan& plan, std::span<const double> information,
                                   std::span<const double> efficacy,
                                   std::span<const double> binding_futility, double z_stop,
                                   std::span<const double> harm) {
  if (information.empty() || information.size() != efficacy.size()) {
    throw std::invalid_argument("stagewise_inference: one bound per look is required");
  }
  const numerics::SolverOptions& solver = plan.design.solver;
  const bool two_sided = plan.design.sided == Sidedness::kTwoSidedSymmetric;
  // A symmetric two-sided design stops below at -b_j. A stop below is the
  // mirror image of a stop above (Jennison & Turnbull 2000, section 8.4: the
  // stage-wise ordering runs from the upper exits, earliest first, to the
  // lower exits, earliest last), so it is inferred as the stop at -z_stop
  // and the estimates negated: exact mirror symmetry, and the p-value
  // doubles the smaller tail.
  const bool mirror = two_sided && z_stop < 0.0;
  const double z = mirror ? -z_stop : z_stop;
  std::vector<double> lower_stops(harm.begin(), harm.end());
  if (two_sided) {
    lower_stops.resize(efficacy.size());
    for (std::size_t j = 0; j < efficacy.size(); ++j) lower_stops[j] = -efficacy[j];
  }
  auto p = [&](double theta) {
    return stagewise_exceedance(information, efficacy, binding_futility, z, theta, solver, two_sided,
                                lower_stops);
  };
  const double alpha = plan.design.alpha_per_side();
  const double sd = 1.0 / std::sqrt(information.front());
  const double centre = z / std::sqrt(information.back());
  const int bits = solver.inference_root_bits;
  auto solve = [&](double target, const char* what) {
    return solve_increasing(p, target, centre, sd, bits, what, solver.trace);
  };
  FinalInference out;
  out.stop_look = information.size() - 1;
  const double one_sided = p(0.0);
  out.p_value = two_sided ? std::min(1.0, 2.0 * one_sided) : one_sided;
  const double sign = mirror ? -1.0 : 1.0;
  out.median_unbiased_theta = sign * solve(0.5, "the median-unbiased estimate");
  const double theta_lo = solve(alpha, "the lower confidence limit");
  const double theta_hi = solve(1.0 - alpha, "the upper confidence limit");
  out.ci_theta.lower = mirror ? -theta_hi : theta_lo;
  out.ci_theta.upper = mirror ? -theta_lo : theta_hi;
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
