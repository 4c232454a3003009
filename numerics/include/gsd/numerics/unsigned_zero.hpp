#pragma once
// A zero without its sign. IEEE arithmetic keeps the sign of a zero that a
// formula negates or scales (the z of a hazard ratio of 1 is -log(1)
// sqrt(d) / 2 = -0.0), and printf and the JSON writer print it: "-0.0000",
// "-0", "-0.0", a zero that reads as a negative estimate. Every writer of
// numbers for people and scripts passes them through this: the render
// layer's formatting, the engine's JSON documents and its words, the config
// reader (an input of -0.0 is echoed as 0).
#include <cmath>
#include <type_traits>

namespace gsd::numerics {

inline double unsigned_zero(double x) noexcept { return std::fpclassify(x) == FP_ZERO ? 0.0 : x; }

// The same for any argument of a printf-style call: floating point ones lose
// a zero's sign, the others pass as they are.
template <class T>
T unsigned_zero_argument(T value) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    return std::fpclassify(value) == FP_ZERO ? T(0) : value;
  } else {
    return value;
  }
}

}  // namespace gsd::numerics
