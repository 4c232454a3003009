#pragma once
// One monitoring look at a normal or binary endpoint: its z statistic from
// whichever form the committee was given, and the map between the z scale
// of the group-sequential machinery and the natural scale of the endpoint
// (a mean, a difference of means, a rate, a difference or a ratio of rates).
//
// The statistic is the one the design sizes (statistic.hpp): oriented so
// that large values favour the alternative, tested against the margin.
//   normal: t = (estimate - margin) / SE with the pooled sd (rpact 3.3.4's
//     getStageResultsMeans, equalVariances = TRUE), converted to z =
//     Phi^{-1}(F_t(t; n - groups)) as rpact converts a stage's p-value; with
//     normal_approximation z = t;
//   binary, per-arm counts: Farrington-Manning under the margin (the pooled
//     rate at 0; the H0 rate for one sample), rpact's getStageResultsRates,
//     or the unpooled (Wald) statistic when the design is unpooled;
//   an estimate with its standard error: the Wald statistic (the t
//     conversion for a normal endpoint); a ratio's SE is that of log(ratio);
//   z: as given.
#include <optional>

#include "gsd/endpoints/endpoint_spec.hpp"

namespace gsd::endpoints {

// One arm at a look, or the single sample of a one-sample trial.
struct ArmSummary {
  double n = 0.0;
  std::optional<double> mean;        // normal
  std::optional<double> sd;          // normal
  std::optional<double> responders;  // binary
};

// A look as the committee entered it: exactly one of z, an estimate with its
// standard error, or the summaries (treatment and control, or `sample`).
struct LookData {
  std::optional<double> patients;  // total; implied by the summaries
  std::optional<double> z;
  std::optional<double> estimate;
  std::optional<double> standard_error;
  std::optional<ArmSummary> sample;
  std::optional<ArmSummary> treatment;
  std::optional<ArmSummary> control;

  // Throws numerics::InvalidInput with paths relative to the look, e.g.
  // {"treatment", "sd"}: "= 0 must be positive".
  void validate(const EndpointSpec& spec) const;
  // The total patients (given, or the sum of the summaries).
  double total_patients() const;
};

// The statistic of a look.
struct LookStatistic {
  double patients = 0.0;
  double z = 0.0;
  // The estimate on the natural scale; absent for a look given as z.
  std::optional<double> estimate;
  // The standard error that carries the standardized scale to the natural
  // one, as rpact's final inference does: for a normal endpoint the pooled
  // sd times sqrt(1/n1 + 1/n2) (sd / sqrt(n) for one sample); for a binary
  // one the unpooled sqrt(p1 q1 / n1 + p2 q2 / n2) (sqrt(p q / n)), of
  // log(p1 / p2) on the ratio scale; as given with an estimate; for a look
  // given as z the planned sqrt(v1 / n) (statistic.hpp).
  double standard_error = 0.0;
  std::optional<double> degrees_of_freedom;  // the t test
};

// Throws numerics::InvalidInput (paths relative to the look) where the
// statistic is undefined, e.g. no responders in either arm at a margin of 0.
LookStatistic look_statistic(const EndpointSpec& spec, const LookData& look);

struct NaturalInterval {
  double lower = 0.0;
  double upper = 0.0;
};

// The values v of the parameter at which the look's statistic for H0: v
// lies within [-b, b] (rpact's repeated confidence interval, a root search
// on thetaH0 for the counts). Absent for an infinite b. Closed forms for the
// Wald and t statistics: estimate -+ q SE with q = b, or the t quantile at
// Phi(b).
std::optional<NaturalInterval> invert_look(const EndpointSpec& spec, const LookData& look,
                                           const LookStatistic& statistic, double b);

// A value of the parameter held within what it can be: a rate within (0, 1)
// and a difference of rates within (-1, 1), 1e-12 from the ends, as the
// score intervals of invert_look are; means and ratios as they are. The
// Wald interval of a look given as z or as an estimate (its standard error
// taken as it comes) reached -1.43 to 1.54 for a difference of rates.
double within_parameter_range(const EndpointSpec& spec, double value);

// The natural value at a standardized effect: `drift` is theta sqrt(I) at
// the look (the mean of its z), mapped as margin + sign drift SE (on the
// log scale for a ratio): rpact's final confidence interval and
// median-unbiased estimate for means and rates.
double natural_at_drift(const EndpointSpec& spec, const LookStatistic& statistic, double drift);

// E[Z] / sqrt(patients) under the endpoint's alternative: effect / sqrt(v1)
// (statistic.hpp); rpact's standardized thetaH1 for conditional power of
// means (thetaH1 / assumedStDev) and of rates without its variance-ratio
// adjustment.
double standardized_effect(const EndpointSpec& spec);

}  // namespace gsd::endpoints
