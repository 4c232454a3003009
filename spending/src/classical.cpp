#include "classical.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "bound_search.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::spending::detail {

using numerics::ExitProbabilities;
using numerics::SequentialIntegrator;
using numerics::StoppingRegions;
using numerics::exit_probabilities;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// A bound at z = 37 spends nothing a double can hold (P(Z >= 37) = 5.7e-300).
constexpr double kMaxZ = 37.0;

bool two_sided(const DesignSpec& s) { return s.sided == Sidedness::kTwoSidedSymmetric; }

std::vector<double> haybittle_peto(const DesignSpec& s, const ClassicalBoundary& c) {
  const auto& t = s.information_fractions;
  const std::size_t k_max = t.size();
  // Interim bounds fixed at p; the final bound spends exactly what is left.
  std::vector<double> b(k_max, c.parameter());
  for (std::size_t k = 0; k < k_max; ++k) {
    if (!s.efficacy_stop(k)) b[k] = kInf;
    if (k < s.held_efficacy.size()) b[k] = s.held_efficacy[k];
  }
  SequentialIntegrator h0(s.solver);
  double used = 0.0;
  const double alpha = two_sided(s) ? s.alpha : s.alpha_per_side();
  for (std::size_t k = 0; k + 1 < k_max; ++k) {
    used += h0.next_upper_tail(t[k], 0.0, b[k]);
    if (two_sided(s)) used += h0.next_lower_tail(t[k], 0.0, -b[k]);
    h0.advance(t[k], 0.0, two_sided(s) ? -b[k] : -kInf, b[k], t[k + 1]);
  }
  if (!(used < alpha)) {
    throw numerics::InvalidInput({"efficacy", "parameter"}, numerics::format_input(c.parameter()),
                                 "spends " + numerics::format_value(used) +
                                     " at the interims, not less than alpha = " +
                                     numerics::format_value(alpha) + "; raise the interim z");
  }
  b.back() = solve_efficacy_bound(h0, t.back(), alpha - used, two_sided(s));
  return b;
}

}  // namespace

std::vector<double> classical_efficacy(const DesignSpec& s, const ClassicalBoundary& c,
                                       const BindingLower& binding_lower) {
  if (c.family() == ClassicalFamily::kHaybittlePeto) return haybittle_peto(s, c);
  const auto& t = s.information_fractions;
  const std::size_t k_max = t.size();
  // Wang & Tsiatis (1987): c_k = C t_k^(Delta - 1/2), C solved so that the total
  // crossing probability under H0 is alpha (J&T section 2.7.1). Pampallona &
  // Tsiatis (1994) use the same shape for the efficacy bound.
  // Bounds already used (DesignSpec::held_efficacy) stay as they were, and C
  // is solved for the looks after them, so that all the bounds together
  // spend alpha.
  const std::size_t held = s.held_efficacy.size();
  std::vector<double> shape(k_max);
  double max_shape = 0.0;
  for (std::size_t k = 0; k < k_max; ++k) {
    shape[k] = std::pow(t[k], c.parameter() - 0.5);
    if (s.efficacy_stop(k) && k >= held) max_shape = std::max(max_shape, shape[k]);
  }
  auto bounds = [&](double scale) {
    std::vector<double> b(k_max, kInf);
    for (std::size_t k = 0; k < k_max; ++k) {
      if (k < held) {
        b[k] = s.held_efficacy[k];
      } else if (s.efficacy_stop(k)) {
        b[k] = scale * shape[k];
      }
    }
    return b;
  };
  const double alpha = two_sided(s) ? s.alpha : s.alpha_per_side();
  auto spent_by = [&](const std::vector<double>& b) {
    StoppingRegions r{std::vector<double>(k_max, -kInf), b, {}};
    if (two_sided(s)) {
      for (std::size_t k = 0; k < k_max; ++k) r.lower[k] = -b[k];
    } else if (binding_lower) {
      r.lower = binding_lower(b);
      for (std::size_t k = 0; k < k_max; ++k) r.lower[k] = std::min(r.lower[k], b[k]);
    }
    const ExitProbabilities e = exit_probabilities(t, r, 0.0, s.solver);
    return e.total_upper() + (two_sided(s) ? e.total_lower() : 0.0);
  };
  auto excess = [&](double scale) {
    const double crossed = spent_by(bounds(scale));
    // Bounds near kMaxZ after a look without a bound spend nothing the
    // integration resolves (0, not 1e-300): the log is kept finite for the
    // root search, which needs only its sign there.
    return std::log(std::max(crossed, std::numeric_limits<double>::min())) - std::log(alpha);
  };
  // kMaxZ / max shape puts the largest bound at z = 37, where nothing is
  // spent; with a decreasing shape and a small first fraction (O'Brien-Fleming
  // at t1 = 0.001) the others may still spend more than alpha, so the upper
  // end doubles until the bounds spend less than alpha. Doubling keeps the
  // final bound finite and spending; the shapes differ by at most
  // (1 / t1)^1 < 2^1075 (Delta in [-0.5, 1], t1 a positive double).
  double hi = kMaxZ / max_shape;
  if (held > 0 && !(spent_by(bounds(kInf)) < alpha)) {
    // The held bounds alone spend alpha: no later bound is left to solve.
    throw numerics::InvalidInput({"held_efficacy"}, "already spends alpha = " + numerics::format_value(alpha) +
                                                        " at the looks it holds; nothing is left for the later looks");
  }
  for (int i = 0; i < 1100 && excess(hi) >= 0.0; ++i) hi *= 2.0;
  const double scale = detail::find_root(excess, 0.0, hi, s.solver, "the classical constant C");
  return bounds(scale);
}

}  // namespace gsd::spending::detail
