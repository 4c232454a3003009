// The looks of a survival test by events. See test_looks.hpp.
#include "test_looks.hpp"

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"

namespace gsd::survival::detail {

void check_looks_by_events(const SurvivalSpec& spec, const char* test) {
  for (std::size_t k = 0; k < spec.looks.size(); ++k) {
    if (spec.looks[k].kind != LookTriggerKind::kEvents) {
      throw numerics::InvalidInput(numerics::FieldPath{"looks"}.index(k), std::string("must be triggered by events for ") + test);
    }
  }
}

std::vector<double> event_look_times(const SurvivalSpec& spec, double patients,
                                     const std::vector<long long>& counts,
                                     const numerics::SolverOptions& options) {
  std::vector<double> times;
  for (long long d : counts) {
    times.push_back(calendar_time_for_events(spec, patients, static_cast<double>(d), options));
  }
  return times;
}

}  // namespace gsd::survival::detail
