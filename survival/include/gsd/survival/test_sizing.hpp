#pragma once
// Patients and events a weighted log-rank test (weighted_logrank_power.hpp)
// or a MaxCombo test (maxcombo_power.hpp) needs for the target power
// (survival.power), in the log-rank plan's two solve modes (sample_size.hpp),
// holding fixed what that plan holds fixed:
//   kPatients (power and follow_up given): the accrual pattern and the
//     follow-up after it are fixed, and the patients scale with the events
//     they produce by the end of follow-up. The look times then do not
//     depend on the size, so each look's mean z grows as sqrt(N) and the
//     bounds stay put (the test's information fractions are ratios of
//     per-patient variances). This is gsDesign2's gs_design_wlr, which scales
//     the enrolment rates by one factor with analysis_time, the study's
//     duration, fixed (gsDesign2 1.1.3).
//   kEvents (power and patients given): the patients are fixed and the events
//     (the study's length) vary; the look times, information fractions and
//     bounds move with them, and the power may peak and fall again under a
//     cure model, so the first crossing above the smallest events is taken.
// The power is the test's at the expected look times, as when it is
// evaluated at given sizes; the search is size_for_power.hpp. The continuous
// solution gives patients_unrounded and events_unrounded; the plan is rounded
// up as the log-rank plan is (whole patients, whole events at the end of
// follow-up; whole events) and the power reported is the test's at the whole
// sizes, a further patient (event) at a time, up to a few, if rounding left
// it short of the target.
//
// MaxCombo. In kPatients the bounds are solved once at the fixed look times
// and the power of N patients is the Genz-Bretz probability on one lattice
// (the size of the adaptive rule's last round at the first guess, the same
// random shifts): a smooth function of N, so the root search converges, and
// the probability's error moves the root by error / slope (size_error). At
// the whole sizes the bounds are solved again at their own look times. In
// kEvents every size needs its own bounds (seconds each), so the search is
// coarser (kMaxComboEventBits).
#include <vector>

#include "gsd/numerics/multivariate_normal.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/survival/maxcombo_power.hpp"
#include "gsd/survival/sample_size.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd::survival {

struct TestSizing {
  SolveMode mode = SolveMode::kPatients;
  double patients_unrounded = 0.0;  // the given patients in kEvents
  double events_unrounded = 0.0;
  long long patients = 0;  // rounded up
  long long events = 0;
  double power_unrounded = 0.0;  // the power function at the continuous solution
  // MaxCombo: the error of that power (the lattice rule's), and what it
  // moves the solved size by (patients in kPatients, events in kEvents):
  // error / slope. 0 for a weighted log-rank test.
  double power_error = 0.0;
  double size_error = 0.0;
  int evaluations = 0;  // of the power function in the root search
};

struct WeightedLogRankSizing {
  TestSizing sizing;
  WeightedLogRankPower plan;  // at the whole sizes
};

struct MaxComboSizing {
  TestSizing sizing;
  MaxComboPower plan;  // at the whole sizes
};

// Throws numerics::InvalidInput (paths relative to the survival section):
// sizes not to be solved for (patients and events given: "patients"), a
// target power outside (alpha per side, 1) ("power"), a target the test
// cannot reach (e.g. a weight that favours neither arm, or the events the
// patients can produce: "power"), and whatever weighted_logrank_power /
// maxcombo_power refuse; numerics::NumericalError on numerical failure.
WeightedLogRankSizing size_weighted_logrank(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                            const LogRankWeight& weight,
                                            SpendingScale scale = SpendingScale::kVariance);

MaxComboSizing size_maxcombo(const SurvivalSpec& spec, const spending::DesignSpec& design,
                             const std::vector<LogRankWeight>& tests, const numerics::MvnOptions& mvn = {});

}  // namespace gsd::survival
