#pragma once
// Argument checks shared by gsd::engine's value types (survival models,
// monitoring plans): each throws std::invalid_argument "<name> = <value>
// <rule>", the form the CLI prefixes with the JSON path of the section.
#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>

namespace gsd::engine_detail {

inline std::string format_value(double value) {
  std::ostringstream out;
  out.precision(6);
  out << value;
  return out.str();
}

[[noreturn]] inline void fail(const std::string& name, double value, const std::string& rule) {
  std::ostringstream out;
  out << name << " = " << format_value(value) << ' ' << rule;
  throw std::invalid_argument(out.str());
}

// "name[i]" (built with a stream: GCC 12 -Wrestrict misfires on operator+ chains).
inline std::string indexed(const char* name, std::size_t i) {
  std::ostringstream out;
  out << name << '[' << i << ']';
  return out.str();
}

// "a has n entries but b has m".
[[noreturn]] inline void fail_sizes(const char* a, std::size_t n, const char* b, std::size_t m) {
  std::ostringstream out;
  out << a << " has " << n << " entries but " << b << " has " << m;
  throw std::invalid_argument(out.str());
}

inline void check_positive(const std::string& name, double value) {
  if (!std::isfinite(value) || value <= 0.0) fail(name, value, "must be positive and finite");
}

inline void check_non_negative(const std::string& name, double value) {
  if (!std::isfinite(value) || value < 0.0) fail(name, value, "must be non-negative and finite");
}

}  // namespace gsd::engine_detail
