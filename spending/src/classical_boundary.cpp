#include "gsd/spending/classical_boundary.hpp"

#include <cmath>
#include <stdexcept>

#include "gsd/numerics/check.hpp"

namespace gsd::spending {

using numerics::format_input;

ClassicalBoundary ClassicalBoundary::wang_tsiatis(double delta) {
  // J&T (2000) table 2.11 tabulates Delta in [0, 0.5]; values down to -0.5
  // (more conservative than OBF) and up to 1 remain well defined.
  if (!std::isfinite(delta) || delta < -0.5 || delta > 1.0) {
    throw numerics::InvalidInput({"parameter"}, format_input(delta),
                                 "must be a Delta in [-0.5, 1] for wang-tsiatis");
  }
  return {ClassicalFamily::kWangTsiatis, delta};
}

ClassicalBoundary ClassicalBoundary::pampallona_tsiatis(double delta) {
  if (!std::isfinite(delta) || delta < -0.5 || delta > 1.0) {
    throw numerics::InvalidInput({"parameter"}, format_input(delta),
                                 "must be a Delta in [-0.5, 1] for pampallona-tsiatis");
  }
  return {ClassicalFamily::kPampallonaTsiatis, delta};
}

ClassicalBoundary ClassicalBoundary::haybittle_peto(double interim_z) {
  if (!std::isfinite(interim_z) || interim_z < 1.0 || interim_z > 8.0) {
    throw numerics::InvalidInput({"parameter"}, format_input(interim_z),
                                 "must be an interim z bound in [1, 8] for haybittle-peto");
  }
  return {ClassicalFamily::kHaybittlePeto, interim_z};
}

}  // namespace gsd::spending
