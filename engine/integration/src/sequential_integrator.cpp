#include "gsd/integration/sequential_integrator.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

#include "gsd/integration/normal.hpp"

namespace gsd {

namespace {

// The normal kernel exp(-x^2 / 2) is below 1e-20 of its peak for |x| > 9.6,
// far under the 1e-12 accuracy the boundary search needs, so grid pairs
// further apart than this (in standardised increment units) are skipped.
constexpr double kKernelCutoff = 9.6;


void check_next(int looks_done, double t_prev, double t) {
  if (!(t > 0.0) || !std::isfinite(t)) {
    throw std::invalid_argument("information fraction " + std::to_string(t) +
                                " must be positive and finite");
  }
  if (looks_done > 0 && !(t > t_prev)) {
    throw std::invalid_argument("information fraction " + std::to_string(t) +
                                " must exceed the previous look's " + std::to_string(t_prev));
  }
}

}  // namespace

SimpsonGrid simpson_grid(int r, double mean, double lower, double upper) {
  // J&T (2000) eq. (19.3): 6r - 1 points, denser near the mean, with
  // logarithmic spacing in the tails out to mean +- (3 + 4 log r).
  const int n = 6 * r - 1;
  const double rd = r;
  std::vector<double> base;
  base.reserve(static_cast<std::size_t>(n) + 2);
  auto add = [&](double x) {
    if (x > lower && x < upper) base.push_back(x);
  };
  // Trimming (J&T 19.2): points beyond a bound are replaced by the bound.
  const double first = mean - 3.0 - 4.0 * std::log(rd);
  const double last = mean + 3.0 + 4.0 * std::log(rd);
  if (std::isfinite(lower) && lower > first) base.push_back(lower);
  for (int i = 1; i <= n; ++i) {
    const double id = i;
    double x;
    if (i <= r - 1) {
      x = mean - 3.0 - 4.0 * std::log(rd / id);
    } else if (i <= 5 * r) {
      x = mean - 3.0 + 3.0 * (id - rd) / (2.0 * rd);
    } else {
      x = mean + 3.0 + 4.0 * std::log(rd / (6.0 * rd - id));
    }
    add(x);
  }
  if (std::isfinite(upper) && upper < last) base.push_back(upper);

  SimpsonGrid grid;
  if (base.size() < 2) return grid;  // empty continuation region: no mass
  const std::size_t m = 2 * base.size() - 1;
  grid.z.resize(m);
  grid.w.assign(m, 0.0);
  for (std::size_t i = 0; i < base.size(); ++i) grid.z[2 * i] = base[i];
  for (std::size_t i = 0; i + 1 < base.size(); ++i) {
    grid.z[2 * i + 1] = 0.5 * (base[i] + base[i + 1]);
    // Composite Simpson on [base_i, base_{i+1}]: h/6 * (1, 4, 1).
    const double h = base[i + 1] - base[i];
    grid.w[2 * i] += h / 6.0;
    grid.w[2 * i + 1] += 4.0 * h / 6.0;
    grid.w[2 * i + 2] += h / 6.0;
  }
  return grid;
}

SequentialIntegrator::SequentialIntegrator(GridOptions options) : options_(options) {
  options_.validate();
}

SequentialIntegrator::Step SequentialIntegrator::step_to(double t, double mean) const {
  check_next(looks_done_, t_, t);
  const double sd = std::sqrt(t - t_);
  // Increment of S = Z sqrt(t): mean mu_next sqrt(t) - mu_prev sqrt(t_prev).
  const double shift = mean * std::sqrt(t) - mean_ * std::sqrt(t_);
  return Step{std::sqrt(t) / sd, shift / sd, std::sqrt(t_) / sd};
}

double SequentialIntegrator::next_upper_tail(double t, double mean, double b) const {
  if (std::isnan(b)) throw std::invalid_argument("upper bound is NaN");
  if (std::isinf(b) && b > 0.0) return 0.0;
  if (looks_done_ == 0) {
    check_next(0, 0.0, t);
    return normal_upper_tail(b - mean);
  }
  if (std::isinf(b)) return continuation_mass();
  const Step s = step_to(t, mean);
  const double x = b * s.scale - s.offset;
  double sum = 0.0;
  for (std::size_t i = 0; i < z_.size(); ++i) {
    sum += weight_[i] * normal_upper_tail(x - z_[i] * s.slope);
  }
  return sum;
}

double SequentialIntegrator::next_lower_tail(double t, double mean, double a) const {
  if (std::isnan(a)) throw std::invalid_argument("lower bound is NaN");
  if (std::isinf(a) && a < 0.0) return 0.0;
  if (looks_done_ == 0) {
    check_next(0, 0.0, t);
    return normal_lower_tail(a - mean);
  }
  if (std::isinf(a)) return continuation_mass();
  const Step s = step_to(t, mean);
  const double x = a * s.scale - s.offset;
  double sum = 0.0;
  for (std::size_t i = 0; i < z_.size(); ++i) {
    sum += weight_[i] * normal_lower_tail(x - z_[i] * s.slope);
  }
  return sum;
}

void SequentialIntegrator::advance(double t, double mean, double lower, double upper) {
  if (std::isnan(lower) || std::isnan(upper)) {
    throw std::invalid_argument("continuation bounds must not be NaN");
  }
  SimpsonGrid grid = simpson_grid(options_.r, mean, lower, upper);
  std::vector<double> weight(grid.z.size(), 0.0);
  if (looks_done_ == 0) {
    check_next(0, 0.0, t);
    for (std::size_t j = 0; j < grid.z.size(); ++j) {
      weight[j] = grid.w[j] * normal_density(grid.z[j] - mean);
    }
  } else if (!z_.empty() && !grid.z.empty()) {
    const Step s = step_to(t, mean);
    // Density of Z_next at z_j: sum_i g_i phi(z_j * scale - offset - z_i * slope) * scale.
    const Eigen::Index n_old = static_cast<Eigen::Index>(z_.size());
    const Eigen::Map<const Eigen::ArrayXd> z_old(z_.data(), n_old);
    const Eigen::Map<const Eigen::ArrayXd> g_old(weight_.data(), n_old);
    const Eigen::ArrayXd u = z_old * s.slope;  // increasing in i
    for (std::size_t j = 0; j < grid.z.size(); ++j) {
      const double x = grid.z[j] * s.scale - s.offset;
      // Only u_i within kKernelCutoff of x contribute.
      const double* lo = std::lower_bound(u.data(), u.data() + n_old, x - kKernelCutoff);
      const double* hi = std::upper_bound(lo, u.data() + n_old, x + kKernelCutoff);
      const Eigen::Index begin = lo - u.data();
      const Eigen::Index count = hi - lo;
      if (count == 0) continue;
      const auto d = x - u.segment(begin, count);
      const double density =
          (g_old.segment(begin, count) * (-0.5 * d.square()).exp()).sum() * kInvSqrt2Pi *
          s.scale;
      weight[j] = grid.w[j] * density;
    }
  }
  z_ = std::move(grid.z);
  weight_ = std::move(weight);
  t_ = t;
  mean_ = mean;
  ++looks_done_;
}

double SequentialIntegrator::continuation_mass() const {
  if (looks_done_ == 0) return 1.0;
  double sum = 0.0;
  for (double w : weight_) sum += w;
  return sum;
}

}  // namespace gsd
