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
  // The one-sided tail is half of it; below twice the least subnormal
  // double (the least, 5e-324, itself) the half is 0, which no quantile has.
  if (!(p_two_sided / 2.0 > 0.0)) {
    fail("p_two_sided", p_two_sided,
         "is too small to halve in double precision (it must be at least 1e-323); give the look's z instead");
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
  check_reportable_hazard_ratio("hazard_ratio", hazard_ratio, "check the look's hazard ratio");
  return -std::log(hazard_ratio) * std::sqrt(log_rank_information(events, allocation_ratio));
}

double hazard_ratio_from_z(double z, double information, double margin) {
  return margin * std::exp(-z / std::sqrt(information));
}

void check_look_events(double events) {
  if (!(events >= kMinLookEvents)) {
    fail("events", events, std::isfinite(events) ? "must be at least 1: a look counts at least one event; give the look's event count"
                                                  : "must be finite");
  }
}

bool reportable_hazard_ratio(double hazard_ratio) {
  return hazard_ratio >= kMinReportedHazardRatio && hazard_ratio <= kMaxReportedHazardRatio;
}

void check_reportable_hazard_ratio(const char* field, double hazard_ratio, const std::string& advice) {
  if (reportable_hazard_ratio(hazard_ratio)) return;
  fail(field, hazard_ratio,
       "must lie in [" + format_value(kMinReportedHazardRatio) + ", " + format_value(kMaxReportedHazardRatio) +
           "], the hazard ratios gsd estimates; " + advice);
}

std::string hazard_ratio_range_rule(double z, double information) {
  if (reportable_hazard_ratio(hazard_ratio_from_z(z, information))) return {};
  // The log is finite where the hazard ratio itself overflows.
  std::ostringstream rule;
  rule << "gives the log hazard ratio estimate -z / sqrt(I) = " << format_value(-z / std::sqrt(information))
       << " at information I = " << format_value(information)
       << ", outside [-13.8155, 13.8155] (hazard ratios 1e-06 to 1e+06, the ones gsd estimates); "
          "check the look's statistic";
  return rule.str();
}

double z_against_margin(double z, double information, double margin) {
  return z + std::log(margin) * std::sqrt(information);
}

}  // namespace gsd::monitoring
