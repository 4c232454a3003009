#include "design_solvers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "bound_search.hpp"
#include "classical.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::spending::detail {

using numerics::ExitProbabilities;
using numerics::SequentialIntegrator;
using numerics::StoppingRegions;
using numerics::exit_probabilities;
using numerics::normal_upper_quantile;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool two_sided(const DesignSpec& s) { return s.sided == Sidedness::kTwoSidedSymmetric; }

StoppingRegions regions_of(const DesignSpec& s, const Pass& p) {
  const std::size_t k_max = p.efficacy.size();
  StoppingRegions r{std::vector<double>(k_max, -kInf), p.efficacy, {}};
  if (two_sided(s) && s.futility) r.inner.assign(k_max, 0.0);
  for (std::size_t k = 0; k < k_max; ++k) {
    if (two_sided(s)) {
      r.lower[k] = -p.efficacy[k];
      // The futility region -a < Z_k < a of rpact's sided = 2.
      if (!r.inner.empty() && k + 1 < k_max) r.inner[k] = std::max(0.0, p.futility[k]);
    } else {
      r.lower[k] = std::max(k + 1 < k_max ? p.futility[k] : -kInf, p.harm[k]);
      r.lower[k] = std::min(r.lower[k], r.upper[k]);
    }
  }
  return r;
}

double power_of(const DesignSpec& s, const Pass& p, double drift) {
  return exit_probabilities(s.information_fractions, regions_of(s, p), drift, s.solver)
      .total_upper();
}

// States of an H0 recursion before each look through the given bounds.
std::vector<SequentialIntegrator> record_null_path(const DesignSpec& s,
                                                   const std::vector<double>& b) {
  std::vector<SequentialIntegrator> states;
  SequentialIntegrator h0(s.solver);
  const auto& t = s.information_fractions;
  for (std::size_t k = 0; k < t.size(); ++k) {
    states.push_back(h0);
    if (k + 1 < t.size()) h0.advance(t[k], 0.0, two_sided(s) ? -b[k] : -kInf, b[k], t[k + 1]);
  }
  return states;
}

// Exit probabilities under a constant drift from the recorded H0 states.
ExitProbabilities tilted_exits(const DesignSpec& s, const std::vector<SequentialIntegrator>& states,
                               const std::vector<double>& b, double drift) {
  const auto& t = s.information_fractions;
  ExitProbabilities e;
  e.upper.resize(t.size());
  e.lower.assign(t.size(), 0.0);
  for (std::size_t k = 0; k < t.size(); ++k) {
    e.upper[k] = states[k].next_upper_tail_tilted(t[k], drift, b[k]);
    if (two_sided(s)) e.lower[k] = states[k].next_lower_tail_tilted(t[k], drift, -b[k]);
  }
  return e;
}

// Upper-side power under a constant drift from the recorded H0 states, and
// its derivative in the drift.
std::pair<double, double> tilted_power(const DesignSpec& s,
                                       const std::vector<SequentialIntegrator>& states,
                                       const std::vector<double>& b, double drift) {
  const auto& t = s.information_fractions;
  double power = 0.0;
  double derivative = 0.0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    const auto tail = states[k].next_upper_tail_tilted_and_derivative(t[k], drift, b[k]);
    power += tail.p;
    derivative += tail.derivative;
  }
  return {power, derivative};
}

const ClassicalBoundary* classical(const DesignSpec& s) {
  return std::get_if<ClassicalBoundary>(&s.efficacy);
}

// Bounds that do not depend on the drift: the efficacy bound (given or
// spent) and the harm bound, with every futility bound absent.
Pass drift_free_pass(const DesignSpec& s, std::vector<SequentialIntegrator>* states = nullptr) {
  const std::vector<double> none(s.information_fractions.size(), -kInf);
  std::vector<double> given;
  PassInput in;
  in.futility = &none;
  in.states = states;
  if (const auto* c = classical(s)) {
    given = classical_efficacy(s, *c);
    in.efficacy = &given;
  }
  return run_pass(s, in);
}

