#pragma once
// Repeated confidence intervals and repeated p-values (Jennison & Turnbull
// 1989, JRSS B 51:305-361; J&T 2000, ch. 9), as rpact's getAnalysisResults
// reports them for a log-rank look.
#include <optional>

#include "gsd/monitoring/look_schedule.hpp"

namespace gsd::monitoring {

struct Interval {
  double lower = 0.0;
  double upper = 0.0;
};

// Repeated CI for the hazard ratio at the current look: the log hazard ratios
// -theta with |z - theta sqrt(I_k)| < b_k, i.e. HR in
// [exp(-(z + b_k) / sqrt(I_k)), exp(-(z - b_k) / sqrt(I_k))] (J&T 2000, eq. 9.1).
// Its coverage is 1 - 2 alpha per side jointly over all looks. Absent when the
// look has no efficacy bound (it spends nothing), or when a limit lies outside
// [kMinReportedHazardRatio, kMaxReportedHazardRatio] (look_statistic.hpp).
std::optional<Interval> repeated_ci_hazard_ratio(const LookSchedule& schedule, double z, double margin = 1.0);

// Repeated p-value (J&T 2000, section 9.2): the smallest overall alpha at which
// the current look's efficacy bound, recomputed from the same spending function
// (or classical family) at the same information, is crossed by z. It is on the
// design's alpha scale (two-sided for sided = 2, as rpact reports it). A
// non-binding futility bound plays no part; a binding one of a one-sided
// design is held at the bounds in force at these looks, which end trials
// under H0 at every alpha (rpact 3.3.4 likewise holds a binding design's
// futilityBounds: its repeatedPValues are those of the binding design solved
// for alpha). A two-sided design's binding futility region (inner, spent by
// beta spending) is not held: there the search treats it as non-binding.
// Values are clamped to [kMinRepeatedP, kMaxRepeatedP] (rpact stops its search
// at 0.4999990): alpha >= 0.5 is not a design.
inline constexpr double kMinRepeatedP = 1e-12;
inline constexpr double kMaxRepeatedP = 0.5;
double repeated_p_value(const MonitoringPlan& plan, const LookSchedule& schedule, double z);

}  // namespace gsd::monitoring
