#pragma once
// Mixture cure model (Boag 1949; Berkson & Gage 1952): a fraction pi of the
// patients never has the event, the others follow the latency distribution,
//   S(t) = pi + (1 - pi) S_u(t).
// Cure fraction 0 gives the plain latency distribution.
#include "gsd/survival/latency.hpp"

namespace gsd::survival {

class CureModel {
 public:
  // Throws std::invalid_argument "cure_fraction = x must lie in [0, 1)".
  CureModel(double cure_fraction, Latency latency);

  double cure_fraction() const noexcept { return cure_fraction_; }
  const Latency& latency() const noexcept { return latency_; }

  double survival(double t) const;  // pi + (1 - pi) S_u(t)
  double density(double t) const;   // (1 - pi) f_u(t)
  // f(t) / S(t); tends to 0 as the noncured die out.
  double hazard(double t) const;
  // P(event ever) = 1 - pi.
  double events_limit() const noexcept { return 1.0 - cure_fraction_; }

  // Same cure fraction, latency hazards multiplied by hr (PH among noncured).
  CureModel with_hazard_ratio_noncured(double hazard_ratio) const;

 private:
  double cure_fraction_;
  Latency latency_;
};

}  // namespace gsd::survival
