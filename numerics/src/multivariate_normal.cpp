// Genz's randomised lattice rule for multivariate normal probabilities
// (Genz 1992; Genz & Bretz 2009). See multivariate_normal.hpp.
#include "gsd/numerics/multivariate_normal.hpp"

#include <Random123/philox.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::numerics {
namespace {

using Matrix = std::vector<std::vector<double>>;

// A conditional standard deviation below this multiple of the variable's own
// is taken as 0: the variable is then a point mass given the earlier ones
// (a singular covariance, as for a test repeated in a set).
constexpr double kDegenerate = 1e-10;

// Random123 counter word that keeps these draws apart from any other user of
// the same seed ("MVN\0" in ASCII).
constexpr std::uint32_t kPurpose = 0x4D564E00u;

// 2^-32: a uniform on (0, 1) from 32 bits, (x + 1/2) 2^-32 (Random123's u01).
constexpr double kTwoPowMinus32 = 1.0 / 4294967296.0;

// The variables reordered and the Cholesky factor of the reordered
// covariance (Genz & Bretz 2009, section 4.1.3).
struct Ordered {
  std::vector<double> lower, upper;
  Matrix chol;                    // lower triangular
  std::vector<bool> degenerate;   // conditional variance 0
};

// Conditional interval probability and mean of a standard normal on the
// standardised interval [lo, hi].
std::pair<double, double> interval(double lo, double hi) {
  const double p = normal_lower_tail(hi) - normal_lower_tail(lo);
  if (!(p > 0.0)) return {0.0, std::isfinite(lo) ? lo : (std::isfinite(hi) ? hi : 0.0)};
  return {p, (normal_density(lo) - normal_density(hi)) / p};
}

Ordered reorder(std::vector<double> lower, std::vector<double> upper, Matrix sigma) {
  const std::size_t d = lower.size();
  Ordered o;
  o.chol.assign(d, std::vector<double>(d, 0.0));
  o.degenerate.assign(d, false);
  std::vector<double> scale(d), y(d, 0.0);
  for (std::size_t i = 0; i < d; ++i) scale[i] = std::sqrt(sigma[i][i]);
  Matrix& l = o.chol;
  for (std::size_t i = 0; i < d; ++i) {
    std::size_t best = i;
    double best_p = std::numeric_limits<double>::infinity();
    for (std::size_t j = i; j < d; ++j) {
      double s = 0.0, var = sigma[j][j];
      for (std::size_t m = 0; m < i; ++m) {
        s += l[j][m] * y[m];
        var -= l[j][m] * l[j][m];
      }
      const double sd = std::sqrt(std::max(var, 0.0));
      const double p = sd > kDegenerate * scale[j] ? interval((lower[j] - s) / sd, (upper[j] - s) / sd).first
                                                   : 1.0;
      if (p < best_p) {
        best_p = p;
        best = j;
      }
    }
    if (best != i) {
      std::swap(lower[i], lower[best]);
      std::swap(upper[i], upper[best]);
      std::swap(scale[i], scale[best]);
      std::swap(sigma[i], sigma[best]);
      for (auto& row : sigma) std::swap(row[i], row[best]);
      std::swap(l[i], l[best]);
    }
    double var = sigma[i][i], s = 0.0;
    for (std::size_t m = 0; m < i; ++m) {
      var -= l[i][m] * l[i][m];
      s += l[i][m] * y[m];
    }
    const double sd = std::sqrt(std::max(var, 0.0));
    if (!(sd > kDegenerate * scale[i])) {
      o.degenerate[i] = true;
      continue;  // column i of L stays 0 below the diagonal; y_i = 0
    }
    l[i][i] = sd;
    for (std::size_t r = i + 1; r < d; ++r) {
      double c = sigma[r][i];
      for (std::size_t m = 0; m < i; ++m) c -= l[r][m] * l[i][m];
      l[r][i] = c / sd;
    }
    y[i] = interval((lower[i] - s) / sd, (upper[i] - s) / sd).second;
  }
  o.lower = std::move(lower);
  o.upper = std::move(upper);
  return o;
}

// Points per evaluation of the integrand: kPairs lattice points and their
// antithetic partners, taken dimension by dimension, so that each dimension's
// normal tails and quantiles go through the vectorised normal_upper_tails and
// normal_lower_quantiles: MaxCombo designs and monitors about three times
// faster than one point at a time (docs/speed.md).
constexpr std::size_t kPairs = 8;
constexpr std::size_t kBatch = 2 * kPairs;

// Scratch of one batch: the earlier variables' values y[m * kBatch + b], the
// tails' arguments and values, the running products.
struct Batch {
  explicit Batch(std::size_t d) : y(d * kBatch) {}
  std::vector<double> y;
  std::array<double, 2 * kBatch> tails{};
  std::array<double, kBatch> conditional_mean{}, product{}, u{};
};

// The separated integrand (Genz 1992, section 2) at the kBatch points
// w[i * kBatch + b] in [0, 1]^(d-1), into batch.product. A point whose
// product reaches 0 keeps 0; its later quantiles see clamped arguments and
// stay finite.
void integrand(const Ordered& o, const double* w, Batch& batch) {
  const std::size_t d = o.lower.size();
  auto& product = batch.product;
  auto& s = batch.conditional_mean;
  product.fill(1.0);
  for (std::size_t i = 0; i < d; ++i) {
    s.fill(0.0);
    for (std::size_t m = 0; m < i; ++m) {
      const double c = o.chol[i][m];
      const double* ym = batch.y.data() + m * kBatch;
      for (std::size_t b = 0; b < kBatch; ++b) s[b] += c * ym[b];
    }
    double* yi = batch.y.data() + i * kBatch;
    if (o.degenerate[i]) {
      for (std::size_t b = 0; b < kBatch; ++b) {
        if (s[b] < o.lower[i] || s[b] > o.upper[i]) product[b] = 0.0;
        yi[b] = 0.0;
      }
      continue;
    }
    // P(Z <= (lower - s) / sd) = P(Z >= (s - lower) / sd), and likewise for
    // upper. An infinite limit's tail is exact without erfc: P(Z <= -inf) =
    // 0 and P(Z <= +inf) = 1 (the values the vector erfc gives there), so
    // only the finite limits' tails are taken. MaxCombo's no-crossing
    // probabilities have no finite lower limit. The first variable's
    // conditional mean is 0 at every point, so its tails are taken once for
    // the batch (the vector erfc gives each lane the same value for the same
    // argument).
    const double sd = o.chol[i][i];
    const std::size_t points = i == 0 ? 1 : kBatch;
    const bool lower_finite = std::isfinite(o.lower[i]);
    const bool upper_finite = std::isfinite(o.upper[i]);
    double* const lower_tail = batch.tails.data();
    double* const upper_tail = batch.tails.data() + (lower_finite ? points : 0);
    if (lower_finite) {
      for (std::size_t b = 0; b < points; ++b) lower_tail[b] = (s[b] - o.lower[i]) / sd;
    }
    if (upper_finite) {
      for (std::size_t b = 0; b < points; ++b) upper_tail[b] = (s[b] - o.upper[i]) / sd;
    }
    const std::size_t finite = (lower_finite ? points : 0) + (upper_finite ? points : 0);
    normal_upper_tails(batch.tails.data(), batch.tails.data(), finite);
    bool any = false;
    for (std::size_t b = 0; b < kBatch; ++b) {
      const std::size_t t = i == 0 ? 0 : b;
      const double lo = lower_finite ? lower_tail[t] : (o.lower[i] > 0.0 ? 1.0 : 0.0);
      const double width = (upper_finite ? upper_tail[t] : (o.upper[i] > 0.0 ? 1.0 : 0.0)) - lo;
      product[b] = width > 0.0 ? product[b] * width : 0.0;
      any = any || product[b] > 0.0;
      batch.u[b] = lo + w[i * kBatch + b] * width;
    }
    if (!any) return;
    if (i + 1 < d) normal_lower_quantiles(batch.u.data(), yi, kBatch);
  }
}

// The first n primes, by trial division (n is the dimension).
std::vector<double> richtmyer_generators(std::size_t n) {
  std::vector<double> g;
  std::vector<long> primes;
  for (long c = 2; primes.size() < n; ++c) {
    bool prime = true;
    for (long p : primes) {
      if (p * p > c) break;
      if (c % p == 0) prime = false;
    }
    if (!prime) continue;
    primes.push_back(c);
    const double r = std::sqrt(static_cast<double>(c));
    g.push_back(r - std::floor(r));
  }
  return g;
}

// One round: `shifts` estimates of a lattice of n points; mean and standard
// error over the shifts.
struct Round {
  double mean = 0.0;
  double standard_error = 0.0;
};

Round lattice_round(const Ordered& o, const MvnOptions& options, int n, std::uint32_t round) {
  const std::size_t dims = o.lower.size() - 1;
  const std::vector<double> g = richtmyer_generators(dims);
  using Rng = r123::Philox4x32;
  const Rng::key_type key = {{static_cast<std::uint32_t>(options.seed),
                              static_cast<std::uint32_t>(options.seed >> 32)}};
  std::vector<double> shift(dims);
  // w[i * kBatch + b]: point b of the batch in dimension i; the first kPairs
  // are lattice points, the next kPairs their antithetic partners.
  std::vector<double> w((dims + 1) * kBatch, 0.5);
  Batch batch(o.lower.size());
  double sum = 0.0, sum2 = 0.0;
  for (int m = 0; m < options.shifts; ++m) {
    for (std::size_t i = 0; i < dims; i += 4) {
      const Rng::ctr_type ctr = {{static_cast<std::uint32_t>(i / 4), static_cast<std::uint32_t>(m), round, kPurpose}};
      const Rng::ctr_type words = Rng()(ctr, key);
      for (std::size_t j = 0; j < 4 && i + j < dims; ++j) shift[i + j] = (words.v[j] + 0.5) * kTwoPowMinus32;
    }
    double total = 0.0;
    for (int first = 1; first <= n; first += static_cast<int>(kPairs)) {
      const std::size_t pairs = std::min<std::size_t>(kPairs, static_cast<std::size_t>(n - first + 1));
      for (std::size_t i = 0; i < dims; ++i) {
        for (std::size_t b = 0; b < pairs; ++b) {
          const double u = static_cast<double>(first + static_cast<int>(b)) * g[i] + shift[i];
          const double tent = std::fabs(2.0 * (u - std::floor(u)) - 1.0);  // baker's transform
          w[i * kBatch + b] = tent;
          w[i * kBatch + kPairs + b] = 1.0 - tent;  // antithetic partner
        }
      }
      integrand(o, w.data(), batch);
      for (std::size_t b = 0; b < pairs; ++b) total += 0.5 * (batch.product[b] + batch.product[kPairs + b]);
    }
    const double estimate = total / n;
    sum += estimate;
    sum2 += estimate * estimate;
  }
  const double shifts = options.shifts;
  Round r;
  r.mean = sum / shifts;
  const double var = std::max(0.0, (sum2 - shifts * r.mean * r.mean) / (shifts - 1.0));
  r.standard_error = std::sqrt(var / shifts);
  return r;
}

void check_problem(const std::vector<double>& lower, const std::vector<double>& upper, const Matrix& sigma) {
  const std::size_t d = lower.size();
  if (d == 0) fail("lower", "must have at least one entry");
  if (upper.size() != d) fail_sizes("upper", upper.size(), "lower", d);
  if (sigma.size() != d) fail_sizes("covariance", sigma.size(), "lower", d);
  for (std::size_t i = 0; i < d; ++i) {
    if (std::isnan(lower[i])) fail(FieldPath{"lower"}.index(i), "must be a number");
    if (std::isnan(upper[i]) || upper[i] < lower[i]) {
      fail(FieldPath{"upper"}.index(i), upper[i], "must be a number >= lower");
    }
    if (sigma[i].size() != d) fail_sizes(FieldPath{"covariance"}.index(i), sigma[i].size(), "lower", d);
    for (std::size_t j = 0; j < d; ++j) {
      const FieldPath at = FieldPath{"covariance"}.index(i).index(j);
      if (!std::isfinite(sigma[i][j])) fail(at, sigma[i][j], "must be finite");
      if (std::fabs(sigma[i][j] - sigma[j][i]) > 1e-12 * (std::fabs(sigma[i][j]) + 1.0)) {
        fail(at, sigma[i][j], "must equal covariance[j][i] (a symmetric matrix)");
      }
    }
    if (sigma[i][i] < 0.0) fail(FieldPath{"covariance"}.index(i).index(i), sigma[i][i], "must be >= 0");
  }
}

// One variable: a normal interval probability, exact.
MvnResult univariate(const std::vector<double>& lower, const std::vector<double>& upper, double var) {
  MvnResult r;
  const double sd = std::sqrt(var);
  if (sd > 0.0) {
    r.probability = normal_lower_tail(upper[0] / sd) - normal_lower_tail(lower[0] / sd);
  } else {
    r.probability = lower[0] <= 0.0 && 0.0 <= upper[0] ? 1.0 : 0.0;
  }
  r.converged = true;
  return r;
}

MvnResult run(const std::vector<double>& lower, const std::vector<double>& upper, const Matrix& sigma,
              const MvnOptions& options, int first_points, bool adapt) {
  options.validate();
  check_problem(lower, upper, sigma);
  if (lower.size() == 1) return univariate(lower, upper, sigma[0][0]);
  const Ordered o = reorder(lower, upper, sigma);
  MvnResult result;
  int n = first_points;
  for (std::uint32_t round = 0;; ++round) {
    const Round r = lattice_round(o, options, n, round);
    result.evaluations += 2LL * n * options.shifts;
    result.probability = std::clamp(r.mean, 0.0, 1.0);
    result.error = options.error_multiplier * r.standard_error;
    result.points_per_shift = n;
    result.converged = result.error <= options.abs_tolerance;
    if (!adapt || result.converged) break;
    if (result.evaluations + 4LL * n * options.shifts > options.max_points) break;
    n *= 2;
  }
  return result;
}

}  // namespace

void MvnOptions::validate() const {
  check_positive("abs_tolerance", abs_tolerance);
  check_positive("error_multiplier", error_multiplier);
  if (shifts < 2) fail("shifts", shifts, "must be at least 2 (a standard error needs two estimates)");
  if (min_points < 1) fail("min_points", min_points, "must be at least 1");
  if (max_points < 2LL * min_points * shifts) {
    fail("max_points", static_cast<double>(max_points), "must allow one round (2 min_points shifts)");
  }
}

MvnResult mvn_probability(const std::vector<double>& lower, const std::vector<double>& upper,
                          const std::vector<std::vector<double>>& covariance, const MvnOptions& options) {
  return run(lower, upper, covariance, options, options.min_points, true);
}

MvnResult mvn_probability_fixed(const std::vector<double>& lower, const std::vector<double>& upper,
                                const std::vector<std::vector<double>>& covariance, const MvnOptions& options,
                                int points_per_shift) {
  if (points_per_shift < 1) fail("points_per_shift", points_per_shift, "must be at least 1");
  return run(lower, upper, covariance, options, points_per_shift, false);
}

}  // namespace gsd::numerics
