#include "gsd/numerics/vector_log.hpp"

#include <cmath>

#include "libmvec_lanes.hpp"

#if defined(GSD_HAVE_LIBMVEC)
// log in glibc's libmvec, by its x86-64 vector function ABI name (as erfc in
// normal.cpp).
extern "C" {
#if defined(__AVX2__)
__m256d _ZGVdN4v_log(__m256d);
#else
__m128d _ZGVbN2v_log(__m128d);
#endif
}
#endif

namespace gsd::numerics {

void negative_logs(const double* x, double* out, std::size_t n) noexcept {
#if defined(GSD_HAVE_LIBMVEC)
  // One pads the remainder: log(1) = 0. The sign is flipped by its bit, as
  // the scalar minus does.
  detail::for_each_lanes(x, out, n, 1.0, [](detail::Lanes v) {
#if defined(__AVX2__)
    return _mm256_xor_pd(_ZGVdN4v_log(v), _mm256_set1_pd(-0.0));
#else
    return _mm_xor_pd(_ZGVbN2v_log(v), _mm_set1_pd(-0.0));
#endif
  });
#else
  for (std::size_t i = 0; i < n; ++i) out[i] = -std::log(x[i]);
#endif
}

}  // namespace gsd::numerics
