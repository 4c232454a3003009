#pragma once
// Private: root finding in the spending module, at the boundary precision of
// the solver options (SolverOptions::boundary_root_bits).
#include "gsd/numerics/find_root.hpp"
#include "gsd/numerics/solver_options.hpp"
#include "gsd/spending/bound_search.hpp"

namespace gsd::spending::detail {

template <class F>
double find_root(F f, double lo, double hi, const numerics::SolverOptions& options,
                 const char* what) {
  return numerics::find_root(f, lo, hi, options.boundary_root_bits, what, options.trace);
}

template <class F>
double find_root(F f, double lo, double hi, double f_lo, double f_hi,
                 const numerics::SolverOptions& options, const char* what) {
  return numerics::find_root(f, lo, hi, f_lo, f_hi, options.boundary_root_bits, what,
                             options.trace);
}

template <class FDF>
double find_root_newton(FDF fdf, double lo, double hi, double guess, bool increasing,
                        const numerics::SolverOptions& options, const char* what) {
  return numerics::find_root_newton(fdf, lo, hi, guess, increasing, options.boundary_root_bits,
                                    what, options.trace);
}

}  // namespace gsd::spending::detail
