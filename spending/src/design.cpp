#include "gsd/spending/design.hpp"
#include "gsd/spending/design_limits.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "bound_search.hpp"
#include "classical.hpp"
#include "design_solvers.hpp"
#include "forward_pass.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/numerical_error.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::spending {

using numerics::ExitProbabilities;
using numerics::SequentialIntegrator;
using numerics::StoppingRegions;
using numerics::exit_probabilities;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<std::optional<double>> interim_bounds(const std::vector<double>& x) {
  std::vector<std::optional<double>> out(x.size(), std::nullopt);
  for (std::size_t k = 0; k + 1 < x.size(); ++k) {
    if (std::isfinite(x[k])) out[k] = x[k];
  }
  return out;
}

std::vector<std::optional<double>> all_bounds(const std::vector<double>& x) {
  std::vector<std::optional<double>> out(x.size(), std::nullopt);
  for (std::size_t k = 0; k < x.size(); ++k) {
    if (std::isfinite(x[k])) out[k] = x[k];
  }
  return out;
}

// P(first exit through `harm` at each look), continuing while
// lower < Z_k < upper (harm <= lower where both are set).
std::vector<double> harm_exits(const DesignSpec& s, const StoppingRegions& r,
                               const std::vector<std::optional<double>>& harm,
                               std::span<const double> means) {
  const auto& t = s.information_fractions;
  std::vector<double> out(t.size(), 0.0);
  SequentialIntegrator h(s.solver);
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (harm[k]) out[k] = h.next_lower_tail(t[k], means[k], std::min(*harm[k], r.upper[k]));
    if (k + 1 < t.size()) h.advance(t[k], means[k], r.lower[k], r.upper[k], t[k + 1]);
  }
  return out;
}

// Everything a solved design reports besides its bounds and drift.
void finish(Design& d, bool computed_exits) {
  const auto& s = d.spec;
  const auto& t = s.information_fractions;
  if (!computed_exits) {
    d.null = exit_probabilities(t, d.null_regions(), 0.0, s.solver);
    d.alternative = exit_probabilities(t, d.regions(), d.drift, s.solver);
  }
  if (s.harm) {
    StoppingRegions as_spent = d.regions();
    for (std::size_t k = 0; k < t.size(); ++k) {
      as_spent.lower[k] = d.harm[k].value_or(-kInf);
      if (s.binding_futility() && d.futility[k]) {
        as_spent.lower[k] = std::max(as_spent.lower[k], *d.futility[k]);
      }
    }
    d.harm_null = harm_exits(s, as_spent, d.harm, std::vector<double>(t.size(), 0.0));
    d.harm_alternative = harm_exits(s, d.regions(), d.harm, numerics::means_for_drift(t, d.drift));
  }
  d.power = d.alternative.total_upper();
  d.inflation_factor = std::pow(d.drift / detail::fixed_drift(s), 2);
  d.expected_fraction_alternative = d.alternative.expected_fraction(t);
  if (s.futility || s.harm) {
    d.expected_fraction_null = exit_probabilities(t, d.regions(), 0.0, s.solver).expected_fraction(t);
  } else {
    d.expected_fraction_null = d.null.expected_fraction(t);
  }
}

}  // namespace

StoppingRegions Design::regions() const {
  const std::size_t k_max = efficacy.size();
  StoppingRegions r{std::vector<double>(k_max, -kInf), efficacy, {}};
  const bool two_sided = spec.sided == Sidedness::kTwoSidedSymmetric;
  if (two_sided && spec.futility) r.inner.assign(k_max, 0.0);
  for (std::size_t k = 0; k < k_max; ++k) {
    if (two_sided) {
      r.lower[k] = -efficacy[k];
      if (spec.futility && futility.size() > k && futility[k]) r.inner[k] = *futility[k];
    } else {
      if (futility.size() > k && futility[k]) r.lower[k] = *futility[k];
      if (harm.size() > k && harm[k]) r.lower[k] = std::max(r.lower[k], *harm[k]);
    }
  }
  return r;
}

StoppingRegions Design::null_regions() const {
  StoppingRegions r = regions();
  if (spec.sided == Sidedness::kTwoSidedSymmetric) {
    if (!spec.binding_futility()) r.inner.clear();
    return r;
  }
  for (std::size_t k = 0; k < r.lower.size(); ++k) {
    double lower = -kInf;
    if (spec.binding_futility() && futility.size() > k && futility[k]) lower = *futility[k];
    if (spec.binding_harm() && harm.size() > k && harm[k]) lower = std::max(lower, *harm[k]);
    r.lower[k] = lower;
  }
  return r;
}

std::vector<double> Design::futility_crossings(const numerics::ExitProbabilities& exits,
                                               std::span<const double> harm_exits) const {
  if (!exits.inner.empty()) return exits.inner;
  std::vector<double> out(exits.lower.size(), 0.0);
  if (spec.sided == Sidedness::kTwoSidedSymmetric || !spec.futility) return out;
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k] = exits.lower[k] - (k < harm_exits.size() ? harm_exits[k] : 0.0);
  }
  return out;
}

