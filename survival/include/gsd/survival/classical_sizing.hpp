#pragma once
// Classical proportional-hazards sizing of a log-rank trial, on request
// (survival.method), so that a plan can be checked against the tool a
// reviewer uses. Each needs proportional hazards without a cure fraction.
//
// Event-count formulas (rpact 3.3.4, getSampleSizeSurvival's
// typeOfComputation; Hsieh 1992, Stat Med 11:1091, compares them). With
// allocation r = treatment : control, z = z_{1-alpha} + z_{1-beta}, the fixed
// design needs D = z^2 / theta^2 events, theta the mean of Z per sqrt(event):
//   Schoenfeld (1981, Biometrika 68:316):  theta = sqrt(r) / (1 + r) |log(HR / HR0)|
//   Freedman (1982, Stat Med 1:121):        theta = sqrt(r) |HR - 1| / (r HR + 1)
//   Hsieh-Freedman (Hsieh 1992):            theta = 2 sqrt(r) / (1 + r) |HR - 1| / (HR + 1)
// A group-sequential design needs D_max = (drift / theta)^2, drift the
// design's theta sqrt(I_max) at the target power (rpact: the fixed events
// times the inflation factor). Patients follow from the expected events per
// patient at the end of follow-up, or the study duration from the patients.
//
// Lachin & Foulkes (1986, Biometrics 42:507) as gsDesign's nSurv / gsSurv:
// with expected events per patient by the study end T, per arm, under the
// alternative (d_C1, d_E1) and under a null with both arms at the hazard
// averaged by allocation, lambda_0 = (1 + r HR) / (1 + r HR0) lambda_C
// (d_C0, d_E0), the log hazard ratio has variances V1 = 1/d_C1 + 1/d_E1 and
// V0 = 1/d_C0 + 1/d_E0 per patient, and N = ((z_a sqrt(V0) + z_b sqrt(V1)) /
// |log(HR / HR0)|)^2 patients give the power; the group-sequential design
// multiplies patients and events by the inflation factor (drift / z)^2.
#include "gsd/spending/design.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

// The mean of Z per sqrt(event) of a fixed-design formula (not Lachin-Foulkes).
double classical_drift_per_event(SizingMethod method, double hazard_ratio, double allocation_ratio,
                                 double null_hazard_ratio = 1.0);

// The drift theta sqrt(I_max) giving `power` with the design's bounds: the
// design's own drift at its power (rpact's inflation factor), else solved.
double group_sequential_drift(const spending::Design& design, double power);

struct LachinFoulkesVariances {
  double null_variance = 0.0;         // V0 per patient
  double alternative_variance = 0.0;  // V1 per patient
  double events = 0.0;                // expected events per patient under the alternative
};

// Per patient at study end (calendar time) T, for a proportional-hazards spec
// with hazard ratio `hazard_ratio` (treatment / control).
LachinFoulkesVariances lachin_foulkes_variances(const SurvivalSpec& spec, double study_end,
                                                double hazard_ratio, double null_hazard_ratio = 1.0,
                                                const numerics::SolverOptions& options = {});

// Patients of the fixed design for `power` at one-sided `alpha`.
double lachin_foulkes_patients(const LachinFoulkesVariances& v, double alpha, double power,
                               double hazard_ratio, double null_hazard_ratio = 1.0);

// The hazard ratio a classical method sizes on, or numerics::InvalidInput on
// {"method"} when the model is not proportional hazards without cure, or the
// hazard ratio is not below 1.
double classical_hazard_ratio(const SurvivalSpec& spec);

}  // namespace gsd::survival
