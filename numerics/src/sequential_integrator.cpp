#include "gsd/numerics/sequential_integrator.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/numerics/kernel_exp.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::numerics {

namespace {

// The normal kernel exp(-x^2 / 2) is below 2e-16 of its peak for |x| > 8.5,
// under the 1e-12 accuracy the boundary search needs even summed over a few
// hundred grid points, so pairs further apart (in standardised increment
// units) are skipped.
constexpr double kKernelCutoff = 8.5;
static_assert(-0.5 * kKernelCutoff * kKernelCutoff >= kKernelExpMin,
              "the kernel's exponents stay in kernel_exp's range");

// Refinement of the quadrature grid within kRefineReach sd of the mean (the
// density beyond 10 sd is below 1e-21 of its peak): no interval wider than
// kIntervalTimesR / r (0.875 at the default r = 6), nor than
// kKernelResolution times the sd of the narrower adjacent kernel. With
// 5-point Gauss-Legendre these keep z bounds and drifts within 3e-9 of the
// r = 60 grid for 2 to 25 looks (tests/spending/grid_convergence_test); the
// earlier 3-point rule needed intervals of 0.35 and half a kernel sd, 1.5
// times as many nodes per look and about 2.3 times the pairs of nodes, for
// errors of 1.5e-8 on the same tests.
constexpr double kIntervalTimesR = 5.25;
constexpr double kKernelResolution = 1.25;
constexpr double kRefineReach = 10.0;

// Relative rounding of an interval's width against max_interval: a span that
// is a whole number of max_interval in exact arithmetic can exceed it by an
// ulp in floating point.
constexpr double kSplitSlack = 1e-9;

// P(Z >= 12) = 1.8e-33: beyond this the normal tail is 0 or 1 to double
// precision relative to any probability the boundary search uses.
constexpr double kTailCutoff = 12.0;


void check_next(int looks_done, double t_prev, double t) {
  if (!(t > 0.0) || !std::isfinite(t)) {
    throw std::invalid_argument("information fraction " + format_input(t) + " must be positive and finite");
  }
  if (looks_done > 0 && !(t > t_prev)) {
    throw std::invalid_argument("information fraction " + format_input(t) +
                                " must exceed the previous look's " + format_input(t_prev));
  }
}

// A look the integrator moves to builds a grid that resolves the steps into
// and out of it, so those steps must be at least the least information step
// (information_step.hpp). A tail at a later fraction needs no grid of its
// own: a capped analysis's bound is sought just past a look.
void check_grid_step(double t_prev, double t, const char* name) {
  if (!is_information_step(t_prev, t)) {
    throw std::invalid_argument(std::string(name) + format_input(t) + " " +
                                information_step_rule("look's " + format_input(t_prev), t_prev, t));
  }
}

}  // namespace

double grid_interval(int r, double kernel_sd) {
  return std::min(kIntervalTimesR / r, kKernelResolution * kernel_sd);
}

