#pragma once
// The bounds that the Monte Carlo tests put on simulated proportions: the
// standard error of a proportion, and the size and width shared by the tests
// that check an analytic power against the simulator.
#include <cmath>
#include <cstdint>

namespace gsd::testing {

// The standard error of a proportion p estimated from n independent trials,
// sqrt(p (1 - p) / n).
inline double binomial_se(double p, double n) { return std::sqrt(p * (1.0 - p) / n); }

// Simulated trials per check of an analytic power; fewer under
// AddressSanitizer (about 10x slower), the bound staying valid for the count
// actually used.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr std::int64_t kPowerCheckReplicates = 4000;
#else
inline constexpr std::int64_t kPowerCheckReplicates = 20000;
#endif

// 4 binomial standard errors: a false alarm with probability 6e-5 if the
// analytic value were exact; the event-driven method's own error (0.003 at
// most on the plans of event_driven_power_test.cpp) is below half of it.
inline constexpr double kPowerCheckStandardErrors = 4.0;

// A mean or proportion from a reference simulation (plain R, rpact) and its
// standard error, as the reference tests embed them.
struct Estimate {
  double value;
  double se;
};

// The standard error of the difference between a reference simulation's
// estimate (standard error reference_se over reference_replicates) and the
// same quantity from `replicates` of gsd's simulator, whose standard error is
// the reference's scaled to its replicates (the same distribution if the two
// agree).
inline double difference_se(double reference_se, double reference_replicates, double replicates) {
  return reference_se * std::sqrt(1.0 + reference_replicates / replicates);
}

}  // namespace gsd::testing
