#include "gsd/monitoring/look_statistic.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "gsd/numerics/check.hpp"
#include <string>

#include "gsd/numerics/normal.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only

using numerics::fail;

double log_rank_information(double events, double allocation_ratio) {
  if (!std::isfinite(events) || !(events > 0.0)) fail("events", events, "must be positive");
  if (!std::isfinite(allocation_ratio) || !(allocation_ratio > 0.0)) {
    fail("allocation_ratio", allocation_ratio, "must be positive");
  }
  const double r = allocation_ratio;
  return events * r / ((1.0 + r) * (1.0 + r));
}

double z_from_p_two_sided(double p_two_sided, Direction direction) {
  if (!std::isfinite(p_two_sided) || !(p_two_sided > 0.0) || p_two_sided > 1.0) {
    fail("p_two_sided", p_two_sided, "must lie in (0, 1]");
  }
  // p = 1 is |z| = 0: no quantile call at the end of the range.
  const double magnitude =
      p_two_sided < 1.0 ? normal_upper_quantile(p_two_sided / 2.0) : 0.0;
  return direction == Direction::kFavoursTreatment ? magnitude : -magnitude;
}

double z_from_hazard_ratio(double hazard_ratio, double events, double allocation_ratio) {
  if (!std::isfinite(hazard_ratio) || !(hazard_ratio > 0.0)) {
    fail("hazard_ratio", hazard_ratio, "must be positive and finite");
  }
  return -std::log(hazard_ratio) * std::sqrt(log_rank_information(events, allocation_ratio));
}

double hazard_ratio_from_z(double z, double information, double margin) {
  return margin * std::exp(-z / std::sqrt(information));
}

double z_against_margin(double z, double information, double margin) {
  return z + std::log(margin) * std::sqrt(information);
}

}  // namespace gsd::monitoring
