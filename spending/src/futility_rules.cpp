// Futility bounds set by a rule rather than by beta-spending: given z,
// an effect at the bound, a conditional-power threshold, or the
// Pampallona-Tsiatis shape. The drift is solved for power 1 - beta with the
// bounds in force; a binding bound enters the efficacy bounds' alpha.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "bound_search.hpp"
#include "classical.hpp"
#include "design_solvers.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::spending::detail {

using numerics::exit_probabilities;
using numerics::normal_upper_quantile;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxFixedPointSteps = 100;
// The fixed point of a binding conditional-power bound and the final
// efficacy bound it implies, in z units.
constexpr double kFixedPointTolerance = 1e-13;

double rule_bound(const DesignSpec& s, std::size_t k, double drift, double b_final) {
  const FutilitySpec& f = *s.futility;
  const double t = s.information_fractions[k];
  switch (f.rule) {
    case FutilityRule::kFixedZ:
      return f.values[k];
    case FutilityRule::kEffectFraction:
      return f.values[k] * drift * std::sqrt(t);
    case FutilityRule::kConditionalPower: {
      // B-value argument (Lan & Wittes 1988): B(1) - B(t) ~ N(drift (1 - t), 1 - t).
      const double z_c = normal_upper_quantile(1.0 - f.parameter);
      return (b_final - drift * (1.0 - t) + std::sqrt(1.0 - t) * z_c) / std::sqrt(t);
    }
    case FutilityRule::kPampallonaTsiatis:
      // Pampallona & Tsiatis (1994): C0 = drift - b_K makes a_K = b_K.
      return drift * std::sqrt(t) - (drift - b_final) * std::pow(t, f.parameter - 0.5);
    case FutilityRule::kBetaSpending:
      break;
  }
  return -kInf;
}

// Futility bounds of the rule at this drift, under the efficacy bounds b
// (capped at them: futility never exceeds efficacy, rpact's rule).
std::vector<double> rule_futility(const DesignSpec& s, double drift, const std::vector<double>& b) {
  std::vector<double> a(b.size(), -kInf);
  for (std::size_t k = 0; k + 1 < b.size(); ++k) {
    if (s.futility_stop(k)) a[k] = std::min(rule_bound(s, k, drift, b.back()), b[k]);
  }
  return a;
}

Pass pass_with(const DesignSpec& s, double drift, const std::vector<double>* efficacy,
               const std::vector<double>& futility) {
  PassInput in;
  in.drift = drift;
  in.efficacy = efficacy;
  in.futility = &futility;
  return run_pass(s, in);
}

// Bounds at this drift for a spending-function efficacy bound.
Pass spending_bounds(const DesignSpec& s, double drift) {
  const std::vector<double> none(s.information_fractions.size(), -kInf);
  Pass p = pass_with(s, drift, nullptr, none);
  if (!s.binding_futility()) {
    p.futility = rule_futility(s, drift, p.efficacy);
    return p;
  }
  // Binding: the efficacy bounds depend on the futility bounds, which (for
  // conditional power) depend on the final efficacy bound.
  for (int i = 0; i < kMaxFixedPointSteps; ++i) {
    const std::vector<double> a = rule_futility(s, drift, p.efficacy);
    Pass next = pass_with(s, drift, nullptr, a);
    if (next.final_shortfall < 0.0) return next;  // the lower bounds closed the region
    const double moved = std::fabs(next.efficacy.back() - p.efficacy.back());
    p = std::move(next);
    if (moved < kFixedPointTolerance) break;
  }
  return p;
}

// Bounds at this drift for a classical efficacy bound (Pampallona-Tsiatis
// binding solves the efficacy constant with the futility bound in force).
Pass classical_bounds(const DesignSpec& s, const ClassicalBoundary& c, double drift) {
  std::vector<double> b;
  if (s.binding_futility()) {
    b = classical_efficacy(s, c, [&](const std::vector<double>& eff) {
      return rule_futility(s, drift, eff);
    });
  } else {
    b = classical_efficacy(s, c);
  }
  return pass_with(s, drift, &b, rule_futility(s, drift, b));
}

// The futility key the user gave: a fixed-z rule may come from hazard ratios
// or from estimates on an endpoint's scale (converted to z at load).
numerics::FieldPath fixed_futility_path(const FutilitySpec& f) {
  if (!f.hazard_ratios.empty()) return {"futility", "hazard_ratio"};
  if (!f.effects.empty()) return {"futility", "effect"};
  return {"futility", "z"};
}

