#pragma once
// Argument checks shared by every gsd value type (Stan's check_positive
// style): each throws InvalidInput naming the field, the value and the rule.
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::numerics {

// A number as a user would write it: 6 significant digits ("0.025", "1e-12").
inline std::string format_value(double value) {
  std::ostringstream out;
  out.precision(6);
  out << value;
  return out.str();
}

[[noreturn]] inline void fail(const FieldPath& path, double value, const std::string& rule) {
  throw InvalidInput(path, format_value(value), rule);
}

[[noreturn]] inline void fail(const FieldPath& path, const std::string& rule) {
  throw InvalidInput(path, rule);
}

// "a has n entries but b has m" (on path a).
[[noreturn]] inline void fail_sizes(const FieldPath& a, std::size_t n, const std::string& b,
                                    std::size_t m) {
  std::ostringstream out;
  out << "has " << n << " entries but " << b << " has " << m;
  throw InvalidInput(a, out.str());
}

inline void check_positive(const FieldPath& path, double value) {
  if (!std::isfinite(value) || value <= 0.0) fail(path, value, "must be positive and finite");
}

inline void check_non_negative(const FieldPath& path, double value) {
  if (!std::isfinite(value) || value < 0.0) fail(path, value, "must be non-negative and finite");
}

}  // namespace gsd::numerics
