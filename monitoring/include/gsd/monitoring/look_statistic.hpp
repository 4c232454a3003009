#pragma once
// The test statistic of one look, from whichever form the committee was given,
// and the statistical information of a log-rank look.
//
// Sign convention (docs/cli.md): a positive z favours the
// experimental arm, that is a hazard ratio (experimental / control) below 1.
namespace gsd::monitoring {

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
// information above). Throws std::invalid_argument naming "hazard_ratio".
double z_from_hazard_ratio(double hazard_ratio, double events, double allocation_ratio);

// The hazard-ratio estimate exp(-z / sqrt(I)); with a non-inferiority margin
// m (z then of H0: HR >= m, below), m exp(-z / sqrt(I)).
double hazard_ratio_from_z(double z, double information, double margin = 1.0);

// A non-inferiority trial's z from the log-rank z of equal hazards: with
// H0: HR >= m the log-hazard-ratio estimate -z / sqrt(I) is compared with
// log m, so z_m = z + log(m) sqrt(I) (the log-rank statistic shifted by the
// margin, as rpact 3.3.4's getAnalysisResults takes a survival dataset's
// log-rank statistics under thetaH0; Jennison & Turnbull 2000, section 3.7,
// for the information). m = 1 gives z.
double z_against_margin(double z, double information, double margin);

}  // namespace gsd::monitoring
