#include "gsd/monitoring/repeated_inference.hpp"

#include <algorithm>
#include <cmath>

#include "gsd/monitoring/look_statistic.hpp"
#include "root_search.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

namespace {

// The search runs on log alpha in [log kMinRepeatedP, log of just under 0.5]:
// DesignSpec requires alpha < 0.5.
constexpr double kAlphaCeilingGap = 1e-9;
// Below and above every fixed z bound a design takes ([-37, 37],
// design_spec.cpp).
constexpr double kClosedBound = -40.0;
constexpr double kOpenBound = 40.0;
// Relative step above least_alpha where the search starts: a final bound
// exists there (the interims leave it 1e-6 of their alpha to spend).
constexpr double kLeastAlphaMargin = 1e-6;

}  // namespace

std::optional<Interval> repeated_ci_hazard_ratio(const LookSchedule& s, double z, double margin) {
  const double b = s.efficacy[s.current];
  if (!std::isfinite(b)) return std::nullopt;
  const double root_info = std::sqrt(s.information[s.current]);
  const Interval ci{margin * std::exp(-(z + b) / root_info), margin * std::exp(-(z - b) / root_info)};
  // Not reported past the hazard ratios gsd reports (look_statistic.hpp): a
  // bound spending next to nothing at little information reaches 1e76.
  if (!reportable_hazard_ratio(ci.lower) || !reportable_hazard_ratio(ci.upper)) return std::nullopt;
  return ci;
}

double repeated_p_value(const MonitoringPlan& plan, const LookSchedule& s, double z) {
  const std::size_t k = s.current;
  // A symmetric two-sided design rejects for |z| beyond the bound, so its
  // repeated p-value is that of |z|: the same for z and -z (rpact 3.3.4's
  // getAnalysisResults takes abs() of the test statistic for sided = 2).
  const double statistic = plan.design.sided == Sidedness::kTwoSidedSymmetric ? std::abs(z) : z;
  auto excess = [&](double log_alpha) {
    // -infinity: binding futility bounds have closed the continuation
    // region by look k at this alpha (binding_efficacy_bounds), so every
    // path has stopped: a bound below any binding bound (z within [-37, 37])
    // keeps the excess finite and falling in alpha for the root search.
    // +infinity: this look spends nothing at this alpha (a small alpha at a
    // small information fraction: 20 of 756 patients), so nothing crosses:
    // a bound above every z bound and above the statistic does the same and
    // keeps the excess finite (an infinite one made the search's
    // interpolation NaN).
    const double open = std::max(kOpenBound, statistic + 1.0);
    return std::clamp(efficacy_at_alpha(plan, s, std::exp(log_alpha))[k], kClosedBound, open) - statistic;
  };
  // Below least_alpha (a Haybittle-Peto design's interims) no design
  // exists: the search starts just above it, where the final bound is at its
  // highest; an interim bound is the same at every alpha.
  const double least = least_alpha(plan, s);
  const double lo = std::log(std::max(kMinRepeatedP, least * (1.0 + kLeastAlphaMargin)));
  // A binding harm bound keeps its own alpha beside the efficacy side's, and
  // the two together stay below 0.5.
  const double harm = plan.design.binding_harm() ? plan.design.harm->alpha : 0.0;
  const double hi = std::log(kMaxRepeatedP - harm - kAlphaCeilingGap);
  // The bound falls as alpha grows: crossing even at the ceiling's bound is needed.
  if (excess(hi) > 0.0) return kMaxRepeatedP;
  if (excess(lo) <= 0.0) return least > 0.0 ? std::exp(lo) : kMinRepeatedP;
  const numerics::SolverOptions& solver = plan.design.solver;
  return std::exp(detail::find_root(excess, lo, hi, solver.inference_root_bits,
                                    "the repeated p-value", solver.trace));
}

}  // namespace gsd::monitoring
