#include "observed_bounds.hpp"

#include "gsd/monitoring/look_schedule.hpp"

namespace gsd::simulate::detail {

const ObservedLookBounds& ObservedBoundsCache::at(const monitoring::MonitoringPlan& plan,
                                                  const std::vector<int>& events, bool final_analysis) {
  auto key = std::make_pair(events, final_analysis);
  if (const auto found = cache_.find(key); found != cache_.end()) return found->second;
  scratch_.assign(events.begin(), events.end());
  const monitoring::LookSchedule s = monitoring::schedule_at_look(plan, scratch_, final_analysis);
  const std::size_t k = s.current;
  ObservedLookBounds b{s.efficacy[k], s.futility[k], s.harm[k]};
  return cache_.emplace(std::move(key), b).first->second;
}

}  // namespace gsd::simulate::detail
