#pragma once
// Argument checks shared by every gsd value type (Stan's check_positive
// style): each throws InvalidInput naming the field, the value and the rule.
#include <cmath>
#include <cstddef>
#include <locale>
#include <sstream>
#include <string>
#include <utility>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::numerics {

// A number with `digits` significant digits, as printf's %g writes it, in
// the classic locale whatever the program's.
inline std::string format_digits(double value, int digits) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(digits);
  out << value;
  return out.str();
}

// A number for people: 6 significant digits ("0.025", "1e-12"), as for the
// computed numbers an error quotes.
inline std::string format_value(double value) { return format_digits(value, 6); }

// A number the user gave, for the value an error names: format_value's 6
// significant digits when they read back as the same double, otherwise as
// many more as it takes. 17 always do (IEEE 754-2008, section 5.12.2), so an
// alpha of 0.50000001 shows as typed, not as a "0.5" that seems to keep the
// rule "< 0.5".
inline std::string format_input(double value) {
  for (int digits = 6;; ++digits) {
    const std::string text = format_digits(value, digits);
    if (!std::isfinite(value) || digits == 17) return text;
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    double back = 0.0;
    if (in >> back && !(back < value) && !(back > value)) return text;
  }
}

// Two computed numbers a rule compares, with the fewest digits (6 or more)
// that show them apart when they differ: 39.18053935 against 39.18053932,
// where six digits would print 39.1805 twice.
inline std::pair<std::string, std::string> format_apart(double a, double b) {
  for (int digits = 6;; ++digits) {
    std::pair<std::string, std::string> texts{format_digits(a, digits), format_digits(b, digits)};
    if (texts.first != texts.second || digits == 17) return texts;
  }
}

[[noreturn]] inline void fail(const FieldPath& path, double value, const std::string& rule) {
  throw InvalidInput(path, format_input(value), rule);
}

[[noreturn]] inline void fail(const FieldPath& path, const std::string& rule) {
  throw InvalidInput(path, rule);
}

// "a has n entries but b has m; give one for each" (on path a).
[[noreturn]] inline void fail_sizes(const FieldPath& a, std::size_t n, const std::string& b,
                                    std::size_t m) {
  std::ostringstream out;
  out << "has " << n << (n == 1 ? " entry" : " entries") << " but " << b << " has " << m << "; give one for each";
  throw InvalidInput(a, out.str());
}

// The largest |z| an observed statistic may have. Beyond about 37.5 a normal
// tail is below the smallest double, so every bound and p-value is already
// at its limit; near 1e18 a monitored look's confidence limits lose their
// root bracket.
inline constexpr double kMaxAbsZ = 1e6;

// An observed z: finite, within [-kMaxAbsZ, kMaxAbsZ].
inline void check_z(const FieldPath& path, double z) {
  if (!(std::fabs(z) <= kMaxAbsZ)) fail(path, z, std::isfinite(z) ? "must lie in [-1e6, 1e6]" : "must be finite");
}

// An allocation ratio (treatment : control) within a thousand to one either
// way: beyond any trial. Past it an arm of a few hundred patients holds a
// fraction of one, and the plans' normal approximations, built on events in
// both arms, return numbers without meaning (an event-driven power below
// alpha).
inline constexpr double kMaxAllocationRatio = 1e3;

inline void check_allocation_ratio(const FieldPath& path, double ratio) {
  if (!(ratio >= 1.0 / kMaxAllocationRatio && ratio <= kMaxAllocationRatio)) {
    fail(path, ratio, "must lie in [0.001, 1000] (treatment : control)");
  }
}

inline void check_positive(const FieldPath& path, double value) {
  if (!std::isfinite(value) || value <= 0.0) fail(path, value, "must be positive and finite");
}

inline void check_non_negative(const FieldPath& path, double value) {
  if (!std::isfinite(value) || value < 0.0) fail(path, value, "must be non-negative and finite");
}

}  // namespace gsd::numerics
