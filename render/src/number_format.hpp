// Number formatting shared by the presentation layer's tables (private to
// render/): printf-style fields and probabilities that keep three
// significant digits when small.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <string>
#include <type_traits>

namespace gsd::render::detail {

// Beyond this magnitude a fixed-point spec ("%.4f") prints every integer
// digit of the double (1e100 in 101 digits, most of them noise of its
// binary value), so such values print in exponent form with the spec's
// precision ("1.0000e+70"). 1e15 is the power of ten below 2^53 (about
// 9e15), past which a double no longer holds every integer exactly.
inline constexpr double kFixedPointLimit = 1e15;

// printf of one double; never cut short (a fixed buffer once cut 1e70 to
// its first 63 digits, printed as if it were the number).
inline std::string format(const char* spec, double v) {
  std::string exponent_spec;
  const std::size_t n = std::strlen(spec);
  if (n > 0 && spec[n - 1] == 'f' && std::isfinite(v) && std::fabs(v) >= kFixedPointLimit) {
    exponent_spec.assign(spec, n - 1);
    exponent_spec += 'e';
    spec = exponent_spec.c_str();
  }
  char buf[64];
  const int length = std::snprintf(buf, sizeof buf, spec, v);
  if (length < 0) return "?";
  if (static_cast<std::size_t>(length) < sizeof buf) return buf;
  std::string out(static_cast<std::size_t>(length) + 1, '\0');
  std::snprintf(out.data(), out.size(), spec, v);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// Small probabilities keep three significant digits instead of rounding to 0.
inline std::string probability(double p) {
  return p < 1e-4 && p > 0.0 ? format("%.3e", p) : format("%.6f", p);
}

// A hazard ratio: four decimals in [0.001, 10000), where every trial's
// estimates lie; four significant digits beyond, so that the extremes a
// monitor accepts ([1e-6, 1e6]) neither print as 0.0000 nor overflow a column.
inline std::string hazard_ratio(double hr) {
  return hr >= 1e-3 && hr < 1e4 ? format("%.4f", hr) : format("%.4g", hr);
}

// A CSV value: the shortest text of at least 15 significant digits that
// reads back as the same double, as the JSON output writes it (0.79665, where 17 digits printed
// 0.79664999999999997); whole numbers (replicates, a 64-bit seed) as they are.
template <class T>
std::string csv_value(T v) {
  if constexpr (std::is_integral_v<T>) {
    return std::to_string(v);
  } else {
    // The fewest of 15 to 17 significant digits that give the double back
    // (printf and strtod rather than std::to_chars, which not every C++
    // library the page is built with has for doubles).
    const double x = static_cast<double>(v);
    char buf[40];
    for (int digits = 15; digits < 17; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, x);
      const double back = std::strtod(buf, nullptr);
      if (!(back < x) && !(back > x)) return buf;
    }
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
  }
}

}  // namespace gsd::render::detail