QuadratureGrid quadrature_grid(int r, double mean, double lower, double upper,
                               double max_interval) {
  // J&T (2000) eq. (19.3) place 6r - 1 points over mean +- (3 + 4 log r),
  // equally spaced within 3 of the mean and logarithmically spaced beyond.
  // Their tail points beyond kRefineReach are kept as they are; within it the
  // grid is uniform, with intervals of at most max_interval (grid_interval:
  // set by r and the kernels), so r keeps its role of setting the fineness.
  QuadratureGrid grid;
  if (!(lower < upper)) return grid;  // an empty continuation region has no mass
  const double rd = r;
  const double extent = 3.0 + 4.0 * std::log(rd);
  const double reach = std::min(extent, kRefineReach);
  std::vector<double> base;
  base.reserve(2 * static_cast<std::size_t>(r) + 4);
  auto add = [&](double x) {
    if (x > lower && x < upper) base.push_back(x);
  };
  // Trimming (J&T 19.2): points beyond a bound are replaced by the bound.
  if (std::isfinite(lower) && lower > mean - extent) base.push_back(lower);
  for (int i = 1; i <= r - 1; ++i) {  // left tail, ascending
    const double x = mean - 3.0 - 4.0 * std::log(rd / i);
    if (x < mean - reach) add(x);
  }
  add(mean - reach);
  add(mean + reach);
  for (int i = 5 * r + 1; i <= 6 * r - 1; ++i) {  // right tail, ascending
    const double x = mean + 3.0 + 4.0 * std::log(rd / (6.0 * rd - i));
    if (x > mean + reach) add(x);
  }
  if (std::isfinite(upper) && upper < mean + extent) base.push_back(upper);

  if (base.size() < 2) return grid;  // the region lies beyond the grid's reach
  // Five-point Gauss-Legendre on each interval (Abramowitz & Stegun 1964,
  // table 25.4; the closed forms of Davis & Rabinowitz 1984, section 2.7):
  // nodes 0 and +-sqrt(5 -+ 2 sqrt(10/7)) / 3 half-widths, weights 128/225 and
  // (322 +- 13 sqrt(70)) / 900 of the half-width. Its error is O(h^10), so it
  // reaches the 3-point rule's accuracy on intervals 2.5 times as wide.
  const double s107 = 2.0 * std::sqrt(10.0 / 7.0);
  const double inner_node = std::sqrt(5.0 - s107) / 3.0;
  const double outer_node = std::sqrt(5.0 + s107) / 3.0;
  const double inner_weight = (322.0 + 13.0 * std::sqrt(70.0)) / 900.0;
  const double outer_weight = (322.0 - 13.0 * std::sqrt(70.0)) / 900.0;
  grid.z.reserve(5 * base.size());
  grid.w.reserve(5 * base.size());
  auto add_interval = [&](double lo, double hi) {
    const double half = 0.5 * (hi - lo);
    const double mid = 0.5 * (hi + lo);
    grid.z.insert(grid.z.end(), {mid - outer_node * half, mid - inner_node * half, mid,
                                 mid + inner_node * half, mid + outer_node * half});
    grid.w.insert(grid.w.end(), {half * outer_weight, half * inner_weight, half * 128.0 / 225.0,
                                 half * inner_weight, half * outer_weight});
  };
  for (std::size_t i = 0; i + 1 < base.size(); ++i) {
    // Within kRefineReach of the mean intervals are split evenly to at most
    // max_interval: a bound far from the mean (early O'Brien-Fleming looks
    // reach z = 8) and the narrow kernels of closely spaced looks are then
    // resolved as well as the bulk. J&T's tail intervals beyond it widen
    // logarithmically and carry below 1e-21 of the mass.
    const double lo = base[i];
    const double hi = base[i + 1];
    const bool near = std::fabs(0.5 * (lo + hi) - mean) < reach;
    // An interval as wide as max_interval up to rounding is not split in two.
    const double pieces = near ? std::max(1.0, std::ceil((hi - lo) / max_interval - kSplitSlack)) : 1.0;
    const double step = (hi - lo) / pieces;
    for (double p = 0.0; p < pieces; p += 1.0) {
      add_interval(lo + p * step, p + 1.0 < pieces ? lo + (p + 1.0) * step : hi);
    }
  }
  return grid;
}

QuadratureGrid quadrature_grid_outside(int r, double mean, double lower, double upper, double inner,
                                       double max_interval) {
  if (!(inner > 0.0)) return quadrature_grid(r, mean, lower, upper, max_interval);
  QuadratureGrid grid = quadrature_grid(r, mean, lower, std::min(upper, -inner), max_interval);
  const QuadratureGrid right = quadrature_grid(r, mean, std::max(lower, inner), upper, max_interval);
  grid.z.insert(grid.z.end(), right.z.begin(), right.z.end());
  grid.w.insert(grid.w.end(), right.w.begin(), right.w.end());
  return grid;
}

SequentialIntegrator::SequentialIntegrator(SolverOptions options) : options_(options) {
  options_.validate();
}

SequentialIntegrator::Step SequentialIntegrator::step_to(double t, double mean) const {
  check_next(looks_done_, t_, t);
  const double sd = std::sqrt(t - t_);
  // Increment of S = Z sqrt(t): mean mu_next sqrt(t) - mu_prev sqrt(t_prev).
  const double shift = mean * std::sqrt(t) - mean_ * std::sqrt(t_);
  return Step{std::sqrt(t) / sd, shift / sd, std::sqrt(t_) / sd};
}

