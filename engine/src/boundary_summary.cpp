#include "gsd/boundary_summary.hpp"

#include <cmath>
#include <optional>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd {

namespace {

using spending::Design;
using spending::Sidedness;

std::vector<double> cumulative(const std::vector<double>& per_look) {
  std::vector<double> out(per_look.size());
  double sum = 0.0;
  for (std::size_t k = 0; k < per_look.size(); ++k) out[k] = sum += per_look[k];
  return out;
}

struct Crossings {
  std::vector<double> h0;
  std::vector<double> h1;
};

// Cumulative crossing probabilities of each kind of bound.
struct AllCrossings {
  Crossings efficacy, futility, harm, lower;
};

// `means`: E[Z_k] under H1, a plan's; none: the design's own alternative.
AllCrossings crossings(const Design& d, const std::optional<std::vector<double>>& means) {
  const auto& t = d.spec.information_fractions;
  const std::vector<double> zeros(t.size(), 0.0);
  const numerics::ExitProbabilities in_force = spending::evaluate(d, zeros);
  const std::vector<double> harm_h0 = spending::harm_crossings(d, zeros);
  numerics::ExitProbabilities h1 = d.alternative;
  std::vector<double> harm_h1 = d.harm_alternative;
  if (means) {
    h1 = spending::evaluate(d, *means);
    harm_h1 = spending::harm_crossings(d, *means);
  }
  AllCrossings c;
  c.efficacy = {cumulative(d.null.upper), cumulative(h1.upper)};
  c.futility = {cumulative(d.futility_crossings(in_force, harm_h0)),
                cumulative(d.futility_crossings(h1, harm_h1))};
  if (d.spec.harm) c.harm = {cumulative(d.harm_null), cumulative(harm_h1)};
  c.lower = {cumulative(d.null.lower), cumulative(h1.lower)};
  return c;
}

// The estimate at a bound of an endpoint's look, as its plan reports it.
std::optional<double> endpoint_effect(const endpoints::EndpointLook& look, BoundKind kind) {
  switch (kind) {
    case BoundKind::kEfficacy: return look.efficacy_effect;
    case BoundKind::kFutility: return look.futility_effect;
    case BoundKind::kHarm: return look.harm_effect;
    case BoundKind::kLower: return look.efficacy_effect_lower;
  }
  return std::nullopt;
}

}  // namespace

const char* bound_kind_name(BoundKind kind) noexcept {
  switch (kind) {
    case BoundKind::kEfficacy:
      return "efficacy";
    case BoundKind::kFutility:
      return "futility";
    case BoundKind::kHarm:
      return "harm";
    case BoundKind::kLower:
      return "lower";
  }
  return "efficacy";
}

std::vector<BoundSummaryRow> boundary_summary(const DesignResult& result) {
  if (result.simon) {
    throw numerics::InvalidInput({"design", "type"}, "\"simon-two-stage\"",
                                 "has no z bounds to summarise: its rules are responder counts, which "
                                 "gsd design prints without --summary");
  }
  const Design& d = result.boundaries;
  const auto& t = d.spec.information_fractions;
  const endpoints::EndpointPlan* endpoint = result.endpoint ? &result.endpoint->plan : nullptr;
  const survival::SurvivalPlan* plan = result.sample_size ? &result.sample_size->plan : nullptr;
  // H1: a plan's alternative at its sizes, not the design's drift. An
  // endpoint's drift at its patients; a survival plan's mean of Z at each
  // look (a classical method's, or the model's at the expected look times).
  std::optional<std::vector<double>> means;
  if (endpoint) {
    // The same drift as the design's: its own alternative, already integrated.
    if (std::fabs(endpoint->drift - d.drift) > 0.0) means = numerics::means_for_drift(t, endpoint->drift);
  } else if (plan && plan->looks.size() == t.size()) {
    means.emplace();
    for (const survival::SurvivalLook& look : plan->looks) means->push_back(look.method_mean_z.value_or(look.mean_z));
  }
  const AllCrossings c = crossings(d, means);
  const double r = result.sample_size ? result.sample_size->spec.allocation_ratio : 1.0;
  std::vector<BoundSummaryRow> rows;
  for (std::size_t k = 0; k < t.size(); ++k) {
    auto add = [&](BoundKind kind, double z, const Crossings& x) {
      BoundSummaryRow row;
      row.look = k + 1;
      row.bound = kind;
      row.information_fraction = t[k];
      row.z = z;
      // gsDesign's gsBoundSummary ("p (1-sided)"): the upper tail,
      // except for the lower bound of a symmetric two-sided design, whose
      // p is the lower tail (its side's nominal level, the efficacy row's).
      row.nominal_p = kind == BoundKind::kLower ? numerics::normal_upper_tail(-z)
                                                : numerics::normal_upper_tail(z);
      row.effect_fraction = z / (means ? (*means)[k] : d.drift * std::sqrt(t[k]));
      if (plan && k < plan->looks.size()) {
        const double events = static_cast<double>(plan->looks[k].events);
        row.events = plan->looks[k].events;
        row.hazard_ratio = std::exp(-z / std::sqrt(events * r / ((1.0 + r) * (1.0 + r))));
      }
      if (endpoint && k < endpoint->looks.size()) {
        row.patients = endpoint->looks[k].patients;
        row.effect = endpoint_effect(endpoint->looks[k], kind);
      }
      row.cumulative_h0 = x.h0[k];
      row.cumulative_h1 = x.h1[k];
      rows.push_back(row);
    };
    if (std::isfinite(d.efficacy[k])) add(BoundKind::kEfficacy, d.efficacy[k], c.efficacy);
    if (d.futility[k]) add(BoundKind::kFutility, *d.futility[k], c.futility);
    if (d.harm[k]) add(BoundKind::kHarm, *d.harm[k], c.harm);
    if (d.spec.sided == Sidedness::kTwoSidedSymmetric && std::isfinite(d.efficacy[k])) {
      add(BoundKind::kLower, -d.efficacy[k], c.lower);
    }
  }
  return rows;
}

}  // namespace gsd
