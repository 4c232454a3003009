#pragma once
// Private: applying one of glibc's libmvec vector functions to an array
// (normal.cpp, vector_log.cpp). Defined only where the build links libmvec.
#if defined(GSD_HAVE_LIBMVEC)
#include <immintrin.h>

#include <algorithm>
#include <cstddef>

namespace gsd::numerics::detail {

// A 4-lane (AVX2) or 2-lane (SSE2) vector of doubles, as the build has it.
#if defined(__AVX2__)
using Lanes = __m256d;
inline constexpr std::size_t kLanes = 4;
inline Lanes load_lanes(const double* p) noexcept { return _mm256_loadu_pd(p); }
inline void store_lanes(double* p, Lanes v) noexcept { _mm256_storeu_pd(p, v); }
#else
using Lanes = __m128d;
inline constexpr std::size_t kLanes = 2;
inline Lanes load_lanes(const double* p) noexcept { return _mm_loadu_pd(p); }
inline void store_lanes(double* p, Lanes v) noexcept { _mm_storeu_pd(p, v); }
#endif

// out[i] = f(x[i]) for i < n, kLanes at a time (out may be x). The last few
// go through the same f, padded with `pad` (any value in f's domain), so a
// result depends only on its own argument, never on its position or on n.
template <class F>
void for_each_lanes(const double* x, double* out, std::size_t n, double pad, F f) noexcept {
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) store_lanes(out + i, f(load_lanes(x + i)));
  if (i < n) {
    double in[kLanes];
    double to[kLanes];
    std::fill(in, in + kLanes, pad);
    std::copy(x + i, x + n, in);
    store_lanes(to, f(load_lanes(in)));
    std::copy(to, to + (n - i), out + i);
  }
}

}  // namespace gsd::numerics::detail
#endif
