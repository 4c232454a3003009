#include "bound_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "gsd/numerics/normal.hpp"

namespace gsd::spending {

using numerics::NumericalError;
using numerics::SequentialIntegrator;
using numerics::normal_upper_quantile;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Upper end of the search: P(Z >= 37) = 5.7e-300 is the smallest tail a double
// holds comfortably; smaller targets mean "spend nothing here" (bound +inf).
constexpr double kMaxZ = 37.0;
constexpr double kMinTail = 1e-299;
// Tails are floored here before taking logs, so that an underflow to 0 far
// beyond the root keeps the objective finite (and still monotone).
constexpr double kTailFloor = 1e-300;
// Lower end of the efficacy search: P(Z >= -12) differs from 1 by 2e-33.
constexpr double kMinEfficacyZ = -12.0;
// Futility is searched within this many sds of the H1 mean.
constexpr double kFutilitySpan = 37.0;

}  // namespace

double solve_efficacy_bound(const SequentialIntegrator& h0, double t, double target,
                            bool two_sided) {
  if (!(target > kMinTail)) return kInf;
  const double mass = h0.continuation_mass();
  if (!(target < mass)) {
    throw NumericalError("cannot spend " + std::to_string(target) + " at information fraction " +
                             std::to_string(t) + ": only this much probability remains",
                         mass, target - mass, 0);
  }
  if (h0.looks_done() == 0) {
    return normal_upper_quantile(two_sided ? target / 2.0 : target);
  }
  // Solve on the log scale: tails span hundreds of orders of magnitude. The
  // log tail is close to linear in b and concave (the tail of a log-concave
  // density, Prekopa 1973), so Newton's method from the fixed design's bound,
  // which lies above the root (continuing cannot add crossings), converges
  // from above in a few steps.
  const double log_target = std::log(target);
  auto fdf = [&](double b) {
    auto p = h0.next_upper_tail_and_derivative(t, 0.0, b);
    if (two_sided) {
      const auto lower = h0.next_lower_tail_and_derivative(t, 0.0, -b);
      p.p += lower.p;
      p.derivative -= lower.derivative;
    }
    if (!(p.p > kTailFloor)) return std::pair{std::log(kTailFloor) - log_target, 0.0};
    return std::pair{std::log(p.p) - log_target, p.derivative / p.p};
  };
  double lo = kMinEfficacyZ;
  if (two_sided) lo = 0.0;  // symmetric region: the bound is positive
  const double guess = normal_upper_quantile(two_sided ? target / 2.0 : target);
  return detail::find_root_newton(fdf, lo, kMaxZ, guess, false, h0.options(), "an efficacy bound");
}

double solve_futility_bound(const SequentialIntegrator& h1, double t, double mean, double b,
                            double target) {
  if (!(target > kMinTail)) return -kInf;
  auto below = [&](double a) { return h1.next_lower_tail(t, mean, a); };
  // rpact caps futility at the efficacy bound: if even that spends too little,
  // the look stops for sure and the futility bound equals the efficacy bound.
  if (std::isfinite(b) && below(b) <= target) return b;
  // As for the efficacy bound, mirrored: the log of the lower tail is concave
  // and increasing, and the fixed design's bound lies below the root.
  const double log_target = std::log(target);
  auto fdf = [&](double a) {
    const auto p = h1.next_lower_tail_and_derivative(t, mean, a);
    if (!(p.p > kTailFloor)) return std::pair{std::log(kTailFloor) - log_target, 0.0};
    return std::pair{std::log(p.p) - log_target, p.derivative / p.p};
  };
  const double lo = mean - kFutilitySpan;
  const double hi = std::isfinite(b) ? b : mean + kFutilitySpan;
  const double guess = mean - normal_upper_quantile(std::min(target, 0.5));
  return detail::find_root_newton(fdf, lo, hi, guess, true, h1.options(), "a futility bound");
}

double solve_inner_futility_bound(const SequentialIntegrator& h1, double t, double mean, double b,
                                  double target) {
  if (!(target > kMinTail)) return -kInf;
  auto inside = [&](double c) { return h1.next_lower_tail(t, mean, c) - h1.next_lower_tail(t, mean, -c); };
  if (std::isfinite(b) && inside(b) <= target) return b;
  const double log_target = std::log(target);
  auto f = [&](double c) { return std::log(std::max(inside(c), kTailFloor)) - log_target; };
  const double hi = std::isfinite(b) ? b : std::fabs(mean) + kFutilitySpan;
  return detail::find_root(f, 0.0, hi, h1.options(), "a two-sided futility bound");
}

}  // namespace gsd::spending
