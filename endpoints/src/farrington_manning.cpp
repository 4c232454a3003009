#include "gsd/endpoints/farrington_manning.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gsd::endpoints {

RestrictedRates restricted_rates_difference(double p1, double p2, double d, double r) {
  if (std::fpclassify(d) == FP_ZERO) {
    const double pooled = (r * p1 + p2) / (1.0 + r);
    return {pooled, pooled};
  }
  // Farrington & Manning (1990), eq. (A1)-(A3): the cubic a x^3 + b x^2 +
  // c x + e = 0 in the treatment rate x, solved by the trigonometric form.
  const double a = 1.0 + 1.0 / r;
  const double b = -(1.0 + 1.0 / r + p1 + p2 / r + d * (1.0 / r + 2.0));
  const double c = d * d + d * (2.0 * p1 + 1.0 / r + 1.0) + p1 + p2 / r;
  const double e = -d * (1.0 + d) * p1;
  const double v = b * b * b / std::pow(3.0 * a, 3) - b * c / (6.0 * a * a) + e / (2.0 * a);
  const double s = std::sqrt(std::fmax(0.0, b * b / std::pow(3.0 * a, 2) - c / (3.0 * a)));
  double u = s;
  double w = std::numbers::pi / 2.0;
  if (std::fpclassify(v) != FP_ZERO) {
    u = std::copysign(s, v);
    w = (std::numbers::pi + std::acos(std::clamp(v / (u * u * u), -1.0, 1.0))) / 3.0;
  }
  const double x = std::clamp(2.0 * u * std::cos(w) - b / (3.0 * a), 0.0, 1.0);
  return {x, std::clamp(x - d, 0.0, 1.0)};
}

RestrictedRates restricted_rates_ratio(double p1, double p2, double R, double r) {
  if (std::fabs(R - 1.0) <= 0.0) {
    const double pooled = (r * p1 + p2) / (1.0 + r);
    return {pooled, pooled};
  }
  // Farrington & Manning (1990), section 2.2: the smaller root of a quadratic.
  const double a = 1.0 + 1.0 / r;
  const double b = -((1.0 + p2 / r) * R + 1.0 / r + p1);
  const double c = (p1 + p2 / r) * R;
  const double x = (-b - std::sqrt(std::fmax(0.0, b * b - 4.0 * a * c))) / (2.0 * a);
  return {x, x / R};
}

}  // namespace gsd::endpoints
