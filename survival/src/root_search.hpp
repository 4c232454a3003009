#pragma once
// Private: root finding in the survival solvers (look times, patients,
// events) at SolverOptions::survival_root_bits.
#include "gsd/numerics/find_root.hpp"
#include "gsd/numerics/solver_options.hpp"

namespace gsd::survival::detail {

template <class F>
double find_root(F f, double lo, double hi, const numerics::SolverOptions& options,
                 const char* what) {
  return numerics::find_root(f, lo, hi, options.survival_root_bits, what, options.trace);
}

}  // namespace gsd::survival::detail