// sum_i weight_i factor(i) P(N(0,1) >= arg_i), with arg_i = x - z_i slope for
// an upper tail and z_i slope - x for a lower tail. The grid is sorted, so the
// points whose tail is 0 or 1 to double precision form contiguous runs found
// by binary search: only the points in between need erfc, which they get
// together, vectorised.
template <class Factor>
double SequentialIntegrator::tail_sum(double x, double slope, bool upper, Factor factor) const {
  const auto begin = z_.begin();
  // z below z_low: upper tail 0 (skip) / lower tail 1; above z_high the reverse.
  const auto low = std::lower_bound(begin, z_.end(), (x - kTailCutoff) / slope);
  const auto high = std::lower_bound(low, z_.end(), (x + kTailCutoff) / slope);
  const auto i_low = static_cast<std::size_t>(low - begin);
  const auto i_high = static_cast<std::size_t>(high - begin);
  // The tails of the points in between, all at once (normal_upper_tails).
  std::vector<double> tail(i_high - i_low);
  for (std::size_t i = i_low; i < i_high; ++i) {
    tail[i - i_low] = upper ? x - z_[i] * slope : z_[i] * slope - x;
  }
  normal_upper_tails(tail.data(), tail.data(), tail.size());
  double sum = 0.0;
  for (std::size_t i = i_low; i < i_high; ++i) sum += weight_[i] * factor(i) * tail[i - i_low];
  const std::size_t full_begin = upper ? i_high : 0;
  const std::size_t full_end = upper ? z_.size() : i_low;
  for (std::size_t i = full_begin; i < full_end; ++i) sum += weight_[i] * factor(i);
  return sum;
}

// tail_sum's loops with two more sums beside the tail: a moment and the
// normal density of each node's increment. The tail is summed in tail_sum's
// order, so it is the same number.
template <class Factor, class Moment>
SequentialIntegrator::TailSums SequentialIntegrator::tail_sums(double x, double slope, bool upper,
                                                               Factor factor,
                                                               Moment moment) const {
  const auto begin = z_.begin();
  const auto low = std::lower_bound(begin, z_.end(), (x - kTailCutoff) / slope);
  const auto high = std::lower_bound(low, z_.end(), (x + kTailCutoff) / slope);
  const auto i_low = static_cast<std::size_t>(low - begin);
  const auto i_high = static_cast<std::size_t>(high - begin);
  // The increments' densities at once (Eigen's SIMD exp on its own aligned
  // storage: the result depends on indices only, as in advance_outside()).
  Eigen::ArrayXd arg(static_cast<Eigen::Index>(i_high - i_low));
  for (std::size_t i = i_low; i < i_high; ++i) {
    arg[static_cast<Eigen::Index>(i - i_low)] = upper ? x - z_[i] * slope : z_[i] * slope - x;
  }
  const Eigen::ArrayXd density = (-0.5 * arg.square()).exp();
  Eigen::ArrayXd tails(arg.size());
  normal_upper_tails(arg.data(), tails.data(), i_high - i_low);
  TailSums sums;
  for (std::size_t i = i_low; i < i_high; ++i) {
    const auto j = static_cast<Eigen::Index>(i - i_low);
    const double g = weight_[i] * factor(i);
    const double tail = tails[j];
    sums.tail += g * tail;
    sums.moment += g * moment(i) * tail;
    sums.density += g * density[j];
  }
  const std::size_t full_begin = upper ? i_high : 0;
  const std::size_t full_end = upper ? z_.size() : i_low;
  for (std::size_t i = full_begin; i < full_end; ++i) {
    const double g = weight_[i] * factor(i);
    sums.tail += g;
    sums.moment += g * moment(i);
  }
  return sums;
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
  return tail_sum(b * s.scale - s.offset, s.slope, true, [](std::size_t) { return 1.0; });
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
  return tail_sum(a * s.scale - s.offset, s.slope, false, [](std::size_t) { return 1.0; });
}

namespace {

// The likelihood ratios exp(drift z_i sqrt(t) - drift^2 t / 2) of all nodes at
// once (Eigen's SIMD exp). Eigen's own storage is aligned, so which nodes
// take the SIMD path depends only on their index, never on the heap (see
// advance_outside()).
Eigen::ArrayXd likelihood_ratios(const std::vector<double>& z, double t, double drift) {
  const double half_drift_sq_t = 0.5 * drift * drift * t;
  const double drift_root_t = drift * std::sqrt(t);
  const Eigen::Index n = static_cast<Eigen::Index>(z.size());
  Eigen::ArrayXd ratio = Eigen::Map<const Eigen::ArrayXd>(z.data(), n);
  ratio = (ratio * drift_root_t - half_drift_sq_t).exp();
  return ratio;
}

}  // namespace

