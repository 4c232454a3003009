#include "gsd/spending/leading_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <variant>

#include "forward_pass.hpp"

namespace gsd::spending {

std::optional<LeadingBounds> leading_bounds(const DesignSpec& spec, std::size_t looks) {
  spec.validate();
  const std::size_t k_max = spec.information_fractions.size();
  if (looks == 0 || looks > k_max) {
    throw std::invalid_argument("leading_bounds: looks = " + std::to_string(looks) + " must be in [1, " +
                                std::to_string(k_max) + "]");
  }
  if (!std::holds_alternative<SpendingFunction>(spec.efficacy) || spec.binding_harm()) return std::nullopt;
  if (spec.futility && (spec.futility->binding || spec.futility->rule != FutilityRule::kFixedZ)) {
    return std::nullopt;
  }
  // The pass without the futility bound: a non-binding one moves neither
  // the efficacy bounds nor the harm bound (compute_design solves them the
  // same way, efficacy_bounds too).
  DesignSpec without_futility = spec;
  without_futility.futility.reset();
  without_futility.futility_stops.clear();
  detail::PassInput in;
  in.looks = looks;
  const detail::Pass pass = detail::run_pass(without_futility, in);
  LeadingBounds out{pass.efficacy, std::vector<std::optional<double>>(looks, std::nullopt),
                    std::vector<std::optional<double>>(looks, std::nullopt)};
  for (std::size_t k = 0; k < looks; ++k) {
    if (spec.harm && std::isfinite(pass.harm[k])) out.harm[k] = pass.harm[k];
    // A fixed bound at each interim look that stops for futility, never
    // above that look's efficacy bound (rpact's rule); none at the final.
    if (spec.futility && k + 1 < k_max && spec.futility_stop(k)) {
      const double a = std::min(spec.futility->values[k], pass.efficacy[k]);
      if (std::isfinite(a)) out.futility[k] = a;
    }
  }
  return out;
}

}  // namespace gsd::spending
