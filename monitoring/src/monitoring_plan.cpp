#include "gsd/monitoring/monitoring_plan.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "gsd/numerics/check.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

using numerics::fail;

namespace {

// The largest term p or q of an allocation ratio p:q: the limit of the
// survival plan's whole patients (survival.integer) and of the simulator's
// permuted blocks. Beyond it one arm's share of the information
// r / (1 + r)^2 falls so low that a ratio of 1e300 left no continuation
// region at the first look and 1e-300 estimated a hazard ratio of 0.
constexpr double kMaxAllocationTerm = 20.0;

}  // namespace

void MonitoringPlan::validate() const {
  if (!std::isfinite(planned_events) || !(planned_events > 0.0)) {
    fail("planned_events", planned_events, "must be positive");
  }
  if (!std::isfinite(allocation_ratio) || !(allocation_ratio > 0.0)) {
    fail("allocation_ratio", allocation_ratio, "must be positive");
  }
  if (allocation_ratio < 1.0 / kMaxAllocationTerm || allocation_ratio > kMaxAllocationTerm) {
    fail("allocation_ratio", allocation_ratio,
         "must lie in [0.05, 20] (p:q with p, q <= 20, as survival.integer and permuted blocks allow); "
         "give the experimental : control ratio of the trial");
  }
  if (assumed_hazard_ratio &&
      (!std::isfinite(*assumed_hazard_ratio) || !(*assumed_hazard_ratio > 0.0))) {
    fail("assumed_hazard_ratio", *assumed_hazard_ratio, "must be positive and finite");
  }
  if (!std::isfinite(null_hazard_ratio) || !(null_hazard_ratio > 0.0)) {
    fail("null_hazard_ratio", null_hazard_ratio, "must be positive and finite");
  }
  design.validate();
}

}  // namespace gsd::monitoring
