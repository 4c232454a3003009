#include "gsd/spending/design.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "bound_search.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/numerical_error.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::spending {

using numerics::ExitProbabilities;
using numerics::SequentialIntegrator;
using numerics::StoppingRegions;
using numerics::exit_probabilities;
using numerics::normal_upper_quantile;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool two_sided(const DesignSpec& s) { return s.sided == Sidedness::kTwoSidedSymmetric; }

// Cumulative type I error (both sides when two-sided) at fraction t. Two-sided
// designs spend alpha / 2 per side through the one-sided function, as rpact's
// sided = 2 does, so two-sided LD-OBF at 0.05 equals one-sided at 0.025.
double alpha_target(const DesignSpec& s, const SpendingFunction& f, double t) {
  if (two_sided(s)) return 2.0 * spent(f, s.alpha / 2.0, t);
  return spent(f, s.alpha, t);
}

struct Pass {
  std::vector<double> efficacy;
  std::vector<double> futility;  // -inf where none
  double final_shortfall = 0.0;  // P1(continue, Z_K < b_K) - remaining beta
};

// One forward pass over the looks: efficacy bounds under H0 (unless given) and,
// with futility, beta-spending futility bounds under H1 at this drift.
// states, when given, receives the H0 integrator as it stands before each look
// (used to tilt the H0 recursion to any drift without re-integrating).
Pass run_pass(const DesignSpec& s, double drift, const std::vector<double>* fixed_efficacy,
              std::vector<SequentialIntegrator>* states = nullptr) {
  const auto& t = s.information_fractions;
  const std::size_t k_max = t.size();
  const bool binding = s.futility && s.futility->binding;
  SequentialIntegrator h0(s.solver);
  SequentialIntegrator h1(s.solver);
  Pass out{std::vector<double>(k_max), std::vector<double>(k_max, -kInf), 0.0};
  double prev_alpha = 0.0;
  double prev_beta = 0.0;
  for (std::size_t k = 0; k < k_max; ++k) {
    const bool last = k + 1 == k_max;
    if (states) states->push_back(h0);
    double b;
    if (fixed_efficacy) {
      b = (*fixed_efficacy)[k];
    } else {
      const auto& f = std::get<SpendingFunction>(s.efficacy);
      const double cumulative = alpha_target(s, f, t[k]);
      if (binding && !(cumulative - prev_alpha < h0.continuation_mass())) {
        // At this drift the binding futility bounds have closed the
        // continuation region under H0: the drift is far too large, which the
        // drift search reads from a negative shortfall.
        out.final_shortfall = -1.0;
        out.efficacy.resize(k);
        return out;
      }
      b = solve_efficacy_bound(h0, t[k], cumulative - prev_alpha, two_sided(s));
      prev_alpha = cumulative;
    }
    out.efficacy[k] = b;
    const double mean = drift * std::sqrt(t[k]);
    if (s.futility) {
      const double cumulative_beta = spent(s.futility->spending, s.beta, t[k]);
      if (last) {
        out.final_shortfall = h1.next_lower_tail(t[k], mean, b) - (s.beta - prev_beta);
      } else {
        out.futility[k] =
            solve_futility_bound(h1, t[k], mean, b, cumulative_beta - prev_beta);
      }
      prev_beta = cumulative_beta;
    }
    if (last) break;
    const double a = out.futility[k];
    if (!fixed_efficacy) {
      h0.advance(t[k], 0.0, two_sided(s) ? -b : (binding ? a : -kInf), b, t[k + 1]);
    }
    if (s.futility) h1.advance(t[k], mean, a, b, t[k + 1]);
  }
  return out;
}

