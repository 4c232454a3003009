#include "gsd/numerics/solver_options.hpp"

#include <cmath>
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::numerics {

namespace {
// Quadrature tolerances: finer than 1e-15 is below double rounding; coarser
// than 1e-4 would show in printed event counts.
constexpr double kMinTolerance = 1e-15;
constexpr double kMaxTolerance = 1e-4;

void check_range(const char* name, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi)) {
    fail({name}, value, "must lie in [" + format_value(lo) + ", " + format_value(hi) + "]");
  }
}

void check_range(const char* name, double value, SolverOptions::WholeRange range) {
  check_range(name, value, range.lo, range.hi);
}

}  // namespace

void SolverOptions::validate() const {
  check_range("grid_r", grid_r, kGridR);
  check_range("boundary_root_bits", boundary_root_bits, kRootBits);
  check_range("survival_root_bits", survival_root_bits, kRootBits);
  check_range("inference_root_bits", inference_root_bits, kRootBits);
  check_range("quadrature_tolerance", quadrature_tolerance, kMinTolerance, kMaxTolerance);
  check_range("quadrature_absolute_tolerance", quadrature_absolute_tolerance, 0.0, kMaxTolerance);
  check_range("quadrature_max_depth", static_cast<double>(quadrature_max_depth), kQuadratureDepth);
}

}  // namespace gsd::numerics
