#include "gsd/numerics/solver_options.hpp"

#include <cmath>
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::numerics {

namespace {
// r below 4 leaves too few points to resolve a normal density; r above 200
// (about 3600 nodes per look) buys nothing measurable.
constexpr int kMinR = 4;
constexpr int kMaxR = 200;
// Fewer than 10 bits is coarser than any printed digit; a double has 52.
constexpr int kMinBits = 10;
constexpr int kMaxBits = 52;
// Quadrature tolerances: finer than 1e-15 is below double rounding; coarser
// than 1e-4 would show in printed event counts.
constexpr double kMinTolerance = 1e-15;
constexpr double kMaxTolerance = 1e-4;
// Tanh-sinh depth: Boost needs at least 4 levels; beyond 30 the step is
// below double resolution.
constexpr std::size_t kMinDepth = 4;
constexpr std::size_t kMaxDepth = 30;

void check_range(const char* name, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi)) {
    fail({name}, value, "must lie in [" + format_value(lo) + ", " + format_value(hi) + "]");
  }
}

}  // namespace

void SolverOptions::validate() const {
  check_range("grid_r", grid_r, kMinR, kMaxR);
  check_range("boundary_root_bits", boundary_root_bits, kMinBits, kMaxBits);
  check_range("survival_root_bits", survival_root_bits, kMinBits, kMaxBits);
  check_range("inference_root_bits", inference_root_bits, kMinBits, kMaxBits);
  check_range("quadrature_tolerance", quadrature_tolerance, kMinTolerance, kMaxTolerance);
  check_range("quadrature_absolute_tolerance", quadrature_absolute_tolerance, 0.0, kMaxTolerance);
  check_range("quadrature_max_depth", static_cast<double>(quadrature_max_depth),
              static_cast<double>(kMinDepth), static_cast<double>(kMaxDepth));
}

}  // namespace gsd::numerics
