#include "gsd/numerics/vector_log.hpp"

#include <cmath>

#include "libmvec_lanes.hpp"

namespace gsd::numerics {

void negative_logs(const double* x, double* out, std::size_t n) noexcept {
#if defined(GSD_HAVE_LIBMVEC)
  // One pads the remainder: log(1) = 0. The sign is flipped by its bit, as
  // the scalar minus does.
  detail::for_each_lanes(x, out, n, 1.0,
                         [](detail::Lanes v) { return detail::flip_sign(detail::lanes_log(v)); });
#else
  for (std::size_t i = 0; i < n; ++i) out[i] = -std::log(x[i]);
#endif
}

}  // namespace gsd::numerics
