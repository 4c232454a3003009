#pragma once
// Private: the spending module's root-finding precision.
#include "gsd/integration/find_root.hpp"
#include "gsd/spending/bound_search.hpp"

namespace gsd::detail {

// 40 mantissa bits: roots to ~1e-12 relative, a million times finer than the
// 1e-6 accuracy target in z, and below the integration's own error (~1e-8).
inline constexpr int kRootBits = 40;

template <class F>
double find_root(F f, double lo, double hi, const char* what) {
  return gsd::find_root(f, lo, hi, kRootBits, what);
}

template <class F>
double find_root(F f, double lo, double hi, double f_lo, double f_hi, const char* what) {
  return gsd::find_root(f, lo, hi, f_lo, f_hi, kRootBits, what);
}

}  // namespace gsd::detail
