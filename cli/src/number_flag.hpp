#pragma once
// Private to the command line: number flags (--z, --events, --max-duration,
// ...) read from the text as typed. A value is a plain decimal number, as a
// config's JSON writes one: an optional sign, digits, an optional fraction
// and an optional exponent. CLI11 and strtod read more: `0x10` as 16, `inf`,
// `nan`, and 1e400 as infinity, so that `--events 0x100 --z 0x10` was
// recorded as a look at 256 events with z = 16; such values are refused here,
// naming the flag and what was typed.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include "commands.hpp"

namespace gsd::cli {

// Whether `text` is a plain decimal number: [+-] digits [. [digits]] [(e|E)
// [+-] digits], or [+-] . digits [...]: digits on at least one side of the
// point, as R and Python read numbers (`.5`, `5.`). Unlike JSON, a leading +,
// leading zeros and a bare point beside digits are allowed, as the
// whole-number flags allow a + and zeros (whole_flag.hpp).
inline bool plain_decimal(const std::string& text) {
  std::size_t at = 0;
  const auto digits = [&] {
    const std::size_t start = at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    return at > start;
  };
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
  const bool whole = digits();
  bool fraction = false;
  if (at < text.size() && text[at] == '.') {
    ++at;
    fraction = digits();
  }
  if (!whole && !fraction) return false;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (!digits()) return false;
  }
  return at == text.size();
}

// The value of a number flag, or exit 2 naming the flag and the text. A
// number too small for a double reads as 0 (or a subnormal), as in a config.
inline double number_flag(const std::string& flag, const std::string& text) {
  const std::string give = "; give a number, e.g. 1.5 or 2e-3";
  if (!plain_decimal(text)) usage_error(flag + " = " + text + " is not a number" + give);
  // The syntax is checked, so strtod reads all of it; the program keeps the
  // "C" locale, whose decimal point is the '.' checked above.
  const double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value)) usage_error(flag + " = " + text + " is too large for a double" + give);
  return value;
}

}  // namespace gsd::cli