std::string fixed_futility_input(const FutilitySpec& f) {
  const std::vector<double>& given = !f.hazard_ratios.empty() ? f.hazard_ratios
                                     : !f.effects.empty()     ? f.effects
                                                              : f.values;
  std::string text = "[";
  for (std::size_t k = 0; k < given.size(); ++k) {
    if (k > 0) text += ", ";
    text += numerics::format_input(given[k]);
  }
  return text + "]";
}

// Binding fixed futility bounds do not move with the drift: when they stop
// so many trials under H0 that the efficacy bounds cannot spend alpha, no
// drift helps, and the bounds are the input to change (rpact 3.3.4 refuses
// them too: "futilityBounds too extreme", "critical values cannot be
// calculated").
void require_reachable_alpha(const DesignSpec& s, const Pass& p) {
  if (!(p.final_shortfall < 0.0)) return;
  const FutilitySpec& f = *s.futility;
  throw numerics::InvalidInput(
      fixed_futility_path(f), fixed_futility_input(f),
      "binding, stops the trial under H0 so often that the efficacy bounds can spend at most " +
          numerics::format_value(p.reachable_alpha) + " of their alpha " +
          numerics::format_value(s.alpha_per_side()) +
          "; lower the bounds or make them non-binding (\"binding\": false)");
}

// The key and value of a futility rule as the user gave them.
numerics::FieldPath rule_path(const FutilitySpec& f) {
  switch (f.rule) {
    case FutilityRule::kConditionalPower:
      return {"futility", "conditional_power"};
    case FutilityRule::kPampallonaTsiatis:
      return {"futility", "parameter"};
    default:
      return fixed_futility_path(f);
  }
}

std::string rule_input(const FutilitySpec& f) {
  if (f.rule == FutilityRule::kConditionalPower || f.rule == FutilityRule::kPampallonaTsiatis) {
    return numerics::format_input(f.parameter);
  }
  return fixed_futility_input(f);
}

// The drift search ends where the deficit changes sign; with binding bounds
// that can be the jump from 'region closed' to a power already past 1 - beta
// (conditional power 0.8 at looks 0.4, 0.7: just past the least drift whose
// bounds leave the efficacy bounds their alpha the power is 0.85), where no
// design has power 1 - beta. A true root leaves a deficit of the integration's
// error, far below this.
constexpr double kDriftRootMiss = 1e-6;

template <class Deficit>
void require_power_reached(const DesignSpec& s, double drift, Deficit deficit) {
  if (std::fabs(deficit(drift)) <= kDriftRootMiss) return;
  const FutilitySpec& f = *s.futility;
  throw numerics::InvalidInput(
      rule_path(f), rule_input(f),
      "binding, gives no design with power 1 - beta = " + numerics::format_value(1.0 - s.beta) +
          ": at every drift its bounds leave the efficacy bounds short of alpha or give more "
          "power; change the rule or make it non-binding (\"binding\": false)");
}

}  // namespace

SolvedBounds solve_futility_rule(const DesignSpec& s, std::optional<double> given) {
  const auto* c = std::get_if<ClassicalBoundary>(&s.efficacy);
  auto bounds_at = [&](double drift) {
    return c ? classical_bounds(s, *c, drift) : spending_bounds(s, drift);
  };
  // Where binding bounds close the H0 region the drift is on the wrong side
  // of the root: a conditional-power bound falls as the drift grows, so the
  // region closes at too small a drift (and the search must go up); the
  // other rules' bounds rise with the drift, so it closes at too large a one.
  const double closed = s.futility->rule == FutilityRule::kConditionalPower ? 1.0 : -1.0;
  auto deficit = [&](double drift) {
    const Pass p = bounds_at(drift);
    if (p.final_shortfall < 0.0) return closed;
    std::vector<double> lower(p.efficacy.size(), -kInf);
    for (std::size_t k = 0; k < lower.size(); ++k) {
      lower[k] = std::min(std::max(p.futility[k], p.harm[k]), p.efficacy[k]);
    }
    const numerics::StoppingRegions r{lower, p.efficacy, {}};
    return (1.0 - s.beta) -
           exit_probabilities(s.information_fractions, r, drift, s.solver).total_upper();
  };
  SolvedBounds out;
  if (!given && s.binding_futility() && s.futility->rule == FutilityRule::kFixedZ) {
    require_reachable_alpha(s, bounds_at(fixed_drift(s)));
  }
  out.drift = given ? *given : detail::find_root_drift(deficit, fixed_drift(s), s.solver);
  if (!given && s.binding_futility()) require_power_reached(s, out.drift, deficit);
  out.pass = bounds_at(out.drift);
  return out;
}

}  // namespace gsd::spending::detail
