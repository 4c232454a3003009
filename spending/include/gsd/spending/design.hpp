#pragma once
// A solved group-sequential design: boundaries, crossing probabilities under
// H0 and H1, and the drift that gives power 1 - beta.
#include <optional>
#include <span>
#include <vector>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/spending/design_spec.hpp"

namespace gsd::spending {

struct Design {
  DesignSpec spec;
  // Upper (efficacy) z bound per look; +infinity where a look spends nothing.
  // Two-sided designs also reject below -efficacy[k].
  std::vector<double> efficacy;
  // Futility z bound per look, absent where there is none (always at the final
  // look, where the efficacy bound decides).
  std::vector<std::optional<double>> futility;
  // Harm z bound per look (a lower bound that rejects in favour of control),
  // absent where the design has none.
  std::vector<std::optional<double>> harm;

  // Under H0, with the futility bound only if binding: the type I error spent.
  numerics::ExitProbabilities null;
  // Under H1 (means drift * sqrt(t_k)), futility bounds in force; lower holds
  // every lower exit (futility and harm).
  numerics::ExitProbabilities alternative;
  // P(first exit through the harm bound at look k): under H0 as the harm
  // alpha was spent (futility only if binding), and under H1 with every bound
  // in force. Empty without a harm bound.
  std::vector<double> harm_null;
  std::vector<double> harm_alternative;

  double drift = 0.0;             // theta sqrt(I_max) giving power 1 - beta
  double inflation_factor = 1.0;  // I_max / I_fixed (J&T section 2.7)
  double power = 0.0;             // achieved 1 - beta (checks the solve)
  // Expected information as a fraction of I_max, futility bounds in force
  // (rpact's expectedInformationH0 / H1 divided by the maximum).
  double expected_fraction_null = 1.0;
  double expected_fraction_alternative = 1.0;
  // Expected information over a fixed design's (I_fixed, the one-look test
  // of the same alpha and power): the inflation factor times the expected
  // fraction; rpact's averageSampleNumber0 / averageSampleNumber1, and what
  // compares designs whose maxima differ (Jennison & Turnbull 2000, 2.7).
  double average_sample_number_null() const { return inflation_factor * expected_fraction_null; }
  double average_sample_number_alternative() const { return inflation_factor * expected_fraction_alternative; }

  // Regions used for power: efficacy, and below the highest of futility, harm
  // (or -efficacy two-sided).
  numerics::StoppingRegions regions() const;
  // Regions under H0 as the efficacy spending was computed (futility and harm
  // only if binding).
  numerics::StoppingRegions null_regions() const;
  // P(first exit through the futility bound) per look, from exits through
  // this design's regions and the harm exits among them (empty without a
  // harm bound): the inner region of a two-sided design, the lower exits less
  // the harm ones of a one-sided design.
  std::vector<double> futility_crossings(const numerics::ExitProbabilities& exits,
                                         std::span<const double> harm_exits) const;
  // Cumulative type I error by look, both sides for two-sided designs.
  std::vector<double> cumulative_alpha() const;
};

// Solves the design. Throws std::invalid_argument for an invalid spec and
// gsd::NumericalError if a bound or the drift cannot be found.
Design compute_design(const DesignSpec& spec);

// The design at a given drift instead of the drift giving power 1 - beta, as
// gsDesign's gsDesign(n.I = , maxn.IPlan = ) recomputes a design at the
// information actually planned (toInteger): the efficacy and harm bounds are
// as compute_design() gives them; beta-spending futility spends beta under
// this drift and the final futility bound is dropped (the efficacy bound
// decides); rule-based futility bounds (effect, conditional power,
// Pampallona-Tsiatis) are set at this drift. `power` is then whatever the
// bounds give at it. Throws std::invalid_argument for an invalid spec or a
// drift that is not positive and finite, gsd::NumericalError if a bound
// cannot be found.
Design design_at_drift(const DesignSpec& spec, double drift);

// Efficacy z bounds only, for a spec whose futility bound (if any) is
// non-binding: the bounds do not depend on the drift (a binding harm bound is
// spent under H0 and enters them without it), so the drift search of
// compute_design() is skipped. Monitoring calls this many times per look (the
// repeated p-value searches over alpha). Equals compute_design(spec).efficacy
// for such specs. Throws std::invalid_argument for an invalid spec or a
// binding futility bound, gsd::NumericalError if a bound cannot be found.
std::vector<double> efficacy_bounds(const DesignSpec& spec);

// Efficacy z bounds under H0 for a spec whose futility bound is binding and
// given as fixed z (FutilityRule::kFixedZ, no harm bound): the binding bounds
// end trials under H0, so the efficacy bounds count on them, but they do not
// depend on the drift either. Where the binding bounds close the continuation
// region before the final look (efficacy bounds fallen to them, at a large
// alpha), the looks from the one that closes it on are -infinity: no trial
// reaches them without having stopped. Like efficacy_bounds(), for any alpha
// the spec validates (below the design limit too: monitoring's repeated
// p-value searches to 1e-12). Throws std::invalid_argument for another spec.
std::vector<double> binding_efficacy_bounds(const DesignSpec& spec);

// Crossing probabilities of an already solved design for arbitrary per-look
// means E[Z_k] (for instance from a non-proportional-hazards survival model).
numerics::ExitProbabilities evaluate(const Design& design, std::span<const double> means);

// P(first exit through the harm bound at look k) for those means, every bound
// in force (zeros without a harm bound).
std::vector<double> harm_crossings(const Design& design, std::span<const double> means);

// P(first exit through the futility bound at look k) under H0, every bound
// in force (a non-binding one obeyed): how often a trial of an ineffective
// treatment stops for futility (rpact's futilityPerStage at theta = 0).
// Empty without a futility bound.
std::vector<double> futility_crossings_under_null(const Design& design);

// Rejection probability (upper crossings) for those means.
double power(const Design& design, std::span<const double> means);

}  // namespace gsd::spending
