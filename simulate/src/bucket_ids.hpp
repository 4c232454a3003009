#pragma once
// Private: the bucket of each item for the simulator's bucket sorts (the
// y-sorted outcomes and the event-time index, trial_kernel.cpp), in a loop
// the compiler vectorises.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace gsd::simulate::detail {

// ids[i] = finish(i, b) with b = min(trunc(position(i)), buckets - 1), for
// i < n, with buckets >= 1 and position(i) in [0, buckets]. While buckets
// fits an int32 (any trial below two billion items) the truncation goes
// through int32, which vectorises four or eight lanes at a time, and gives
// what the one through int64 gives; beyond that it goes through int64.
template <class Position, class Finish>
inline void bucket_ids(std::size_t n, std::size_t buckets, std::uint32_t* ids, Position position,
                       Finish finish) noexcept {
  auto fill = [&](auto last_bucket) {
    using Int = decltype(last_bucket);
    for (std::size_t i = 0; i < n; ++i) {
      const auto b = static_cast<std::uint32_t>(
          std::min(static_cast<Int>(position(i)), last_bucket));
      ids[i] = finish(i, b);
    }
  };
  if (buckets <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    fill(static_cast<std::int32_t>(buckets - 1));
  } else {
    fill(static_cast<std::int64_t>(buckets - 1));
  }
}

}  // namespace gsd::simulate::detail
