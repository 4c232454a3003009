#pragma once
// Private: glibc's libmvec vector functions applied to arrays (normal.cpp,
// vector_log.cpp). Defined only where the build links libmvec.
#if defined(GSD_HAVE_LIBMVEC)
#include <immintrin.h>

#include <algorithm>
#include <cstddef>

// glibc's libmvec functions, by the names of the x86-64 vector function ABI
// (glibc's sysdeps/x86_64/fpu/libmvec.abilist): _ZGVd (AVX2) with 4 lanes,
// _ZGVb (SSE2, every x86-64) with 2.
extern "C" {
#if defined(__AVX2__)
__m256d _ZGVdN4v_erfc(__m256d);
__m256d _ZGVdN4v_log(__m256d);
#else
__m128d _ZGVbN2v_erfc(__m128d);
__m128d _ZGVbN2v_log(__m128d);
#endif
}

namespace gsd::numerics::detail {

// A 4-lane (AVX2) or 2-lane (SSE2) vector of doubles, as the build has it,
// and the few operations on it that the callers need.
#if defined(__AVX2__)
using Lanes = __m256d;
inline constexpr std::size_t kLanes = 4;
inline Lanes load_lanes(const double* p) noexcept { return _mm256_loadu_pd(p); }
inline void store_lanes(double* p, Lanes v) noexcept { _mm256_storeu_pd(p, v); }
inline Lanes splat(double x) noexcept { return _mm256_set1_pd(x); }
inline Lanes times(Lanes a, Lanes b) noexcept { return _mm256_mul_pd(a, b); }
inline Lanes flip_sign(Lanes v) noexcept { return _mm256_xor_pd(v, _mm256_set1_pd(-0.0)); }
inline Lanes lanes_erfc(Lanes v) noexcept { return _ZGVdN4v_erfc(v); }
inline Lanes lanes_log(Lanes v) noexcept { return _ZGVdN4v_log(v); }
#else
using Lanes = __m128d;
inline constexpr std::size_t kLanes = 2;
inline Lanes load_lanes(const double* p) noexcept { return _mm_loadu_pd(p); }
inline void store_lanes(double* p, Lanes v) noexcept { _mm_storeu_pd(p, v); }
inline Lanes splat(double x) noexcept { return _mm_set1_pd(x); }
inline Lanes times(Lanes a, Lanes b) noexcept { return _mm_mul_pd(a, b); }
inline Lanes flip_sign(Lanes v) noexcept { return _mm_xor_pd(v, _mm_set1_pd(-0.0)); }
inline Lanes lanes_erfc(Lanes v) noexcept { return _ZGVbN2v_erfc(v); }
inline Lanes lanes_log(Lanes v) noexcept { return _ZGVbN2v_log(v); }
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
