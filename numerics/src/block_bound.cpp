// The bound on the largest of correlated normal statistics at a look. See
// block_bound.hpp.
#include "gsd/numerics/block_bound.hpp"

#include <cmath>
#include <limits>

#include "gsd/numerics/find_root.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::numerics {
namespace {

// Mantissa bits of the bound. TOMS 748 stops when its bracket is within
// 2^(1 - bits) of the root in relative terms (Boost's eps_tolerance), so 16
// bits put the midpoint within 2^-16 |c|, 8e-5 for any bound up to z = 5:
// below the bound's error from its probability's (BlockBound::z_error).
constexpr int kBoundBits = 16;
// Bracket steps of half a unit of z, at most this many each way.
constexpr int kBracketSteps = 20;
// Half the step of the central difference that gives the slope in c_k: its
// truncation error, h^2 / 6 of the third derivative, is below 1e-4 of the
// slope for the normal tails of bounds up to z = 5.
constexpr double kSlopeStep = 0.005;

}  // namespace

MvnResult block_no_crossing(const std::vector<std::vector<double>>& corr, std::size_t J,
                            const std::vector<double>& c, const MvnOptions& options, int points) {
  const std::size_t n = corr.size();
  std::vector<double> upper(n);
  for (std::size_t i = 0; i < n; ++i) upper[i] = c[i / J];
  const std::vector<double> lower(n, -std::numeric_limits<double>::infinity());
  return points > 0 ? mvn_probability_fixed(lower, upper, corr, options, points)
                    : mvn_probability(lower, upper, corr, options);
}

BlockBound solve_block_bound(const std::vector<std::vector<double>>& corr, std::size_t J, std::vector<double> c,
                             double target, double start, const MvnOptions& options, int points,
                             const std::string& what) {
  const std::size_t k = c.size() - 1;
  c[k] = start;
  BlockBound out;
  out.points = points > 0 ? points : block_no_crossing(corr, J, c, options, 0).points_per_shift;
  const auto probability = [&](double x) {
    c[k] = x;
    return block_no_crossing(corr, J, c, options, out.points);
  };
  const auto f = [&](double x) { return probability(x).probability - target; };
  double lo = start, hi = start;
  double f_lo = f(lo), f_hi = f_lo;
  for (int i = 0; i < kBracketSteps && f_lo > 0.0; ++i) f_lo = f(lo -= 0.5);
  for (int i = 0; i < kBracketSteps && f_hi < 0.0; ++i) f_hi = f(hi += 0.5);
  out.c = find_root(f, lo, hi, f_lo, f_hi, kBoundBits, what);
  out.probability_error = probability(out.c).error;
  // The probability rises with c_k; should the difference fail to be
  // positive, the density of one standard normal at c_k (the slope for one
  // test at the first look) stands in.
  const double slope =
      (probability(out.c + kSlopeStep).probability - probability(out.c - kSlopeStep).probability) /
      (2.0 * kSlopeStep);
  out.z_error = out.probability_error / (slope > 0.0 ? slope : normal_density(out.c));
  return out;
}

}  // namespace gsd::numerics
