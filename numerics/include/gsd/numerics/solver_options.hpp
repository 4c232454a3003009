#pragma once
// Every accuracy setting of gsd's numerical methods, in one place (Ceres
// style: documented in-class defaults, one validate()). Kernels take it as a
// parameter; nothing reads a hidden global.
#include <cstddef>

#include "gsd/numerics/solver_trace.hpp"

namespace gsd::numerics {

struct SolverOptions {
  // r of Jennison & Turnbull (2000), section 19.2. The grid reaches J&T's
  // mean +- (3 + 4 log r); within 10 sd of the mean its intervals are at
  // most 5.25 / r wide (0.875 at r = 6) and at most 1.25 sd of the narrower
  // adjacent kernel, and beyond that J&T's logarithmically spaced tail points
  // are kept. Each interval is integrated by 5-point Gauss-Legendre (error
  // O(h^10); J&T use Simpson's rule, O(h^4), and recommend r = 16). At r = 6
  // z bounds and drifts are within 3e-9 of the r = 60 grid for 2 to 25 looks,
  // spending, classical, binding and non-binding futility
  // (tests/spending/grid_convergence_test), so the 1e-6 agreement with rpact
  // is not spent on grid error; doubling r halves the intervals and about
  // quadruples the O(nodes^2) update between looks.
  int grid_r = 6;

  // Mantissa bits of the TOMS 748 brackets (Boost.Math eps_tolerance), per
  // kind of root. Each is far finer than what limits the function values:
  //  - boundaries and drifts: 40 bits, ~1e-12 relative, a million times finer
  //    than the 1e-6 target in z and below the integration's own error (~1e-8);
  //    each evaluation is a recursive integration, so no more is bought;
  //  - survival look times, patients and events: 45 bits, ~3e-14 relative,
  //    below the quadrature tolerance;
  //  - monitoring inference (repeated p-values, estimates, confidence limits):
  //    44 bits, ~6e-14 relative, far inside the 7 digits printed.
  int boundary_root_bits = 40;
  int survival_root_bits = 45;
  int inference_root_bits = 44;

  // Tanh-sinh quadrature of the survival integrals (event projection,
  // log-rank moments): relative error target per piece; 1e-10 keeps event
  // counts exact to far below one event for any trial size.
  double quadrature_tolerance = 1e-10;
  // Absolute error accepted per enrolled patient: 1e-13 is below a millionth
  // of an event for any trial of fewer than 1e7 patients; it only matters for
  // integrals near zero.
  double quadrature_absolute_tolerance = 1e-13;
  // Refinement levels of tanh-sinh (each halves the step); Boost's default.
  std::size_t quadrature_max_depth = 15;

  // Optional diagnostics (solver_trace.hpp); not owned, may be null. It does
  // not change any number.
  SolverTrace* trace = nullptr;

  // The accepted range of each whole-number setting; validate() holds them.
  struct WholeRange {
    int lo;
    int hi;
  };
  // r below 4 leaves too few points to resolve a normal density; r above 200
  // (about 3600 nodes per look) buys nothing measurable.
  static constexpr WholeRange kGridR{4, 200};
  // Fewer than 10 bits is coarser than any printed digit; a double has 52.
  static constexpr WholeRange kRootBits{10, 52};
  // Tanh-sinh depth: Boost needs at least 4 levels; beyond 30 the step is
  // below double resolution.
  static constexpr WholeRange kQuadratureDepth{4, 30};

  // Throws InvalidInput naming the field ("grid_r = 2 must lie in [4, 200]").
  void validate() const;
};

}  // namespace gsd::numerics
