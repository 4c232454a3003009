#pragma once
// Private: tables for left-packing the lanes of a vector (the censoring
// times, risk_set_merge.hpp; the noncured positions, flag_scans.hpp).
#include <array>
#include <cstddef>

namespace gsd::simulate::detail {

// For each mask of Lanes bits, the lanes of its set bits moved to the front,
// in order, as values of type T (unused lanes 0).
template <std::size_t Lanes, class T>
constexpr std::array<std::array<T, Lanes>, std::size_t{1} << Lanes> packed_lanes() {
  std::array<std::array<T, Lanes>, std::size_t{1} << Lanes> table{};
  for (std::size_t mask = 0; mask < table.size(); ++mask) {
    std::size_t to = 0;
    for (std::size_t lane = 0; lane < Lanes; ++lane) {
      if ((mask >> lane) & 1u) table[mask][to++] = static_cast<T>(lane);
    }
  }
  return table;
}

}  // namespace gsd::simulate::detail
