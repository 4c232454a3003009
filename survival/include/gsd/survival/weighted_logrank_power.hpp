#pragma once
// Fixed-design and group-sequential power of a weighted log-rank test
// (weighted_logrank.hpp) for given patients and events, at the expected
// calendar times of the looks (the power_fixed_times of the plain log-rank
// plan, sample_size.hpp).
//
// Look k is at the expected time of ceil(t_k D) events (t_k the design's
// information fractions, D the events), as the log-rank plan places it. The
// weighted scores have independent increments with information V0_k (Tsiatis
// 1982), so the bounds are those of the design at the test's own information
// fractions V0_k / V0_K: the joint normal of the Z_k has correlations
// sqrt(V0_k / V0_l). Which fractions spend the error is selectable:
//   SpendingScale::kVariance: alpha (and beta) are spent at V0_k / V0_K, the
//     information the test will observe (as monitoring recomputes the bounds
//     at the observed information);
//   SpendingScale::kEvents: at the planned event fractions t_k (spending
//     time, as gsDesign2's gs_power_wlr with spending on the event scale).
// A design's own spending_time, if given, takes precedence over both. For the
// plain log-rank test the two scales differ only where the at-risk shares
// change over time (a fixed alternative), and they coincide at one look.
//
// The power takes Z_k ~ N(sqrt(N) E[U_k] / sqrt(V0_k), 1) with those
// correlations: the local-alternative approximation of lrstat's lrpower and
// gsDesign2's gs_power_wlr. Each look's moments (weighted_logrank.hpp) carry
// the variance of its score under the model beside it, Var U_k / V0_k, which
// shows how far a design's alternative is from local.
#include <cstdint>
#include <vector>

#include "gsd/spending/design.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank.hpp"

namespace gsd::survival {

enum class SpendingScale { kVariance, kEvents };

// Which statistic survival.test is.
enum class TestKind {
  kWeightedLogRank,  // one weighted log-rank test (the plain log-rank by default)
  kMaxCombo,         // the maximum of several (maxcombo_power.hpp)
  // Kaplan-Meier contrasts (km_contrast.hpp), z = estimate / standard error:
  kRmst,       // difference in restricted mean survival time up to `horizon`
  kMilestone,  // difference in survival at the time `horizon`
};

// The test a survival plan reports (survival.test): its weights and the
// scale that spends the error; for MaxCombo its tests and the seed of the
// multivariate normal probabilities; for RMST and milestone tests the time
// they are taken at.
struct SurvivalTest {
  LogRankWeight weight;
  SpendingScale scale = SpendingScale::kVariance;
  TestKind kind = TestKind::kWeightedLogRank;
  std::vector<LogRankWeight> combo;  // kMaxCombo: Fleming-Harrington tests
  std::uint64_t seed = 0;            // kMaxCombo: Random123 key of the lattice shifts
  // kRmst: tau, the end of the restricted mean; kMilestone: the milestone
  // time. In the spec's time unit, on the study-time (since entry) scale.
  double horizon = 0.0;

  // The plain log-rank test, which the log-rank plan already gives.
  bool is_log_rank() const noexcept { return kind == TestKind::kWeightedLogRank && weight.is_log_rank(); }
  // An RMST or milestone test (km_contrast.hpp).
  bool is_km_contrast() const noexcept { return kind == TestKind::kRmst || kind == TestKind::kMilestone; }
};

struct WeightedLook {
  long long events = 0;
  double calendar_time = 0.0;
  double event_fraction = 0.0;        // events / final events
  double information_fraction = 0.0;  // V0_k / V0_K
  double spending_fraction = 0.0;     // where the error is spent
  WeightedLogRankMoments moments;     // per patient
  double mean_z = 0.0;                // E[Z_k] for the plan's patients
  double efficacy_z = 0.0;
  double crossing = 0.0;             // P(first upper crossing here), `power`'s model
  double cumulative_crossing = 0.0;  // P(upper crossing by this look)
};

struct WeightedLogRankPower {
  LogRankWeight weight;
  SpendingScale scale = SpendingScale::kVariance;
  double patients = 0.0;
  long long events = 0;
  double power = 0.0;
  std::vector<WeightedLook> looks;
  // The design at the test's information fractions (and spending times).
  spending::Design design;
};

// The design at a test's own information fractions (increasing, ending at
// 1), spending at them (kVariance) or at the design's planned fractions
// (kEvents); a design's spending_time takes precedence over both.
spending::Design design_on_scale(spending::DesignSpec spec, const std::vector<double>& information,
                                 SpendingScale scale);

// Throws numerics::InvalidInput for an invalid weight ("rho", "gamma",
// "t_star"), non-positive patients or events, looks triggered by calendar
// time ("looks": not supported for a weighted test), or events the patients
// cannot produce; gsd::NumericalError on numerical failure.
WeightedLogRankPower weighted_logrank_power(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                            const LogRankWeight& weight, double patients,
                                            long long events,
                                            SpendingScale scale = SpendingScale::kVariance);

// The same at looks at given calendar times, one per design look (the sizing's
// power function, test_sizing.hpp, places them at the expected times of
// fractional events); the looks' events and event fractions are left 0.
// Throws as above, and std::invalid_argument for a wrong number of times.
WeightedLogRankPower weighted_logrank_power_at_times(const SurvivalSpec& spec,
                                                     const spending::DesignSpec& design,
                                                     const LogRankWeight& weight, double patients,
                                                     const std::vector<double>& times,
                                                     SpendingScale scale = SpendingScale::kVariance);

}  // namespace gsd::survival
