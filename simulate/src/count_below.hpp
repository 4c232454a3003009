#pragma once
// Private: a binary search without branches (a look's enrolled patients and
// outcome horizon, risk_set_merge.hpp; the starts of the censoring counts'
// runs, the same; a look's event-time bucket, event_time_index.cpp).
#include <cstddef>

namespace gsd::simulate::detail {

// How many of the ascending a[0], a[stride], ..., a[(n - 1) stride] lie
// strictly below x (std::lower_bound's index), by a binary search whose
// steps are conditional moves: the times searched at every look give no
// pattern a branch predictor could learn.
template <class T>
inline std::size_t count_below(const T* a, std::size_t n, T x, std::size_t stride = 1) noexcept {
  if (n == 0) return 0;
  std::size_t base = 0;
  while (n > 1) {
    const std::size_t half = n / 2;
    base = a[(base + half - 1) * stride] < x ? base + half : base;
    n -= half;
  }
  return base + (a[base * stride] < x ? 1 : 0);
}

}  // namespace gsd::simulate::detail
