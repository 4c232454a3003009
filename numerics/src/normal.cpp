#include "gsd/numerics/normal.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <stdexcept>
#include <string>

#if defined(GSD_HAVE_LIBMVEC)
#include <immintrin.h>
// erfc in glibc's libmvec, by the names of the x86-64 vector function ABI
// (glibc's sysdeps/x86_64/fpu/libmvec.abilist): _ZGVd (AVX2) with 4 lanes,
// _ZGVb (SSE2, every x86-64) with 2.
extern "C" {
#if defined(__AVX2__)
__m256d _ZGVdN4v_erfc(__m256d);
#else
__m128d _ZGVbN2v_erfc(__m128d);
#endif
}
#endif

namespace gsd::numerics {

void normal_upper_tails(const double* x, double* out, std::size_t n) noexcept {
#if defined(GSD_HAVE_LIBMVEC)
#if defined(__AVX2__)
  constexpr std::size_t kLanes = 4;
  const auto tails = [](const double* in, double* to) {
    const __m256d v = _mm256_mul_pd(_mm256_loadu_pd(in), _mm256_set1_pd(kInvSqrt2));
    _mm256_storeu_pd(to, _mm256_mul_pd(_mm256_set1_pd(0.5), _ZGVdN4v_erfc(v)));
  };
#else
  constexpr std::size_t kLanes = 2;
  const auto tails = [](const double* in, double* to) {
    const __m128d v = _mm_mul_pd(_mm_loadu_pd(in), _mm_set1_pd(kInvSqrt2));
    _mm_storeu_pd(to, _mm_mul_pd(_mm_set1_pd(0.5), _ZGVbN2v_erfc(v)));
  };
#endif
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) tails(x + i, out + i);
  if (i < n) {
    // The last few through the same routine, padded with zeros.
    double in[kLanes] = {};
    double to[kLanes];
    std::copy(x + i, x + n, in);
    tails(in, to);
    std::copy(to, to + (n - i), out + i);
  }
#else
  for (std::size_t i = 0; i < n; ++i) out[i] = normal_upper_tail(x[i]);
#endif
}

double normal_upper_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) {
    throw std::domain_error("normal_upper_quantile: p = " + std::to_string(p) +
                            " must lie in (0, 1)");
  }
  const boost::math::normal_distribution<double> standard;
  return boost::math::quantile(boost::math::complement(standard, p));
}

}  // namespace gsd::numerics
