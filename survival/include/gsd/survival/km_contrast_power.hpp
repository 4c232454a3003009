#pragma once
// Power and patients of a group-sequential RMST or milestone test
// (km_contrast.hpp) at the expected calendar times of the plan's looks.
//
// Look k is at the expected time of ceil(t_k D) events, as the log-rank plan
// and the weighted tests place it (weighted_logrank_power.hpp). With tau
// fixed the estimates have independent increments with information
// I_k = 1 / Var(est_k), so the bounds are the design's at the test's own
// information fractions Var_K / Var_k, spent there (SpendingScale::kVariance)
// or at the planned event fractions (kEvents), a design's spending_time
// taking precedence. The power takes Z_k ~ N(sqrt(N) delta / sqrt(v_k), 1),
// v_k the per-patient variance under the model: the Wald statistic
// estimate / SE with the standard error at its limit under the model, as
// gsDesign2's fixed_design_rmst and fixed_design_milestone and lrstat's
// rmpower take it.
//
// Patients. Holding the accrual's durations and shape and the look times
// (the calendar times of the plan), more patients means a higher accrual
// rate, and every variance scales as 1 / N: the patients that give power
// 1 - beta are N = (theta / (delta / sqrt(v_K)))^2, theta the design's drift
// at the test's information fractions (which do not depend on N). This is
// gsDesign2's way of sizing a fixed-time design (its accrual rate is scaled,
// durations kept) and the log-rank plan's when it sizes patients for a
// given accrual and follow-up (sample_size.hpp).
#include <optional>
#include <vector>

#include "gsd/spending/design.hpp"
#include "gsd/survival/km_contrast.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd::survival {

struct KmContrastLook {
  long long events = 0;
  double calendar_time = 0.0;
  double event_fraction = 0.0;        // events / final events
  double maximum_follow_up = 0.0;     // calendar_time - first entry
  double information_fraction = 0.0;  // Var_K / Var_k
  double spending_fraction = 0.0;     // where the error is spent
  KmContrastMoments moments;          // per patient
  double standard_error = 0.0;        // of the estimate, for the plan's patients
  double mean_z = 0.0;                // E[Z_k] for the plan's patients
  double efficacy_z = 0.0;
  double crossing = 0.0;             // P(first upper crossing here)
  double cumulative_crossing = 0.0;  // P(upper crossing by this look)
};

struct KmContrastPower {
  KmContrast contrast;
  SpendingScale scale = SpendingScale::kVariance;
  double patients = 0.0;
  long long events = 0;
  double power = 0.0;
  std::vector<KmContrastLook> looks;
  // The design at the test's information fractions (and spending times).
  spending::Design design;
};

// The contrast of an RMST or milestone survival.test (test.is_km_contrast()).
KmContrast km_contrast_of(const SurvivalTest& test);

// Paths are relative to the survival section. Throws numerics::InvalidInput
// for an invalid contrast ("test.tau" / "test.time"),
// a horizon not below the longest follow-up at every look (named with the
// look, its time and follow-up), a look with no more information than the one
// before (every patient followed past the horizon already: "test.tau"), looks
// by calendar time ("looks[k]"), non-positive patients or events, events the
// patients cannot produce; gsd::NumericalError on numerical failure.
KmContrastPower km_contrast_power(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                  const KmContrast& contrast, double patients, long long events,
                                  SpendingScale scale = SpendingScale::kVariance);

// The unrounded patients that give the design's power 1 - beta at the looks'
// calendar times of `at` (accrual durations kept, the rate scaled): the drift
// of at.design over the final look's delta / sqrt(v_K). Throws
// numerics::InvalidInput at the contrast's path when the model
// gives no benefit there (delta <= 0).
double km_contrast_patients(const KmContrastPower& at);

// The test at a plan's sizes, and at the patients it needs for the design's
// power 1 - beta.
struct KmContrastPlan {
  KmContrastPower at_plan;  // at the plan's patients and events
  // km_contrast_patients(at_plan); 0 when the model gives no benefit.
  double patients_unrounded = 0.0;
  // At those patients rounded up to a multiple of spec.patient_multiple(),
  // with the events scaled alike (rounded up) so that the looks stay near
  // the plan's calendar times; absent when the model gives no benefit.
  std::optional<KmContrastPower> sized;
};

// Throws as km_contrast_power() (for either size).
KmContrastPlan km_contrast_plan(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                const KmContrast& contrast, double patients, long long events,
                                SpendingScale scale = SpendingScale::kVariance);

}  // namespace gsd::survival
