// The size for a target power: bracket by a constant factor, then TOMS 748.
// See size_for_power.hpp.
#include "gsd/survival/size_for_power.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "check.hpp"
#include "gsd/numerics/find_root.hpp"

namespace gsd::survival {

void SizeSearch::validate() const {
  if (!(lower > 0.0 && std::isfinite(lower))) throw std::invalid_argument("SizeSearch: lower must be positive");
  if (!(upper > lower && std::isfinite(upper))) throw std::invalid_argument("SizeSearch: upper must exceed lower");
  if (!(step > 1.0 && std::isfinite(step))) throw std::invalid_argument("SizeSearch: step must exceed 1");
  if (!std::isfinite(start)) throw std::invalid_argument("SizeSearch: start must be finite");
  if (bits < 1 || bits > 52) throw std::invalid_argument("SizeSearch: bits must lie in [1, 52]");
}

SizeForPower size_for_power(const std::function<double(double)>& power, double target,
                            const SizeSearch& search) {
  search.validate();
  if (!(target > 0.0 && target < 1.0)) throw std::invalid_argument("size_for_power: target must lie in (0, 1)");
  SizeForPower out;
  double best = -1.0;
  const auto gap = [&](double size) {
    const double p = power(size);
    ++out.evaluations;
    if (!std::isfinite(p)) {
      throw detail::NumericalError("power of a size is not finite", size, p, out.evaluations);
    }
    if (p > best) {
      best = p;
      out.size = size;
      out.power = p;
    }
    return p - target;
  };
  double a = std::clamp(search.start, search.lower, search.upper);
  double fa = gap(a);
  double b = a;
  double fb = fa;
  if (fa < 0.0) {
    while (fb < 0.0) {
      if (!(b < search.upper)) return out;  // not reached: the best power seen
      a = b;
      fa = fb;
      b = std::min(b * search.step, search.upper);
      fb = gap(b);
    }
  } else {
    while (fa >= 0.0) {
      if (!(a > search.lower)) {
        out.reached = true;
        out.size = a;
        out.power = fa + target;
        return out;
      }
      b = a;
      fb = fa;
      a = std::max(a / search.step, search.lower);
      fa = gap(a);
    }
  }
  out.slope = (fb - fa) / (b - a);
  out.size = numerics::find_root(gap, a, b, fa, fb, search.bits, "size for the target power");
  out.power = power(out.size);
  ++out.evaluations;
  out.reached = true;
  return out;
}

}  // namespace gsd::survival
