#pragma once
// exp(x) for the Gaussian kernel of the recursive integration, where
// x = -d^2 / 2 lies in [kKernelExpMin, 0]. A plain loop over it vectorises
// (no calls, no branches), which the general std::exp does not, and it needs
// neither Eigen's range checks nor its four-step ldexp for extreme exponents.
//
// Method (Cody & Waite 1980, "Software Manual for the Elementary Functions",
// ch. 6): x = n ln 2 + r with n = round(x / ln 2) and |r| <= ln 2 / 2, ln 2
// split in two so that n ln2_hi is exact; exp(r) by its Taylor polynomial of
// degree 13, whose truncation error is below |r|^14 / 14! e^|r| = 6e-18
// relative; 2^n put in the exponent field directly (n >= -1022: a normal
// number). The result is within a few units in the last place of std::exp
// (tests/numerics/kernel_exp_test.cpp).
#include <cstdint>

#include "gsd/numerics/double_bits.hpp"

namespace gsd::numerics {

// exp(-708) = 3.3e-308 is the smallest power of e above the normal range.
inline constexpr double kKernelExpMin = -708.0;

// Precondition: kKernelExpMin <= x <= 0 (unchecked: a clamp would be a branch
// that stops the loop from vectorising; callers bound x by construction).
inline double kernel_exp(double x) noexcept {
  constexpr double kLog2e = 1.4426950408889634074;
  // ln 2 = kLn2Hi + kLn2Lo; kLn2Hi has 32 significant bits, so n kLn2Hi is
  // exact for |n| < 2^21 (Cephes' constants, as in Eigen's pexp).
  constexpr double kLn2Hi = 0.693145751953125;
  constexpr double kLn2Lo = 1.42860682030941723212e-6;
  // Adding 1.5 * 2^52 rounds to an integer and leaves it in the low bits.
  constexpr double kShifter = 6755399441055744.0;
  const double shifted = x * kLog2e + kShifter;
  const double n = shifted - kShifter;
  const double r = (x - n * kLn2Hi) - n * kLn2Lo;
  // Horner's rule on 1 + r + r^2/2! + ... + r^13/13!.
  double p = 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // The low bits of `shifted` hold n (two's complement, modulo 2^51): n + 1023
  // shifted into the exponent field is 2^n.
  const std::uint64_t bits = (bits_of(shifted) + 1023u) << 52;
  return p * double_of(bits);
}

}  // namespace gsd::numerics
