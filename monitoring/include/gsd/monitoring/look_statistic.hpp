#pragma once
// The test statistic of one look, from whichever form the committee was given,
// and the statistical information of a log-rank look.
//
// Sign convention (docs/cli.md): a positive z favours the
// experimental arm, that is a hazard ratio (experimental / control) below 1.
#include <string>

namespace gsd::monitoring {

// Hazard ratios gsd estimates and reports: within [1e-6, 1e6]. A log-rank
// look cannot estimate one further out (its log-hazard-ratio estimate is
// about (O - E) / V with |O - E| at most the events), and beyond it the
// numbers leave a table (1e300 prints with 300 digits) or double range.
inline constexpr double kMinReportedHazardRatio = 1e-6;
inline constexpr double kMaxReportedHazardRatio = 1e6;

// The least events of a look: one event. A look at fewer is no data, and
// its information d r / (1 + r)^2 would put the log-hazard-ratio estimate
// z / sqrt(I) and its limits beyond double range.
inline constexpr double kMinLookEvents = 1.0;

// The widest span of a monitored schedule: the final analysis's events at
// most a million times the first look's, the counterpart for the first look
// of the least step between looks (numerics/information_step.hpp). Wider
// spans put the first look's information fraction below what the recursive
// integration resolves (1e300 events after 30 left the estimates' root
// search without a result).
inline constexpr double kMaxEventSpan = 1e6;

// Throws InvalidInput naming "events" unless a look's events are at least
// kMinLookEvents.
void check_look_events(double events);

// Which arm a two-sided p-value favours.
enum class Direction {
  kFavoursTreatment,  // observed hazard ratio below 1: z > 0
  kFavoursControl,    // observed hazard ratio above 1: z < 0
};

// Statistical information of the log-rank statistic for the log hazard ratio:
// I = d r / (1 + r)^2 with d events and allocation ratio r = experimental :
// control (Schoenfeld 1981, Biometrika 68:316-319; Jennison & Turnbull 2000,
// section 3.7). r = 1 gives d / 4. Throws std::invalid_argument naming
// "events" or "allocation_ratio" unless both are positive and finite.
double log_rank_information(double events, double allocation_ratio);

// z from a two-sided p-value: |z| = Phi^{-1}(1 - p / 2), signed by the
// direction. p in (0, 1]; throws std::invalid_argument naming "p_two_sided".
double z_from_p_two_sided(double p_two_sided, Direction direction);

// z from an estimated hazard ratio: z = -log(HR) sqrt(I), the inverse of the
// estimate exp(-z / sqrt(I)) that rpact's getAnalysisResults reports for a
// log-rank look (the Wald form of the log-rank test under the Schoenfeld
// information above). Throws std::invalid_argument naming "hazard_ratio"
// unless it lies in [kMinReportedHazardRatio, kMaxReportedHazardRatio].
double z_from_hazard_ratio(double hazard_ratio, double events, double allocation_ratio);

// The hazard-ratio estimate exp(-z / sqrt(I)); with a non-inferiority margin
// m (z then of H0: HR >= m, below), m exp(-z / sqrt(I)).
double hazard_ratio_from_z(double z, double information, double margin = 1.0);

// Whether a hazard ratio lies in [kMinReportedHazardRatio, kMaxReportedHazardRatio].
bool reportable_hazard_ratio(double hazard_ratio);

// Throws InvalidInput naming `field` (a look's "hazard_ratio", the plan's
// "assumed_hazard_ratio") unless the hazard ratio is reportable: "must lie
// in [1e-06, 1e+06], the hazard ratios gsd estimates; " and `advice`.
void check_reportable_hazard_ratio(const char* field, double hazard_ratio, const std::string& advice);

// The rule a look's z (given as `what`, e.g. "z") breaks when its estimate
// exp(-z / sqrt(I)) is not reportable, or an empty string.
std::string hazard_ratio_range_rule(double z, double information);

// A non-inferiority trial's z from the log-rank z of equal hazards: with
// H0: HR >= m the log-hazard-ratio estimate -z / sqrt(I) is compared with
// log m, so z_m = z + log(m) sqrt(I) (the log-rank statistic shifted by the
// margin, as rpact 3.3.4's getAnalysisResults takes a survival dataset's
// log-rank statistics under thetaH0; Jennison & Turnbull 2000, section 3.7,
// for the information). m = 1 gives z.
double z_against_margin(double z, double information, double margin);

}  // namespace gsd::monitoring
