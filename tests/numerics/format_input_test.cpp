// format_input: the value an error names reads back as the number given.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <utility>

#include "gsd/numerics/check.hpp"

namespace format_input_test {

using gsd::numerics::format_apart;
using gsd::numerics::format_input;
using gsd::numerics::format_value;

TEST(FormatInput, KeepsSixDigitsWhenTheyAreExact) {
  EXPECT_EQ(format_input(0.025), "0.025");
  EXPECT_EQ(format_input(0.5), "0.5");
  EXPECT_EQ(format_input(200000.0), "200000");
  EXPECT_EQ(format_input(1e-12), "1e-12");
  EXPECT_EQ(format_input(-3.0), "-3");
  EXPECT_EQ(format_input(1e6), "1e+06");
}

TEST(FormatInput, AddsTheDigitsThatTellAValueFromItsRounding) {
  // Six digits would show these as 0.5, 1.23457e+06 and 1.84467e+19.
  EXPECT_EQ(format_value(0.50000001), "0.5");
  EXPECT_EQ(format_input(0.50000001), "0.50000001");
  EXPECT_EQ(format_input(1234567.0), "1234567");
  EXPECT_EQ(format_input(18446744073709551616.0), "1.8446744073709552e+19");
  EXPECT_EQ(format_input(0.1 + 0.2), "0.30000000000000004");
}

TEST(FormatInput, NonFiniteValuesAsTheyPrint) {
  EXPECT_EQ(format_input(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(format_input(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(format_input(std::numeric_limits<double>::quiet_NaN()), "nan");
}

// Any finite double reads back bit for bit: random bit patterns cover every
// exponent, subnormals and both signs.
TEST(FormatInput, EveryFiniteDoubleReadsBackExactly) {
  std::mt19937_64 bits(20261203);
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t word = bits();
    double x;
    std::memcpy(&x, &word, sizeof x);
    if (!std::isfinite(x)) continue;
    const std::string text = format_input(x);
    const double back = std::strtod(text.c_str(), nullptr);
    ASSERT_EQ(std::memcmp(&back, &x, sizeof x), 0) << text;
    ++checked;
  }
  EXPECT_GT(checked, 19000);
  const double smallest = std::numeric_limits<double>::denorm_min();
  EXPECT_DOUBLE_EQ(std::strtod(format_input(smallest).c_str(), nullptr), smallest);
}

TEST(FormatApart, TakesTheDigitsThatShowTwoNumbersApart) {
  EXPECT_EQ(format_apart(39.180539349, 39.180539324), std::make_pair(std::string("39.18053935"), std::string("39.18053932")));
  EXPECT_EQ(format_apart(47.0, 71.0), std::make_pair(std::string("47"), std::string("71")));
  EXPECT_EQ(format_apart(0.5, 0.5), std::make_pair(std::string("0.5"), std::string("0.5")));
}

}  // namespace format_input_test
