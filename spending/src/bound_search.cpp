#include "bound_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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
  auto tail = [&](double b) {
    double p = h0.next_upper_tail(t, 0.0, b);
    if (two_sided) p += h0.next_lower_tail(t, 0.0, -b);
    return p;
  };
  const double mass = h0.continuation_mass();
  if (!(target < mass)) {
    throw NumericalError("cannot spend " + std::to_string(target) + " at information fraction " +
                             std::to_string(t) + ": only this much probability remains",
                         mass, target - mass, 0);
  }
  if (h0.looks_done() == 0) {
    return normal_upper_quantile(two_sided ? target / 2.0 : target);
  }
  // Solve on the log scale: tails span hundreds of orders of magnitude.
  const double log_target = std::log(target);
  auto f = [&](double b) { return std::log(std::max(tail(b), kTailFloor)) - log_target; };
  double lo = kMinEfficacyZ;
  if (two_sided) lo = 0.0;  // symmetric region: the bound is positive
  return detail::find_root(f, lo, kMaxZ, h0.options(), "an efficacy bound");
}

double solve_futility_bound(const SequentialIntegrator& h1, double t, double mean, double b,
                            double target) {
  if (!(target > kMinTail)) return -kInf;
  auto below = [&](double a) { return h1.next_lower_tail(t, mean, a); };
  // rpact caps futility at the efficacy bound: if even that spends too little,
  // the look stops for sure and the futility bound equals the efficacy bound.
  if (std::isfinite(b) && below(b) <= target) return b;
  const double log_target = std::log(target);
  auto f = [&](double a) { return std::log(std::max(below(a), kTailFloor)) - log_target; };
  const double hi = std::isfinite(b) ? b : mean + kFutilitySpan;
  return detail::find_root(f, mean - kFutilitySpan, hi, h1.options(), "a futility bound");
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
