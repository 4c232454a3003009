#include "gsd/engine/monitoring/monitoring_plan.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "../argument_check.hpp"

namespace gsd::monitoring {

using engine_detail::fail;

void MonitoringPlan::validate() const {
  if (!std::isfinite(planned_events) || !(planned_events > 0.0)) {
    fail("planned_events", planned_events, "must be positive");
  }
  if (!std::isfinite(allocation_ratio) || !(allocation_ratio > 0.0)) {
    fail("allocation_ratio", allocation_ratio, "must be positive");
  }
  if (assumed_hazard_ratio &&
      (!std::isfinite(*assumed_hazard_ratio) || !(*assumed_hazard_ratio > 0.0))) {
    fail("assumed_hazard_ratio", *assumed_hazard_ratio, "must be positive and finite");
  }
  if (!(root_tolerance_bits >= 10.0 && root_tolerance_bits <= 52.0)) {
    fail("root_tolerance_bits", root_tolerance_bits, "must lie in [10, 52]");
  }
  design.validate();
}

}  // namespace gsd::monitoring
