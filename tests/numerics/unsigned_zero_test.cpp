// A zero printed without its sign: numerics::unsigned_zero for a zero
// itself, and unsign_printed_zeros for a negative number that printf rounds
// to zero at its precision ("-0.0000" for -1e-9 at four decimals), which
// every writer of numbers for people applies to printf's output.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "gsd/numerics/unsigned_zero.hpp"

namespace gsd::numerics::unsigned_zero_test {
namespace {

std::string printed(const char* format, double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, x);
  std::string out = buffer;
  unsign_printed_zeros(out);
  return out;
}

TEST(UnsignedZero, AZeroLosesItsSign) {
  EXPECT_FALSE(std::signbit(unsigned_zero(-0.0)));
  EXPECT_EQ(unsigned_zero(-1e-300), -1e-300);
  EXPECT_EQ(printed("%.4f", unsigned_zero(-0.0)), "0.0000");
}

TEST(UnsignedZero, ANegativeNumberPrintedAsZeroLosesItsSign) {
  EXPECT_EQ(printed("%.4f", -1e-9), "0.0000");
  EXPECT_EQ(printed("%.0f", -0.3), "0");
  EXPECT_EQ(printed("%.2f", -0.004), "0.00");
  // A field padded to its width keeps it: the sign becomes a space.
  EXPECT_EQ(printed("%8.4f", -1e-9), "  0.0000");
  EXPECT_EQ(printed("%-8.4f|", -1e-9), "0.0000 |");
  // Each field of a line on its own; a field that fills its width has no
  // space before its sign (here at the start of the line) and loses it.
  char line[64];
  std::snprintf(line, sizeof line, "%7.4f %8.4f %7.4f (%.3f) z=%.1f", -1e-9, -1e-9, -0.25, -1e-12, -0.01);
  std::string text = line;
  unsign_printed_zeros(text);
  EXPECT_EQ(text, "0.0000   0.0000 -0.2500 (0.000) z=0.0");
  // A sentence's full stop ends the number.
  std::string sentence = "z = -0.0000. Next, z = -0.00.";
  unsign_printed_zeros(sentence);
  EXPECT_EQ(sentence, "z =  0.0000. Next, z =  0.00.");
}

TEST(UnsignedZero, WhatIsNotANegativeZeroKeepsItsSign) {
  EXPECT_EQ(printed("%.4f", -1e-4), "-0.0001");
  EXPECT_EQ(printed("%.4f", -2.0), "-2.0000");
  EXPECT_EQ(printed("%.3e", -1e-9), "-1.000e-09");
  EXPECT_EQ(printed("%g", -1e-9), "-1e-09");
  EXPECT_EQ(printed("%.4f", -10.00001), "-10.0000");
  // Exponents, placeholders, ranges and words are not numbers' signs.
  std::string text = "1e-05 - 2026-01-05 x-0 -0.0001 - /tmp/-0.json -0_a -00x";
  unsign_printed_zeros(text);
  EXPECT_EQ(text, "1e-05 - 2026-01-05 x-0 -0.0001 - /tmp/-0.json -0_a -00x");
}

}  // namespace
}  // namespace gsd::numerics::unsigned_zero_test
