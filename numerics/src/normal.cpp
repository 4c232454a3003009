#include "gsd/numerics/normal.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <stdexcept>
#include <string>

#include "libmvec_lanes.hpp"

#if defined(GSD_HAVE_LIBMVEC)
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
  // Zero pads the remainder: erfc(0) = 1.
  detail::for_each_lanes(x, out, n, 0.0, [](detail::Lanes v) {
#if defined(__AVX2__)
    const __m256d erfc = _ZGVdN4v_erfc(_mm256_mul_pd(v, _mm256_set1_pd(kInvSqrt2)));
    return _mm256_mul_pd(_mm256_set1_pd(0.5), erfc);
#else
    const __m128d erfc = _ZGVbN2v_erfc(_mm_mul_pd(v, _mm_set1_pd(kInvSqrt2)));
    return _mm_mul_pd(_mm_set1_pd(0.5), erfc);
#endif
  });
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
