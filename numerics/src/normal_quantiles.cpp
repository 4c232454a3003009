// The standard normal quantile many at a time (normal.hpp): Wichura's
// Algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477-484.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/vector_log.hpp"

namespace gsd::numerics {
namespace {

// Wichura's three ranges: |p - 1/2| <= 0.425, where z is q R1(0.180625 - q^2)
// with q = p - 1/2; else r = sqrt(-log(min(p, 1 - p))), and z is R2(r - 1.6)
// for r <= 5 and R3(r - 5) beyond, each R a ratio of two polynomials of
// degree 7. The coefficients are the paper's (its A, B; C, D; E, F), lowest
// degree first.
constexpr double kCentralSplit = 0.425;
constexpr double kCentralShift = 0.180625;  // 0.425^2
constexpr double kTailShift = 1.6;
constexpr double kFarSplit = 5.0;
using Poly = std::array<double, 8>;
constexpr Poly kA = {3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
                     1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                     3.3430575583588128105e+4, 2.5090809287301226727e+3};
constexpr Poly kB = {1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
                     2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
                     5.2264952788528545610e+3};
constexpr Poly kC = {1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
                     3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
                     2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr Poly kD = {1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
                     1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
                     1.05075007164441684324e-9};
constexpr Poly kE = {6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
                     2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                     2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr Poly kF = {1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
                     7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
                     2.04426310338993978564e-15};

// The clamp of p: 1e-300 keeps the logarithm finite (z about -37); 1 - 2^-53
// is the largest double below 1.
constexpr double kSmallestP = 1e-300;
constexpr double kLargestP = 1.0 - 0x1p-53;

inline double horner(const Poly& c, double x) noexcept {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

// Elements per pass: the logarithms go through negative_logs a block at a time.
constexpr std::size_t kBlock = 64;

}  // namespace

void normal_lower_quantiles(const double* p, double* out, std::size_t n) noexcept {
  std::array<double, kBlock> tail{};
  std::array<double, kBlock> clamped{};
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t m = std::min(kBlock, n - start);
    for (std::size_t i = 0; i < m; ++i) {
      const double given = p[start + i];
      const double x = given > kSmallestP ? (given < kLargestP ? given : kLargestP) : kSmallestP;
      clamped[i] = x;
      tail[i] = x < 0.5 ? x : 1.0 - x;  // min(p, 1 - p), the paper's r before its logarithm
    }
    negative_logs(tail.data(), tail.data(), m);
    for (std::size_t i = 0; i < m; ++i) {
      const double q = clamped[i] - 0.5;
      const double rc = kCentralShift - q * q;
      const double central = q * horner(kA, rc) / horner(kB, rc);
      const double r = std::sqrt(tail[i]);
      const double near = horner(kC, r - kTailShift) / horner(kD, r - kTailShift);
      const double far = horner(kE, r - kFarSplit) / horner(kF, r - kFarSplit);
      const double magnitude = r <= kFarSplit ? near : far;
      const double outer = q < 0.0 ? -magnitude : magnitude;
      out[start + i] = std::fabs(q) <= kCentralSplit ? central : outer;
    }
  }
}

}  // namespace gsd::numerics
