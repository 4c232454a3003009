#pragma once
// The bounds of a design's first looks, solved without the looks after them.
//
// The forward pass (Armitage, McPherson & Rowe 1969; Jennison & Turnbull
// 2000, ch. 19) solves each look's bounds from the looks before it. Where no
// bound depends on the drift or on a later look, the first looks' bounds are
// those of the whole design, and a monitoring committee's (or a simulated
// trial's) bound at the current look needs only the looks so far. That holds
// for efficacy bounds spent by a spending function (alpha(t_k) at look k),
// a non-binding harm bound (spent under H0, beside them) and a non-binding
// futility bound given as fixed z (at most the efficacy bound at its look).
// It does not for a classical family (one constant over all looks), beta
// spending or futility rules set at the drift (the drift is solved for the
// power at the final look), or binding lower bounds (the efficacy bounds'
// alpha counts on them, and they may close the continuation region at a
// later look, which the whole design refuses).
#include <cstddef>
#include <optional>
#include <vector>

#include "gsd/spending/design_spec.hpp"

namespace gsd::spending {

struct LeadingBounds {
  std::vector<double> efficacy;  // +infinity where a look spends nothing
  std::vector<std::optional<double>> futility;
  std::vector<std::optional<double>> harm;
};

// The bounds of the first `looks` looks (1 <= looks <= the spec's looks),
// the same values bit for bit as compute_design(spec) gives there (its
// efficacy bounds as efficacy_bounds(spec) gives them), for a spec of the
// kind above; nullopt for any other. Throws std::invalid_argument for an
// invalid spec or look count, gsd::NumericalError if a bound cannot be found.
std::optional<LeadingBounds> leading_bounds(const DesignSpec& spec, std::size_t looks);

}  // namespace gsd::spending
