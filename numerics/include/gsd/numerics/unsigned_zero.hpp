#pragma once
// A zero without its sign. IEEE arithmetic keeps the sign of a zero that a
// formula negates or scales (the z of a hazard ratio of 1 is -log(1)
// sqrt(d) / 2 = -0.0), and printf and the JSON writer print it: "-0.0000",
// "-0", "-0.0", a zero that reads as a negative estimate. Every writer of
// numbers for people and scripts passes them through this: the render
// layer's formatting, the engine's JSON documents and its words, the config
// reader (an input of -0.0 is echoed as 0).
#include <cmath>
#include <cstddef>
#include <string>
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

// A negative number that printf rounds to zero at its precision keeps its
// sign: -1e-9 at "%.4f" prints as "-0.0000", which reads as a negative
// estimate as much as -0.0 does. This takes the sign off each such field of
// printf's output: a '-' that no letter, digit, point or underscore
// precedes, followed by zeros with at most one point and then by none of
// those (not another digit or an exponent, nor a word: "-0.json" is a name),
// a sentence's full stop aside. Where a space precedes it (a field padded to
// its width) the sign becomes a space, so that a column keeps its width;
// otherwise it goes.
// Rewrites text[0, size) in place and returns its new length.
inline std::size_t unsign_printed_zeros(char* text, std::size_t size) noexcept {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto word = [&](char c) {
    return digit(c) || c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t out = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (text[i] == '-' && (i == 0 || !word(text[i - 1]))) {
      std::size_t j = i + 1;
      bool zeros = false;
      bool point = false;
      for (; j < size && (text[j] == '0' || (text[j] == '.' && !point)); ++j) {
        zeros = zeros || text[j] == '0';
        point = point || text[j] == '.';
      }
      const bool full_stop = j < size && text[j] == '.' && (j + 1 == size || !word(text[j + 1]));
      const bool ends = j == size || !word(text[j]) || full_stop;
      if (zeros && ends) {
        if (out > 0 && text[out - 1] == ' ') text[out++] = ' ';
        continue;
      }
    }
    text[out++] = text[i];
  }
  return out;
}

inline void unsign_printed_zeros(std::string& text) { text.resize(unsign_printed_zeros(text.data(), text.size())); }

}  // namespace gsd::numerics
