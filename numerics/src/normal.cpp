#include "gsd/numerics/normal.hpp"

#include <boost/math/distributions/normal.hpp>
#include <stdexcept>
#include <string>

namespace gsd::numerics {

double normal_upper_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) {
    throw std::domain_error("normal_upper_quantile: p = " + std::to_string(p) +
                            " must lie in (0, 1)");
  }
  const boost::math::normal_distribution<double> standard;
  return boost::math::quantile(boost::math::complement(standard, p));
}

}  // namespace gsd::numerics
