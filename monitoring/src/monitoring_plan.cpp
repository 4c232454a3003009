#include "gsd/monitoring/monitoring_plan.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/check.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

using numerics::fail;


void MonitoringPlan::validate() const {
  if (!std::isfinite(planned_events) || !(planned_events > 0.0)) {
    fail("planned_events", planned_events, "must be positive");
  }
  // The survival plan's and the endpoints' range (numerics/check.hpp).
  numerics::check_allocation_ratio({"allocation_ratio"}, allocation_ratio);
  if (assumed_hazard_ratio &&
      (!std::isfinite(*assumed_hazard_ratio) || !(*assumed_hazard_ratio > 0.0))) {
    fail("assumed_hazard_ratio", *assumed_hazard_ratio, "must be positive and finite");
  }
  // The range of a look's hazard ratio: conditional power at a hazard ratio
  // beyond it is 0 or 1, and its header would not fit the table.
  if (assumed_hazard_ratio) {
    check_reportable_hazard_ratio("assumed_hazard_ratio", *assumed_hazard_ratio,
                                  "give the hazard ratio conditional power assumes");
  }
  if (!std::isfinite(null_hazard_ratio) || !(null_hazard_ratio > 0.0)) {
    fail("null_hazard_ratio", null_hazard_ratio, "must be positive and finite");
  }
  design.validate();
}

}  // namespace gsd::monitoring
