// Number formatting shared by the presentation layer's tables (private to
// render/): printf-style fields and probabilities that keep three
// significant digits when small. Every number the layer writes goes through
// here (format, print, csv_value, the TextStream's facet), where a zero
// loses its sign (gsd/numerics/unsigned_zero.hpp): "0.0000", never
// "-0.0000".
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <locale>
#include <sstream>
#include <string>
#include <type_traits>

#include "gsd/numerics/unsigned_zero.hpp"

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
  v = numerics::unsigned_zero(v);
  std::string exponent_spec;
  const std::size_t n = std::strlen(spec);
  if (n > 0 && spec[n - 1] == 'f' && std::isfinite(v) && std::fabs(v) >= kFixedPointLimit) {
    exponent_spec.assign(spec, n - 1);
    exponent_spec += 'e';
    spec = exponent_spec.c_str();
  }
  // One call for the usual short field; a second only for a longer one.
  char buf[64];
  const int length = std::snprintf(buf, sizeof buf, spec, v);
  if (length < 0) return "?";
  std::string out;
  if (static_cast<std::size_t>(length) < sizeof buf) {
    out.assign(buf, static_cast<std::size_t>(length));
  } else {
    out.assign(static_cast<std::size_t>(length) + 1, '\0');
    std::snprintf(out.data(), out.size(), spec, v);
    out.resize(static_cast<std::size_t>(length));
  }
  numerics::unsign_printed_zeros(out);  // -1e-9 at "%.4f": 0.0000
  return out;
}

// An efficacy (or harm) bound: a look that spends no alpha, or a test
// whose information there is nil, has none (an infinite z, which JSON
// writes as null). Text and HTML say "none", as gsd design's table always
// has, and CSV leaves the field empty; never "inf".
inline std::string bound(double z, const char* spec = "%.4f") {
  return std::isfinite(z) ? format(spec, z) : std::string("none");
}
inline std::string csv_bound(double z) { return std::isfinite(z) ? format("%.10g", z) : std::string(); }

// The nominal p at a bound z, formatted by the caller: "-" where the look has
// no bound (an infinite z, whose p of 0 would read as a result; CSV and JSON
// keep the 0).
inline std::string nominal_p_at(double z, const std::string& p) { return std::isfinite(z) ? p : std::string("-"); }

