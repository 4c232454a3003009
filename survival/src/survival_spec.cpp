#include "gsd/survival/survival_spec.hpp"

#include <stdexcept>
#include <string>

#include "check.hpp"

namespace gsd::survival {

void SurvivalSpec::validate() const {
  detail::check_positive("allocation_ratio", allocation_ratio);
  if (dropout_control) detail::check_non_negative(numerics::FieldPath{"dropout", "control"}, *dropout_control);
  if (dropout_treatment) detail::check_non_negative(numerics::FieldPath{"dropout", "treatment"}, *dropout_treatment);
  if (patients && *patients <= 0) detail::fail("patients", static_cast<double>(*patients), "must be positive");
  if (events && *events <= 0) detail::fail("events", static_cast<double>(*events), "must be positive");
  if (patients && events && *events > *patients) {
    detail::fail("events", static_cast<double>(*events),
                 std::string("exceeds patients = ").append(std::to_string(*patients)));
  }
  if (follow_up) detail::check_non_negative("follow_up", *follow_up);
  if (analysis_cap && !(*analysis_cap > 0.0 && *analysis_cap <= kMaxAnalysisCap)) {
    detail::fail("analysis_cap", *analysis_cap, "must lie in (0, 1e6]: a calendar time");
  }
  // A probability; solve_survival also requires it above the design's alpha.
  if (power && !(*power > 0.0 && *power < 1.0)) detail::fail("power", *power, "must lie in (0, 1)");
}

}  // namespace gsd::survival
