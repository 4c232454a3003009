#include "gsd/numerics/normal.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <stdexcept>
#include <string>

#include "libmvec_lanes.hpp"

namespace gsd::numerics {

void normal_upper_tails(const double* x, double* out, std::size_t n) noexcept {
#if defined(GSD_HAVE_LIBMVEC)
  // Zero pads the remainder: erfc(0) = 1.
  detail::for_each_lanes(x, out, n, 0.0, [](detail::Lanes v) {
    using namespace detail;
    return times(splat(0.5), lanes_erfc(times(v, splat(kInvSqrt2))));
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
