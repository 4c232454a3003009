#include "gsd/boundary_summary.hpp"

#include <cmath>

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

AllCrossings crossings(const Design& d) {
  const auto& t = d.spec.information_fractions;
  const std::vector<double> zeros(t.size(), 0.0);
  const numerics::ExitProbabilities in_force = spending::evaluate(d, zeros);
  const std::vector<double> harm_h0 = spending::harm_crossings(d, zeros);
  AllCrossings c;
  c.efficacy = {cumulative(d.null.upper), cumulative(d.alternative.upper)};
  c.futility = {cumulative(d.futility_crossings(in_force, harm_h0)),
                cumulative(d.futility_crossings(d.alternative, d.harm_alternative))};
  if (d.spec.harm) c.harm = {cumulative(d.harm_null), cumulative(d.harm_alternative)};
  c.lower = {cumulative(d.null.lower), cumulative(d.alternative.lower)};
  return c;
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
  const Design& d = result.boundaries;
  const auto& t = d.spec.information_fractions;
  const AllCrossings c = crossings(d);
  const survival::SurvivalPlan* plan = result.sample_size ? &result.sample_size->plan : nullptr;
  const double r = result.sample_size ? result.sample_size->spec.allocation_ratio : 1.0;
  std::vector<BoundSummaryRow> rows;
  for (std::size_t k = 0; k < t.size(); ++k) {
    auto add = [&](BoundKind kind, double z, const Crossings& x) {
      BoundSummaryRow row;
      row.look = k + 1;
      row.bound = kind;
      row.information_fraction = t[k];
      row.z = z;
      row.nominal_p = numerics::normal_upper_tail(z);
      row.effect_fraction = z / (d.drift * std::sqrt(t[k]));
      if (plan && k < plan->looks.size()) {
        const double events = static_cast<double>(plan->looks[k].events);
        row.events = plan->looks[k].events;
        row.hazard_ratio = std::exp(-z / std::sqrt(events * r / ((1.0 + r) * (1.0 + r))));
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
