// Number formatting shared by the presentation layer's tables (private to
// render/): printf-style fields and probabilities that keep three
// significant digits when small.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>

namespace gsd::render::detail {

inline std::string format(const char* spec, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, v);
  return buf;
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
