#pragma once
// The z statistic of a normal or binary endpoint and its estimate on the
// endpoint's own scale (a mean, a difference of means, a rate, a difference
// or a ratio of rates) at n patients in all, each the inverse of the other.
// The plan reports its bounds on the estimate scale (rpact 3.3.4's
// criticalValuesEffectScale and futilityBoundsEffectScale); a protocol may
// give a futility bound there instead (design.futility.effect), which is the
// z of that estimate at the look's patients:
//   normal:  z = sign (estimate - margin) / sqrt(v / n), with the t test the
//            normal quantile of the t statistic's level (n - groups degrees
//            of freedom), as the plan's t quantile at each look's level;
//   binary:  the Farrington-Manning (or unpooled) statistic at the rates
//            the estimate gives, the control rate as planned.
// sign is +1 when larger estimates favour the treatment, -1 otherwise.
#include <optional>

#include "gsd/endpoints/endpoint_spec.hpp"

namespace gsd::endpoints {

// The estimate at which the z statistic equals z with `patients` patients;
// absent where no estimate reaches it (a rate at 0 or 1, no degrees of freedom).
std::optional<double> effect_at_z(const EndpointSpec& spec, double z, double patients);

// The z statistic of an estimate with `patients` patients; absent where the
// estimate is not a possible one (a rate outside (0, 1), no degrees of freedom).
std::optional<double> z_at_effect(const EndpointSpec& spec, double effect, double patients);

}  // namespace gsd::endpoints
