#pragma once
// Private: the bounds of a look whose calendar time set it, recomputed at the
// events the replicate observed there, as a monitoring committee recomputes
// them (monitoring/look_schedule.hpp: spending at d / D, the correlation of
// the looks' actual events, a final analysis spending all the alpha left),
// through monitoring::bounds_at_look. Each thread keeps its own cache, filled
// on first use: a bound is a pure function of the looks' events, so the
// results do not depend on which thread (or MPI rank) met a history first.
#include <map>
#include <utility>
#include <vector>

#include "gsd/monitoring/look_schedule.hpp"
#include "gsd/monitoring/monitoring_plan.hpp"

namespace gsd::simulate::detail {

class ObservedBoundsCache {
 public:
  // The bounds at the last of `events` (every analysis so far, increasing);
  // `final_analysis` marks it as the trial's last (the planned final, or the
  // calendar cap's). May throw what monitoring::bounds_at_look throws.
  const monitoring::LookBounds& at(const monitoring::MonitoringPlan& plan, const std::vector<int>& events,
                                   bool final_analysis);

 private:
  std::map<std::pair<std::vector<int>, bool>, monitoring::LookBounds> cache_;
  std::vector<double> scratch_;
};

}  // namespace gsd::simulate::detail
