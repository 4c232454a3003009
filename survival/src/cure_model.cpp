// Mixture cure model: Boag (1949) JRSS B 11:15; Berkson & Gage (1952) JASA 47:501.
#include "gsd/survival/cure_model.hpp"

#include <cmath>
#include <utility>

#include "check.hpp"

namespace gsd::survival {

CureModel::CureModel(double cure_fraction, Latency latency)
    : cure_fraction_(cure_fraction), latency_(std::move(latency)) {
  if (!(cure_fraction >= 0.0 && cure_fraction < 1.0)) {
    detail::fail("cure_fraction", cure_fraction, "must lie in [0, 1)");
  }
}

double CureModel::survival(double t) const {
  return cure_fraction_ + (1.0 - cure_fraction_) * latency_.survival(t);
}

double CureModel::density(double t) const { return (1.0 - cure_fraction_) * latency_.density(t); }

double CureModel::hazard(double t) const {
  // h = (1 - pi) f_u / (pi + (1 - pi) S_u) = h_u / (1 + pi / ((1 - pi) S_u)).
  // Written with S_u explicitly so that far tails (S_u underflow) give 0, not NaN.
  const double su = latency_.survival(t);
  const double noncured_share = (1.0 - cure_fraction_) * su;
  const double total = cure_fraction_ + noncured_share;
  if (!(total > 0.0)) return latency_.hazard(t);
  return latency_.hazard(t) * (noncured_share / total);
}

CureModel CureModel::with_hazard_ratio_noncured(double hazard_ratio) const {
  return CureModel(cure_fraction_, latency_.with_hazard_ratio(hazard_ratio));
}

}  // namespace gsd::survival