std::vector<double> classical_efficacy(const DesignSpec& s, const ClassicalBoundary& c) {
  const auto& t = s.information_fractions;
  const std::size_t k_max = t.size();
  if (c.family() == ClassicalFamily::kHaybittlePeto) {
    // Interim bounds fixed at p; the final bound spends exactly what is left.
    std::vector<double> b(k_max, c.parameter());
    SequentialIntegrator h0(s.solver);
    double used = 0.0;
    for (std::size_t k = 0; k + 1 < k_max; ++k) {
      used += h0.next_upper_tail(t[k], 0.0, b[k]);
      if (two_sided(s)) used += h0.next_lower_tail(t[k], 0.0, -b[k]);
      h0.advance(t[k], 0.0, two_sided(s) ? -b[k] : -kInf, b[k], t[k + 1]);
    }
    if (!(used < s.alpha)) {
      throw numerics::InvalidInput({"efficacy", "parameter"}, numerics::format_value(c.parameter()),
                                   "spends " + numerics::format_value(used) +
                                       " at the interims, not less than alpha = " +
                                       numerics::format_value(s.alpha) + "; raise the interim z");
    }
    b.back() = solve_efficacy_bound(h0, t.back(), s.alpha - used, two_sided(s));
    return b;
  }
  // Wang & Tsiatis (1987): c_k = C t_k^(Delta - 1/2), C solved so that the total
  // crossing probability under H0 is alpha (J&T section 2.7.1).
  std::vector<double> shape(k_max);
  double max_shape = 0.0;
  for (std::size_t k = 0; k < k_max; ++k) {
    shape[k] = std::pow(t[k], c.parameter() - 0.5);
    max_shape = std::max(max_shape, shape[k]);
  }
  auto bounds = [&](double scale) {
    std::vector<double> b(k_max);
    for (std::size_t k = 0; k < k_max; ++k) b[k] = scale * shape[k];
    return b;
  };
  auto excess = [&](double scale) {
    const std::vector<double> b = bounds(scale);
    StoppingRegions r{std::vector<double>(k_max, -kInf), b};
    if (two_sided(s)) {
      for (std::size_t k = 0; k < k_max; ++k) r.lower[k] = -b[k];
    }
    const ExitProbabilities e = exit_probabilities(t, r, 0.0, s.solver);
    return std::log(e.total_upper() + e.total_lower()) - std::log(s.alpha);
  };
  // 37 / max shape puts every bound at z <= 37, where nothing is spent.
  const double scale =
      detail::find_root(excess, 0.0, 37.0 / max_shape, s.solver, "the classical constant C");
  return bounds(scale);
}

double fixed_drift(const DesignSpec& s) {
  return normal_upper_quantile(s.alpha_per_side()) + normal_upper_quantile(s.beta);
}

// f(fixed drift) is >= 0 in exact arithmetic (below); a value under zero by
// no more than this is rounding in the integration, and the fixed drift is
// the root. It happens with one look, whose design is the fixed design: for
// alpha 0.05 two-sided and beta 0.16, f(lo) = -1.1e-16.
constexpr double kDriftRoundingSlack = 1e-12;

// Finds the drift where f (decreasing in the drift) crosses zero, starting
// from `lo`, where f(lo) >= 0, and growing the upper end until f changes sign.
template <class F>
double solve_drift(F f, double lo, const numerics::SolverOptions& options) {
  const double f_lo = f(lo);
  if (f_lo <= 0.0 && f_lo >= -kDriftRoundingSlack) return lo;
  double hi = 1.25 * lo;
  double f_hi = f(hi);
  // Each step multiplies the bracket by 1.25; 60 steps reach 6e5 times the
  // fixed-design drift, beyond which the design is degenerate.
  for (int i = 0; i < 60 && f_hi > 0.0; ++i) {
    hi *= 1.25;
    f_hi = f(hi);
  }
  return detail::find_root(f, lo, hi, f_lo, f_hi, options, "the drift");
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

// Power 1 - beta without futility: drift found on the tilted H0 recursion.
void solve_without_futility(const DesignSpec& s, const std::vector<double>& b,
                            const std::vector<SequentialIntegrator>& states, Design& d) {
  auto deficit = [&](double drift) {
    return (1.0 - s.beta) - tilted_exits(s, states, b, drift).total_upper();
  };
  // A group-sequential design never has more power than the fixed design at
  // the same drift, so the fixed drift is a lower end of the bracket.
  const double lo = fixed_drift(s);
  d.drift = solve_drift(deficit, lo, s.solver);
  d.null = tilted_exits(s, states, b, 0.0);
  d.alternative = tilted_exits(s, states, b, d.drift);
}

}  // namespace

