#pragma once
// The bits of a double and back, as std::bit_cast would give them (which
// Emscripten's C++ library lacks); a fixed 8-byte copy compiles to a move.
// For the kernel's exp (kernel_exp.hpp) and the simulator's next double
// above a horizon.
#include <cstdint>
#include <cstring>

namespace gsd::numerics {

inline std::uint64_t bits_of(double x) noexcept {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

inline double double_of(std::uint64_t u) noexcept {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

}  // namespace gsd::numerics