double SequentialIntegrator::tilted_tail(double t, double drift, double bound, bool upper) const {
  if (!null_path_) {
    throw std::logic_error("tilted tails need an integrator whose looks were all under H0");
  }
  check_next(looks_done_, t_, t);
  if (looks_done_ == 0) {
    const double arg = bound - drift * std::sqrt(t);
    return upper ? normal_upper_tail(arg) : normal_lower_tail(arg);
  }
  // Increment of S over (t_, t] has mean drift (t - t_) and sd sqrt(t - t_);
  // each path is weighted by its likelihood ratio exp(drift S - drift^2 t_ / 2).
  const double sd = std::sqrt(t - t_);
  const double x = (bound * std::sqrt(t) - drift * (t - t_)) / sd;
  const Eigen::ArrayXd ratio = likelihood_ratios(z_, t_, drift);
  return tail_sum(x, std::sqrt(t_) / sd, upper,
                  [&](std::size_t i) { return ratio[static_cast<Eigen::Index>(i)]; });
}

double SequentialIntegrator::next_upper_tail_tilted(double t, double drift, double b) const {
  if (std::isnan(b)) throw std::invalid_argument("upper bound is NaN");
  if (std::isinf(b) && b > 0.0) return 0.0;
  return tilted_tail(t, drift, b, true);
}

double SequentialIntegrator::next_lower_tail_tilted(double t, double drift, double a) const {
  if (std::isnan(a)) throw std::invalid_argument("lower bound is NaN");
  if (std::isinf(a) && a < 0.0) return 0.0;
  return tilted_tail(t, drift, a, false);
}

SequentialIntegrator::TailAndDerivative SequentialIntegrator::next_upper_tail_and_derivative(
    double t, double mean, double b) const {
  if (std::isnan(b)) throw std::invalid_argument("upper bound is NaN");
  if (std::isinf(b) && b > 0.0) return {};
  if (looks_done_ == 0) {
    check_next(0, 0.0, t);
    return {normal_upper_tail(b - mean), -normal_density(b - mean)};
  }
  if (std::isinf(b)) return {continuation_mass(), 0.0};
  const Step s = step_to(t, mean);
  const TailSums sums = tail_sums(b * s.scale - s.offset, s.slope, true,
                                  [](std::size_t) { return 1.0; }, [](std::size_t) { return 0.0; });
  // d/db P(N >= b scale - offset - u_i) = -scale phi(...).
  return {sums.tail, -s.scale * kInvSqrt2Pi * sums.density};
}

SequentialIntegrator::TailAndDerivative SequentialIntegrator::next_lower_tail_and_derivative(
    double t, double mean, double a) const {
  if (std::isnan(a)) throw std::invalid_argument("lower bound is NaN");
  if (std::isinf(a) && a < 0.0) return {};
  if (looks_done_ == 0) {
    check_next(0, 0.0, t);
    return {normal_lower_tail(a - mean), normal_density(a - mean)};
  }
  if (std::isinf(a)) return {continuation_mass(), 0.0};
  const Step s = step_to(t, mean);
  const TailSums sums = tail_sums(a * s.scale - s.offset, s.slope, false,
                                  [](std::size_t) { return 1.0; }, [](std::size_t) { return 0.0; });
  return {sums.tail, s.scale * kInvSqrt2Pi * sums.density};
}

