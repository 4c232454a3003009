#pragma once
// Natural logarithms many at a time, for the simulator's exponential
// spacings and cumulative hazards (hundreds per simulated trial).
#include <cstddef>

namespace gsd::numerics {

// out[i] = -log(x[i]) for i < n and x[i] > 0 (out may be x). Where the build
// has glibc's vector math library (libmvec, x86-64), its log takes four
// values at once with AVX2 and two with SSE2, within 4 units in the last
// place of the exact result as glibc documents for its vector functions;
// elsewhere it is std::log in a loop. Every element takes the same routine
// whatever n, so each result depends only on its own x[i].
void negative_logs(const double* x, double* out, std::size_t n) noexcept;

}  // namespace gsd::numerics
