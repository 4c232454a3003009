// Bounds of capped final analyses, interpolated over the information
// fraction; see capped_final_bound.hpp.
#include "gsd/survival/capped_final_bound.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "gsd/numerics/information_step.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/sequential_integrator.hpp"
#include "gsd/spending/bound_search.hpp"

namespace gsd::survival {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool two_sided(const spending::Design& d) {
  return d.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
}

}  // namespace

CappedFinalBound::CappedFinalBound(const spending::Design& design)
    : fractions_(design.spec.information_fractions) {
  // The efficacy side's alpha: the total of a symmetric two-sided design,
  // alpha - harm.alpha beside a harm bound.
  const double alpha = two_sided(design) ? design.spec.alpha : design.spec.alpha_per_side();
  alpha_ = alpha;
  cumulative_ = design.cumulative_alpha();
  first_ = numerics::normal_upper_quantile(design.spec.alpha_per_side());
  for (int i = 0; i < kNodes; ++i) {
    x_.push_back(0.5 * (1.0 - std::cos((2.0 * i + 1.0) * std::numbers::pi / (2.0 * kNodes))));
  }
  const numerics::StoppingRegions regions = design.null_regions();
  const std::vector<double> cumulative = design.cumulative_alpha();
  numerics::SequentialIntegrator h0(design.spec.solver);
  nodes_.resize(fractions_.size());
  for (std::size_t k = 1; k < fractions_.size(); ++k) {
    const double remaining = alpha - cumulative[k - 1];
    const double from = fractions_[k - 1];
    const double width = fractions_[k] - from;
    const double inner = regions.inner.empty() ? 0.0 : regions.inner[k - 1];
    // Each node's tail on a grid that resolves the step to it (kept a least
    // information step away): on the grid for the step to the next look the
    // nodes nearest the look had tails off by up to 2e-3 in probability and
    // bounds off by 4e-4 in z. The nearest node's grid is the finest, so
    // each node gets its own rather than all of them the finest.
    for (double x : x_) {
      const double f = std::max(from + width * x * x, from * (1.0 + 1.001 * numerics::kMinInformationStep));
      numerics::SequentialIntegrator to_node = h0;
      to_node.advance_outside(from, 0.0, regions.lower[k - 1], regions.upper[k - 1], inner, f);
      nodes_[k].push_back(spending::solve_efficacy_bound(to_node, f, remaining, two_sided(design)));
    }
    h0.advance_outside(from, 0.0, regions.lower[k - 1], regions.upper[k - 1], inner, fractions_[k]);
  }
}

bool CappedFinalBound::built_for(const spending::Design& design) const {
  const double alpha = two_sided(design) ? design.spec.alpha : design.spec.alpha_per_side();
  return fractions_ == design.spec.information_fractions && !(alpha < alpha_ || alpha > alpha_) &&
         cumulative_ == design.cumulative_alpha();
}

double CappedFinalBound::bound(std::size_t looks_done, double f) const {
  if (looks_done == 0) return first_;
  const std::size_t k = std::min(looks_done, fractions_.size() - 1);
  const std::vector<double>& b = nodes_[k];
  for (double v : b) {
    if (!std::isfinite(v)) return kInf;  // nothing left to spend
  }
  const double from = fractions_[k - 1];
  const double x = std::sqrt(std::clamp((f - from) / (fractions_[k] - from), 0.0, 1.0));
  // Barycentric formula for Chebyshev points of the first kind: weights
  // (-1)^i sin((2i + 1) pi / (2n)).
  double num = 0.0;
  double den = 0.0;
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const double diff = x - x_[i];
    if (std::fpclassify(diff) == FP_ZERO) return b[i];
    const double w = (i % 2 == 0 ? 1.0 : -1.0) *
                     std::sin((2.0 * static_cast<double>(i) + 1.0) * std::numbers::pi / (2.0 * kNodes)) / diff;
    num += w * b[i];
    den += w;
  }
  return num / den;
}

}  // namespace gsd::survival