SequentialIntegrator::TailAndDerivative
SequentialIntegrator::next_upper_tail_tilted_and_derivative(double t, double drift,
                                                            double b) const {
  if (std::isnan(b)) throw std::invalid_argument("upper bound is NaN");
  if (std::isinf(b) && b > 0.0) return {};
  if (!null_path_) {
    throw std::logic_error("tilted tails need an integrator whose looks were all under H0");
  }
  check_next(looks_done_, t_, t);
  if (looks_done_ == 0) {
    const double arg = b - drift * std::sqrt(t);
    return {normal_upper_tail(arg), std::sqrt(t) * normal_density(arg)};
  }
  const double sd = std::sqrt(t - t_);
  const double x = (b * std::sqrt(t) - drift * (t - t_)) / sd;
  const Eigen::ArrayXd ratio = likelihood_ratios(z_, t_, drift);
  const double root_t = std::sqrt(t_);
  const double drift_t = drift * t_;
  // d/d(drift) of ratio_i = (z_i sqrt(t_) - drift t_) ratio_i, and of the
  // increment's tail P(N >= x - z_i sqrt(t_) / sd): phi(...) (t - t_) / sd.
  const TailSums sums = tail_sums(
      x, root_t / sd, true, [&](std::size_t i) { return ratio[static_cast<Eigen::Index>(i)]; },
      [&](std::size_t i) { return z_[i] * root_t - drift_t; });
  return {sums.tail, sums.moment + (t - t_) / sd * kInvSqrt2Pi * sums.density};
}

void SequentialIntegrator::advance(double t, double mean, double lower, double upper,
                                   std::optional<double> next_t) {
  advance_outside(t, mean, lower, upper, 0.0, next_t);
}

void SequentialIntegrator::advance_outside(double t, double mean, double lower, double upper,
                                           double inner, std::optional<double> next_t) {
  if (std::isnan(lower) || std::isnan(upper) || std::isnan(inner)) {
    throw std::invalid_argument("continuation bounds must not be NaN");
  }
  check_next(looks_done_, t_, t);
  if (looks_done_ > 0) check_grid_step(t_, t, "information fraction ");
  // Kernel sds (z units) of the step into this look and the step out of it.
  const double w_in = looks_done_ == 0 ? 1.0 : std::sqrt((t - t_) / t);
  double w_out = w_in;
  if (next_t) {
    check_grid_step(t, *next_t, "next information fraction ");
    w_out = std::sqrt((*next_t - t) / t);
  }
  const double max_interval = grid_interval(options_.grid_r, std::min(w_in, w_out));
  QuadratureGrid grid =
      quadrature_grid_outside(options_.grid_r, mean, lower, upper, inner, max_interval);
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
    // Aligned copies: Eigen runs leading unaligned elements through scalar
    // std::exp, which may differ from its SIMD exp in the last bit, so with
    // storage of Eigen's own alignment the result depends only on indices,
    // never on where the heap put the grid (reproducible across threads).
    const Eigen::ArrayXd g_old = Eigen::Map<const Eigen::ArrayXd>(weight_.data(), n_old);
    const Eigen::ArrayXd u = z_old * s.slope;  // increasing in i
    Eigen::ArrayXd kernel(n_old);
    for (std::size_t j = 0; j < grid.z.size(); ++j) {
      const double x = grid.z[j] * s.scale - s.offset;
      // Only u_i within kKernelCutoff of x contribute.
      const double* lo = std::lower_bound(u.data(), u.data() + n_old, x - kKernelCutoff);
      const double* hi = std::upper_bound(lo, u.data() + n_old, x + kKernelCutoff);
      const Eigen::Index begin = lo - u.data();
      const Eigen::Index count = hi - lo;
      if (count == 0) continue;
      // The kernel row in one vectorised loop (-d^2 / 2 >= -kKernelCutoff^2 / 2,
      // inside kernel_exp's range), into storage of Eigen's alignment.
      const double* u_row = lo;
      double* k_row = kernel.data();
      for (Eigen::Index i = 0; i < count; ++i) {
        const double d = x - u_row[i];
        k_row[i] = kernel_exp(-0.5 * d * d);
      }
      const double density =
          (g_old.segment(begin, count) * kernel.head(count)).sum() * kInvSqrt2Pi * s.scale;
      weight[j] = grid.w[j] * density;
    }
  }
  if (options_.trace && options_.trace->enabled(SolverTrace::Level::kDebug)) {
    std::ostringstream out;
    out << "integration grid at information fraction " << t << ": " << grid.z.size()
        << " nodes on (" << lower << ", " << upper << "), continuation mass "
        << std::accumulate(weight.begin(), weight.end(), 0.0);
    options_.trace->write(SolverTrace::Level::kDebug, out.str());
  }
  null_path_ = null_path_ && std::fpclassify(mean) == FP_ZERO;
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

}  // namespace gsd::numerics
