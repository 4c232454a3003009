#include "observed_bounds.hpp"

namespace gsd::simulate::detail {

const monitoring::LookBounds& ObservedBoundsCache::at(const monitoring::MonitoringPlan& plan,
                                                     const std::vector<int>& events, bool final_analysis) {
  auto key = std::make_pair(events, final_analysis);
  if (const auto found = cache_.find(key); found != cache_.end()) return found->second;
  scratch_.assign(events.begin(), events.end());
  return cache_.emplace(std::move(key), monitoring::bounds_at_look(plan, scratch_, final_analysis))
      .first->second;
}

}  // namespace gsd::simulate::detail