StoppingRegions Design::regions() const {
  const std::size_t k_max = efficacy.size();
  StoppingRegions r{std::vector<double>(k_max, -kInf), efficacy};
  for (std::size_t k = 0; k < k_max; ++k) {
    if (spec.sided == Sidedness::kTwoSidedSymmetric) {
      r.lower[k] = -efficacy[k];
    } else if (futility[k]) {
      r.lower[k] = *futility[k];
    }
  }
  return r;
}

StoppingRegions Design::null_regions() const {
  StoppingRegions r = regions();
  if (spec.sided == Sidedness::kOneSided && !(spec.futility && spec.futility->binding)) {
    for (double& a : r.lower) a = -kInf;
  }
  return r;
}

std::vector<double> Design::cumulative_alpha() const {
  std::vector<double> out = null.cumulative_upper();
  if (spec.sided == Sidedness::kTwoSidedSymmetric) {
    const std::vector<double> lower = null.cumulative_lower();
    for (std::size_t k = 0; k < out.size(); ++k) out[k] += lower[k];
  }
  return out;
}

Design compute_design(const DesignSpec& spec) {
  spec.validate();
  Design d;
  d.spec = spec;
  const auto& t = spec.information_fractions;
  const std::size_t k_max = t.size();
  const bool binding = spec.futility && spec.futility->binding;

  // Efficacy bounds that do not depend on the drift are solved once.
  // Without futility the H0 states before each look are kept for tilting.
  std::optional<std::vector<double>> fixed;
  std::vector<SequentialIntegrator> states;
  if (const auto* c = std::get_if<ClassicalBoundary>(&spec.efficacy)) {
    fixed = classical_efficacy(spec, *c);
    if (!spec.futility) states = record_null_path(spec, *fixed);
  } else if (!binding) {
    fixed = run_pass(spec, 0.0, nullptr, spec.futility ? nullptr : &states).efficacy;
  }
  const std::vector<double>* fixed_ptr = fixed ? &*fixed : nullptr;

  if (!spec.futility) {
    d.efficacy = *fixed;
    d.futility.assign(k_max, std::nullopt);
    solve_without_futility(spec, d.efficacy, states, d);
    d.expected_fraction_null = d.null.expected_fraction(t);
  } else {
    // Beta-spending: the drift at which the final futility and efficacy bounds
    // meet gives power exactly 1 - beta (rpact typeBetaSpending; gsDesign gsDesign()).
    auto shortfall = [&](double drift) { return run_pass(spec, drift, fixed_ptr).final_shortfall; };
    const double lo = fixed_drift(spec);
    d.drift = solve_drift(shortfall, lo, spec.solver);
    const Pass pass = run_pass(spec, d.drift, fixed_ptr);
    d.efficacy = pass.efficacy;
    d.futility.assign(k_max, std::nullopt);
    for (std::size_t k = 0; k + 1 < k_max; ++k) {
      if (std::isfinite(pass.futility[k])) d.futility[k] = pass.futility[k];
    }
    d.null = exit_probabilities(t, d.null_regions(), 0.0, spec.solver);
    d.alternative = exit_probabilities(t, d.regions(), d.drift, spec.solver);
    d.expected_fraction_null =
        exit_probabilities(t, d.regions(), 0.0, spec.solver).expected_fraction(t);
  }
  d.power = d.alternative.total_upper();
  d.inflation_factor = std::pow(d.drift / fixed_drift(spec), 2);
  d.expected_fraction_alternative = d.alternative.expected_fraction(t);
  return d;
}

std::vector<double> efficacy_bounds(const DesignSpec& spec) {
  spec.validate();
  if (spec.futility && spec.futility->binding) {
    throw std::invalid_argument(
        "futility.binding = true: efficacy bounds depend on the binding futility bound; use "
        "compute_design()");
  }
  if (const auto* c = std::get_if<ClassicalBoundary>(&spec.efficacy)) {
    return classical_efficacy(spec, *c);
  }
  DesignSpec efficacy_only = spec;
  efficacy_only.futility.reset();
  return run_pass(efficacy_only, 0.0, nullptr).efficacy;
}

ExitProbabilities evaluate(const Design& design, std::span<const double> means) {
  return exit_probabilities(design.spec.information_fractions, design.regions(), means,
                            design.spec.solver);
}

double power(const Design& design, std::span<const double> means) {
  return evaluate(design, means).total_upper();
}

}  // namespace gsd::spending
