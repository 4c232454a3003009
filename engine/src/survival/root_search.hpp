#pragma once
// Private: the survival solvers' root-finding precision (look times,
// patients, events), on the shared TOMS 748 wrapper.
#include "gsd/integration/find_root.hpp"

namespace gsd::survival::detail {

// 45 bits: calendar times and sample sizes to ~3e-14 relative, far below
// the quadrature tolerance that limits the function values anyway.
inline constexpr int kRootBits = 45;

template <class F>
double find_root(F f, double lo, double hi, const char* what) {
  return gsd::find_root(f, lo, hi, kRootBits, what);
}

}  // namespace gsd::survival::detail