// A value to the decimal place of its error's leading digit, so that the
// digits shown are those the error leaves: 0.00152531 with an error of 3e-5
// prints as 0.00153. Between 1 and `most` decimals; an error of 0 (exact)
// takes `most`.
inline std::string to_error_digits(double value, double error, int most = 8) {
  int decimals = most;
  if (error > 0.0 && std::isfinite(error)) {
    const double wanted = std::ceil(-std::log10(error));
    decimals = wanted < 1.0 ? 1 : (wanted > most ? most : static_cast<int>(wanted));
  }
  const std::string spec = "%." + std::to_string(decimals) + "f";
  return format(spec.c_str(), value);
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
    const double x = numerics::unsigned_zero(static_cast<double>(v));
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

// A printf format checked against its arguments' types when the program is
// compiled, as -Wformat checks a literal format given to std::snprintf
// itself: print() hands the format on as a variable, which -Wformat cannot
// follow. Knows the conversions the layer uses: d i u x X c (with l, ll or
// z), f e g (F E G), s, and a width or precision of '*'.
template <class... Args>
class PrintFormat {
 public:
  consteval PrintFormat(const char* text) : text_(text) {  // NOLINT: implicit, from the literal
    // Not a constant expression, so a format that does not fit its
    // arguments fails to compile.
    if (!fits(text)) throw "the format's conversions do not match print()'s arguments";
  }
  const char* text() const noexcept { return text_; }

 private:
  enum class Kind { kInt, kLong, kLongLong, kSize, kDouble, kText, kOther };

  template <class T>
  static consteval Kind kind() {
    using U = std::remove_cv_t<T>;
    if constexpr (std::is_same_v<U, double> || std::is_same_v<U, float>) return Kind::kDouble;
    else if constexpr (std::is_same_v<U, std::size_t>) return Kind::kSize;
    else if constexpr (std::is_same_v<U, long long> || std::is_same_v<U, unsigned long long>) return Kind::kLongLong;
    else if constexpr (std::is_same_v<U, long> || std::is_same_v<U, unsigned long>) return Kind::kLong;
    else if constexpr (std::is_integral_v<U> && sizeof(U) <= sizeof(int)) return Kind::kInt;
    else if constexpr (std::is_same_v<U, const char*> || std::is_same_v<U, char*>) return Kind::kText;
    else return Kind::kOther;
  }

  static consteval bool fits(const char* s) {
    const std::array<Kind, sizeof...(Args)> args{kind<Args>()...};
    std::size_t next = 0;
    const auto take = [&](Kind k) { return next < args.size() && args[next++] == k; };
    const auto digits = [&] {
      while (*s >= '0' && *s <= '9') ++s;
    };
    for (; *s != '\0'; ++s) {
      if (*s != '%') continue;
      ++s;
      if (*s == '%') continue;
      while (*s == '-' || *s == '+' || *s == ' ' || *s == '#' || *s == '0') ++s;
      if (*s == '*') {
        if (!take(Kind::kInt)) return false;
        ++s;
      }
      digits();
      if (*s == '.') {
        ++s;
        if (*s == '*') {
          if (!take(Kind::kInt)) return false;
          ++s;
        }
        digits();
      }
      Kind integer = Kind::kInt;
      if (s[0] == 'l' && s[1] == 'l') {
        integer = Kind::kLongLong;
        s += 2;
      } else if (*s == 'l') {
        integer = Kind::kLong;
        ++s;
      } else if (*s == 'z') {
        integer = Kind::kSize;
        ++s;
      }
      switch (*s) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'c':
          if (!take(integer)) return false;
          break;
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
          if (integer != Kind::kInt || !take(Kind::kDouble)) return false;
          break;
        case 's':
          if (integer != Kind::kInt || !take(Kind::kText)) return false;
          break;
        default:
          return false;
      }
    }
    return next == args.size();
  }

  const char* text_;
};

// std::snprintf with every floating-point argument's zero unsigned, and
// every field that prints a negative number as zero unsigned too: the table
// lines of several columns. Returns the length written (at most size - 1).
template <class... Args>
int print(char* buffer, std::size_t size, std::type_identity_t<PrintFormat<Args...>> spec, Args... args) {
  const int length = std::snprintf(buffer, size, spec.text(), numerics::unsigned_zero_argument(args)...);
  if (length < 0 || size == 0) return length;
  const std::size_t written = std::min(static_cast<std::size_t>(length), size - 1);
  const std::size_t kept = numerics::unsign_printed_zeros(buffer, written);
  buffer[kept] = '\0';
  return static_cast<int>(kept);
}

// The numbers written to a stream (out << z) lose a zero's sign too, and in
// fixed notation so does a negative number that rounds to zero at the
// stream's precision (-1e-9 at four decimals).
class UnsignedZeroNumbers : public std::num_put<char> {
 protected:
  iter_type do_put(iter_type out, std::ios_base& stream, char_type fill, double v) const override {
    if ((stream.flags() & std::ios_base::floatfield) == std::ios_base::fixed && v < 0.0 &&
        -v < 0.5 * std::pow(10.0, -static_cast<double>(stream.precision()))) {
      v = 0.0;
    }
    return std::num_put<char>::do_put(out, stream, fill, numerics::unsigned_zero(v));
  }
  iter_type do_put(iter_type out, std::ios_base& stream, char_type fill, long double v) const override {
    return std::num_put<char>::do_put(out, stream, fill, numerics::unsigned_zero_argument(v));
  }
};

// The string stream the layer builds its text, CSV and HTML in.
class TextStream : public std::ostringstream {
 public:
  TextStream() { imbue(std::locale(getloc(), new UnsignedZeroNumbers)); }
};

}  // namespace gsd::render::detail