std::vector<double> Design::cumulative_alpha() const {
  std::vector<double> out = null.cumulative_upper();
  if (spec.sided == Sidedness::kTwoSidedSymmetric) {
    const std::vector<double> lower = null.cumulative_lower();
    for (std::size_t k = 0; k < out.size(); ++k) out[k] += lower[k];
  }
  return out;
}

namespace {

Design solve(const DesignSpec& spec, std::optional<double> drift) {
  spec.validate();
  check_solvable(spec);
  Design d;
  d.spec = spec;
  detail::SolvedBounds solved;
  if (!spec.futility) {
    solved = detail::solve_without_futility(spec, drift);
  } else if (spec.futility->rule == FutilityRule::kBetaSpending) {
    solved = detail::solve_beta_spending(spec, drift);
  } else {
    solved = detail::solve_futility_rule(spec, drift);
  }
  if (solved.pass.efficacy.size() != spec.information_fractions.size()) {
    // Only at a given drift: binding lower bounds so high that they close the
    // continuation region under H0 before the final look.
    throw numerics::NumericalError("binding futility bounds at drift " +
                                       std::to_string(solved.drift) +
                                       " close the continuation region before the final look",
                                   solved.drift, 0.0, 0);
  }
  d.drift = solved.drift;
  d.efficacy = solved.pass.efficacy;
  d.futility = interim_bounds(solved.pass.futility);
  d.harm = spec.harm ? all_bounds(solved.pass.harm)
                     : std::vector<std::optional<double>>(d.efficacy.size(), std::nullopt);
  if (solved.null) {
    d.null = *solved.null;
    d.alternative = *solved.alternative;
  }
  finish(d, solved.null.has_value());
  return d;
}

}  // namespace

Design compute_design(const DesignSpec& spec) { return solve(spec, std::nullopt); }

Design design_at_drift(const DesignSpec& spec, double drift) {
  if (!std::isfinite(drift) || !(drift > 0.0)) {
    throw std::invalid_argument("drift = " + std::to_string(drift) + " must be positive and finite");
  }
  return solve(spec, drift);
}

std::vector<double> efficacy_bounds(const DesignSpec& spec) {
  spec.validate();
  if (spec.binding_futility()) {
    throw std::invalid_argument(
        "binding futility bound: efficacy bounds depend on it; use compute_design()");
  }
  if (const auto* c = std::get_if<ClassicalBoundary>(&spec.efficacy)) {
    return detail::classical_efficacy(spec, *c);
  }
  DesignSpec efficacy_only = spec;
  efficacy_only.futility.reset();
  efficacy_only.futility_stops.clear();
  return detail::run_pass(efficacy_only, {}).efficacy;
}

std::vector<double> binding_efficacy_bounds(const DesignSpec& spec) {
  spec.validate();
  if (!spec.binding_futility() || spec.futility->rule != FutilityRule::kFixedZ || spec.harm) {
    throw std::invalid_argument("binding_efficacy_bounds: needs a binding fixed-z futility bound and no harm bound");
  }
  // Any drift: fixed z bounds do not move with it, and the efficacy bounds
  // are spent under H0.
  std::vector<double> efficacy = detail::solve_futility_rule(spec, 1.0).pass.efficacy;
  efficacy.resize(spec.information_fractions.size(), -std::numeric_limits<double>::infinity());
  return efficacy;
}

ExitProbabilities evaluate(const Design& design, std::span<const double> means) {
  // Under H0 through the bounds in force, the design's null exits are the
  // answer when no non-binding bound sets the two apart: solved with the
  // design (by the H0 recursion of its drift search, or through its null
  // regions), they agree with a new integration to rounding.
  const bool null = means.size() == design.spec.information_fractions.size() &&
                    std::all_of(means.begin(), means.end(),
                                [](double m) { return std::fpclassify(m) == FP_ZERO; });
  if (null && design.null.upper.size() == means.size()) {
    const StoppingRegions in_force = design.regions();
    const StoppingRegions as_null = design.null_regions();
    if (in_force.lower == as_null.lower && in_force.upper == as_null.upper &&
        in_force.inner == as_null.inner) {
      return design.null;
    }
  }
  return exit_probabilities(design.spec.information_fractions, design.regions(), means,
                            design.spec.solver);
}

double power(const Design& design, std::span<const double> means) {
  return evaluate(design, means).total_upper();
}

std::vector<double> harm_crossings(const Design& design, std::span<const double> means) {
  if (!design.spec.harm) return std::vector<double>(means.size(), 0.0);
  return harm_exits(design.spec, design.regions(), design.harm, means);
}

std::vector<double> futility_crossings_under_null(const Design& design) {
  if (!design.spec.futility) return {};
  const std::vector<double> zeros(design.spec.information_fractions.size(), 0.0);
  return design.futility_crossings(evaluate(design, zeros), harm_crossings(design, zeros));
}

}  // namespace gsd::spending
