#pragma once
// Inference after the trial stops, by the stage-wise ordering of the sample
// space (Armitage 1957; Tsiatis, Rosner & Mehta 1984, Biometrics 40:797-803;
// Jennison & Turnbull 2000, sections 8.4-8.5). A stop at look k* with z* is
// more extreme than any stop at a later look and than a stop at look k* with
// a smaller z. With P_theta the law with E[Z_j] = theta sqrt(I_j):
//   p(theta) = sum_{j < k*} P_theta(first crossing of b_j at j)
//              + P_theta(no crossing before k*, Z_k* >= z*).
// (A stop below at look j < k* ends a path; a stop below at k* itself is
// ordered by its z like any other outcome at k*, the later looks above it.)
// The p-value is p(0); the median-unbiased estimate solves p(theta) = 1/2 and
// the 1 - 2 alpha confidence interval solves p(theta) = alpha and 1 - alpha
// (alpha per side). Non-binding futility bounds are ignored, a binding one
// ends paths. This is what rpact's getAnalysisResults reports as final
// p-value, final confidence interval and median unbiased estimate.
#include <span>
#include <vector>

#include "gsd/monitoring/monitoring_plan.hpp"
#include "gsd/monitoring/repeated_inference.hpp"

namespace gsd::monitoring {

struct FinalInference {
  std::size_t stop_look = 0;  // index of the look that stopped the trial
  // One-sided p(0), doubled (capped at 1) for a two-sided design as rpact does.
  double p_value = 0.0;
  double median_unbiased_hazard_ratio = 1.0;
  Interval ci_hazard_ratio;
  // The same on the scale of theta itself (E[Z_j] = theta sqrt(I_j)), for
  // endpoints whose natural scale is not a hazard ratio: theta = -log(HR).
  double median_unbiased_theta = 0.0;
  Interval ci_theta;
  double confidence_level = 0.95;  // 1 - 2 alpha per side
};

// information[j] and efficacy[j] for the looks 0..k*, as applied at each look;
// z_stop at look k* = information.size() - 1. futility: binding bounds or empty.
// harm: the one-sided design's binding harm bounds (-infinity where a look has none)
// or empty; a harm stop ends paths like a binding futility stop. A symmetric
// two-sided design stops below at -efficacy[j], and a stop below is inferred
// as the mirror image of the stop above at -z_stop.
FinalInference stagewise_inference(const MonitoringPlan& plan, std::span<const double> information,
                                   std::span<const double> efficacy,
                                   std::span<const double> binding_futility, double z_stop,
                                   std::span<const double> harm = {});

// p(theta) above, exposed for tests. inner_futility: the binding futility
// bounds stop when |z| is below them (a symmetric two-sided design).
// lower_stops: bounds at or below which a look before k* stops (harm, or the
// lower efficacy bound of a two-sided design), or empty.
double stagewise_exceedance(std::span<const double> information, std::span<const double> efficacy,
                            std::span<const double> binding_futility, double z_stop, double theta,
                            const numerics::SolverOptions& solver, bool inner_futility = false,
                            std::span<const double> lower_stops = {});

}  // namespace gsd::monitoring
