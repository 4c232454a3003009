#pragma once
// A bound-by-bound summary of a design in the manner of gsDesign's
// gsBoundSummary: for each look and each bound (efficacy, futility, harm, or
// the lower bound of a symmetric two-sided design) the z value, its nominal
// one-sided p-value, the effect at the bound, and the cumulative probability
// of crossing that bound under H0 and under H1.
#include <optional>
#include <vector>

#include "gsd/design.hpp"

namespace gsd {

enum class BoundKind { kEfficacy, kFutility, kHarm, kLower };

struct BoundSummaryRow {
  std::size_t look = 0;  // 1-based
  BoundKind bound = BoundKind::kEfficacy;
  double information_fraction = 0.0;
  std::optional<long long> events;  // survival plans: the look's planned events
  double z = 0.0;
  // Under H0, as gsBoundSummary's "p (1-sided)": P(Z >= z), but P(Z <= z) on
  // the lower bound of a symmetric two-sided design (BoundKind::kLower).
  double nominal_p = 0.0;
  // z / E[Z_k] under H1 below: for a log-rank test or a z test of a mean,
  // the estimate at the bound as a fraction of the effect H1 assumes; where
  // the estimate's variance depends on the effect (rates, the t test) only
  // close to it.
  double effect_fraction = 0.0;
  // Survival plans: the observed hazard ratio at the bound,
  // exp(-z / sqrt(d r / (1 + r)^2)) (Schoenfeld's information).
  std::optional<double> hazard_ratio;
  // Normal and binary endpoints: the look's planned patients and the
  // estimate at the bound on the endpoint's own scale (a mean difference,
  // mean, rate difference, risk ratio or rate; endpoints/effect_scale.hpp),
  // as sample_size.looks[].efficacy_effect / futility_effect.
  std::optional<double> patients;
  std::optional<double> effect;
  // P(crossing this bound by this look): under H0 as the bound's error was
  // spent (efficacy: non-binding lower bounds ignored; futility and harm:
  // every bound in force), and under H1 (drift) with every bound in force.
  // H1 is the design's drift, or a plan's alternative at its sizes: an
  // endpoint's drift at the patients given or solved for, or a survival
  // plan's mean of Z at each look: a classical method's (the crossings of its
  // power), else the model's at the expected look times (those of
  // power_fixed_times).
  double cumulative_h0 = 0.0;
  double cumulative_h1 = 0.0;
};

// "efficacy", "futility", "harm", "lower": the bound's name in the output.
const char* bound_kind_name(BoundKind kind) noexcept;

// Rows by look, then efficacy, futility, harm / lower. Looks without a bound of
// a kind have no row for it.
std::vector<BoundSummaryRow> boundary_summary(const DesignResult& result);

}  // namespace gsd
