#pragma once
// The input of a group-sequential design: error rates, looks and boundary
// families. Validated once, at construction time of a Design.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gsd/numerics/solver_options.hpp"
#include "gsd/spending/classical_boundary.hpp"
#include "gsd/spending/spending_function.hpp"

namespace gsd::spending {

enum class Sidedness {
  kOneSided,           // reject for large Z at level alpha
  // Reject for |Z| large; alpha is the total over both sides. A futility bound
  // c_k (beta spending only) stops the trial when |Z_k| < c_k, as rpact's
  // sided = 2 with typeBetaSpending: beta is spent under H1 by those stops,
  // and the power counts the upper side (twoSidedPower = FALSE).
  kTwoSidedSymmetric,
};

using EfficacyBoundary = std::variant<SpendingFunction, ClassicalBoundary>;

// How the futility bound at each look before the last is set.
enum class FutilityRule {
  // Beta spent by the futility bound (rpact typeBetaSpending, gsDesign test.type 3/4).
  kBetaSpending,
  // a_k = drift sqrt(t_k) - C0 t_k^(Delta0 - 1/2), meeting the efficacy bound at
  // the final look (Pampallona & Tsiatis 1994; rpact PT, deltaPT0). Needs the
  // pampallona-tsiatis efficacy boundary.
  kPampallonaTsiatis,
  // Given z bounds (rpact futilityBounds).
  kFixedZ,
  // a_k = e_k drift sqrt(t_k): the estimate at the bound is e_k times the effect
  // the design is powered for (a hazard ratio hr_k gives e_k = ln hr_k / ln hr_1).
  kEffectFraction,
  // a_k where the conditional power under the design alternative, to the final
  // analysis at its bound b_K, equals c (Lachin 2005, Stat. Med. 24:2747):
  // a_k = (b_K - drift (1 - t_k) + sqrt(1 - t_k) z_c) / sqrt(t_k), z_c = Phi^-1(c).
  kConditionalPower,
};

struct FutilitySpec {
  FutilitySpec() = default;
  // A beta-spending futility bound.
  FutilitySpec(SpendingFunction beta_spending, bool is_binding)
      : spending(std::move(beta_spending)), binding(is_binding) {}

  // Beta-spending function (kBetaSpending).
  SpendingFunction spending = SpendingFunction::lan_demets_obrien_fleming();
  // Binding: the efficacy bounds count on the trial stopping at the futility
  // bound (gsDesign test.type 3); non-binding ignores it under H0 (type 4).
  // Power is computed with the bound in force either way.
  bool binding = false;
  FutilityRule rule = FutilityRule::kBetaSpending;
  // Delta0 (kPampallonaTsiatis) or the conditional-power threshold c (kConditionalPower).
  double parameter = 0.0;
  // One value per look before the last: z (kFixedZ) or e_k (kEffectFraction).
  std::vector<double> values;
  // kFixedZ given as hazard ratios (one per look before the last): `values`
  // holds them as z at the planned events; monitoring converts them again at
  // the events actually observed.
  std::vector<double> hazard_ratios;
  // kFixedZ given as estimates on a normal or binary endpoint's own scale
  // (design.futility.effect, one per look before the last): `values` holds
  // them as z at the planned patients of each look.
  std::vector<double> effects;
};

// A lower bound that rejects H0 in favour of the control arm, with its own
// spending function and its own share of alpha: an asymmetric two-sided design
// (gsDesign test.type 5 and 6 with the lower bound spent under H0; SAS
// ALPHA(LOWER=, UPPER=)). The efficacy bound spends alpha - harm.alpha.
struct HarmSpec {
  SpendingFunction spending = SpendingFunction::lan_demets_obrien_fleming();
  double alpha = 0.0;
  // Binding: the efficacy bounds count on the trial stopping at the harm bound
  // (gsDesign test.type 5); non-binding computes them without it (type 6).
  // Either way the harm bound is computed with the efficacy bound in force.
  bool binding = false;
};

struct DesignSpec {
  // rpact's limit on the number of looks (getDesignGroupSequential, kMax <= 20)
  // is raised to 25, which still keeps the grid integration under a millisecond.
  static constexpr std::size_t kMaxLooks = 25;

  double alpha = 0.025;  // one-sided, or the two-sided total when two-sided
  Sidedness sided = Sidedness::kOneSided;
  double beta = 0.2;     // type II error defining the alternative
  std::vector<double> information_fractions{1.0};
  EfficacyBoundary efficacy = SpendingFunction::lan_demets_obrien_fleming();
  std::optional<FutilitySpec> futility;
  std::optional<HarmSpec> harm;
  // Per-look switches (empty: every look may stop). A look without efficacy
  // stopping has no efficacy bound and spends no alpha; what the function would
  // have spent there is carried forward to the next look that stops (gsDesign
  // testUpper, rpact's user spending with the same cumulative alpha). Futility
  // switches work alike for beta-spending, and remove a fixed bound.
  std::vector<bool> efficacy_stops;
  std::vector<bool> futility_stops;
  // Harm switches alike: a look without a harm bound spends no harm alpha and
  // carries it to the next look that has one (gsDesign's testLower); the
  // final look may be off, and what would be spent after the last look with
  // a harm bound is then not spent.
  std::vector<bool> harm_stops;
  // Spending time per look (empty: the information fractions): increasing,
  // ending at 1. Every spending function is evaluated at it (gsDesign usTime /
  // lsTime, lrstat spendingTime); the correlations still use the fractions.
  std::vector<double> spending_time;
  // Efficacy z bounds already used at the first looks (empty: none), for a
  // classical family monitored at observed information: its constant is
  // solved for the later looks alone, so that the bounds used and those to
  // come spend alpha together (a look's bound once used is not revised).
  // Spending families spend by their function at every look and take none.
  std::vector<double> held_efficacy;
  numerics::SolverOptions solver;

  // Throws numerics::InvalidInput with the field's path relative to the
  // design, e.g. {"information_fractions", 2}: "information_fractions[2] = 0.4
  // must be greater than the previous fraction 0.6".
  void validate() const;

  // alpha on the efficacy side: alpha, alpha / 2 when two-sided symmetric, or
  // alpha - harm.alpha with a harm bound.
  double alpha_per_side() const;

  bool efficacy_stop(std::size_t k) const { return efficacy_stops.empty() || efficacy_stops[k]; }
  bool futility_stop(std::size_t k) const { return futility_stops.empty() || futility_stops[k]; }
  bool harm_stop(std::size_t k) const { return harm_stops.empty() || harm_stops[k]; }
  // The time at which look k's spending functions are evaluated.
  double spending_at(std::size_t k) const {
    return spending_time.empty() ? information_fractions[k] : spending_time[k];
  }
  bool binding_futility() const { return futility && futility->binding; }
  bool binding_harm() const { return harm && harm->binding; }
};

}  // namespace gsd::spending