// rpact 3.3.4's sided = 2 (getDesignGroupSequentialBetaSpendingTwoSidedCpp)
// has no futility bound at a look where the one-sided design at alpha / 2
// has a negative one (|z| < a cannot hold the beta spent there), and, with
// its default betaAdjustment, spends beta from the first look that has one:
// beta_k = (B(t_k) - B(t_m-1)) / (B(1) - B(t_m-1)) B(1) from that look m on,
// 0 before. The same here: those looks' futility switched off, and the beta
// function replaced by that user spending through the looks.
DesignSpec two_sided_beta_rule(const DesignSpec& s) {
  DesignSpec one = s;
  one.sided = Sidedness::kOneSided;
  one.alpha = s.alpha / 2.0;
  // Solved directly, not by compute_design: its limit on alpha is the
  // two-sided total's, which s has passed; alpha / 2 per side is what the
  // two-sided design itself solves.
  const std::vector<double> futility = solve_beta_spending(one, std::nullopt).pass.futility;
  const std::size_t k_max = s.information_fractions.size();
  DesignSpec out = s;
  std::optional<std::size_t> first;
  for (std::size_t k = 0; k + 1 < k_max; ++k) {
    if (!s.futility_stop(k) || !std::isfinite(futility[k])) continue;
    if (futility[k] < 0.0) {
      if (out.futility_stops.empty()) out.futility_stops.assign(k_max, true);
      out.futility_stops[k] = false;
    } else if (!first) {
      first = k;
    }
  }
  if (!first || *first == 0) return out;
  const SpendingFunction& f = s.futility->spending;
  std::vector<double> times;
  std::vector<double> cumulative;
  const double before = spent(f, s.beta, s.spending_at(*first - 1));
  for (std::size_t k = 0; k < k_max; ++k) {
    times.push_back(s.spending_at(k));
    const double b = k < *first ? 0.0 : (spent(f, s.beta, times[k]) - before) / (s.beta - before);
    cumulative.push_back(std::clamp(b, 0.0, 1.0));
  }
  out.futility->spending = SpendingFunction::user(times, cumulative);
  return out;
}

}  // namespace

double fixed_drift(const DesignSpec& s) {
  return normal_upper_quantile(s.alpha_per_side()) + normal_upper_quantile(s.beta);
}

SolvedBounds solve_without_futility(const DesignSpec& s, std::optional<double> given) {
  SolvedBounds out;
  if (s.harm) {
    out.pass = drift_free_pass(s);
    auto deficit = [&](double drift) { return (1.0 - s.beta) - power_of(s, out.pass, drift); };
    out.drift = given ? *given : find_root_drift(deficit, fixed_drift(s), s.solver);
    return out;
  }
  // Without lower bounds other than a symmetric one, the H0 states before each
  // look serve every drift by tilting.
  std::vector<SequentialIntegrator> states;
  if (classical(s)) {
    out.pass = drift_free_pass(s);
    states = record_null_path(s, out.pass.efficacy);
  } else {
    out.pass = drift_free_pass(s, &states);
  }
  const std::vector<double>& b = out.pass.efficacy;
  auto deficit = [&](double drift) {
    return (1.0 - s.beta) - tilted_exits(s, states, b, drift).total_upper();
  };
  auto deficit_and_derivative = [&](double drift) {
    const auto [power, derivative] = tilted_power(s, states, b, drift);
    return std::pair{(1.0 - s.beta) - power, -derivative};
  };
  // A group-sequential design never has more power than the fixed design at
  // the same drift, so the fixed drift is a lower end of the bracket.
  out.drift = given ? *given
                    : find_drift_newton(deficit_and_derivative, deficit, fixed_drift(s), s.solver);
  out.null = tilted_exits(s, states, b, 0.0);
  out.alternative = tilted_exits(s, states, b, out.drift);
  return out;
}

SolvedBounds solve_beta_spending(const DesignSpec& spec, std::optional<double> given) {
  const DesignSpec s = two_sided(spec) ? two_sided_beta_rule(spec) : spec;
  // Efficacy bounds that do not depend on the drift are solved once.
  std::optional<std::vector<double>> fixed;
  if (const auto* c = classical(s)) {
    fixed = classical_efficacy(s, *c);
  } else if (!s.binding_futility()) {
    fixed = drift_free_pass(s).efficacy;
  }
  auto pass_at = [&](double drift) {
    PassInput in;
    in.drift = drift;
    if (fixed) in.efficacy = &*fixed;
    return run_pass(s, in);
  };
  // Beta-spending: the drift at which the final futility and efficacy bounds
  // meet gives power exactly 1 - beta (rpact typeBetaSpending; gsDesign gsDesign()).
  SolvedBounds out;
  auto shortfall = [&](double drift) { return pass_at(drift).final_shortfall; };
  // At a given drift the final bounds need not meet: the power is what the
  // bounds give (gsDesign's gsDesign with n.I given).
  out.drift = given ? *given : find_root_drift(shortfall, fixed_drift(s), s.solver);
  out.pass = pass_at(out.drift);
  if (two_sided(s) && !given) {
    // Two-sided, the bounds met where the futility regions hold beta; the
    // drift reported is the one giving upper-side power 1 - beta through
    // those bounds (rpact 3.3.4: getDesignGroupSequential sets the bounds,
    // getDesignCharacteristics the shift, twoSidedPower = FALSE). The two
    // differ by the H1 probability of rejecting below -b (1e-6 for
    // O'Brien-Fleming bounds at drift 3).
    auto deficit = [&](double drift) { return (1.0 - s.beta) - power_of(s, out.pass, drift); };
    out.drift = find_root_drift(deficit, fixed_drift(s), s.solver);
  }
  return out;
}

}  // namespace gsd::spending::detail
