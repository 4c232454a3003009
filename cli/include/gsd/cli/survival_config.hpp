#pragma once
// The `survival` section of a config (../shared/CONTRACT.md) to a validated
// SurvivalSpec. Keys (rates are per time_unit):
//   time_unit            "days" | "weeks" | "months" | "years" (default months)
//   control              {cure_fraction (default 0), and exactly one latency:
//                         median_noncured | hazard | weibull {shape, scale}
//                         | piecewise {starts, rates}}
//   treatment            {cure_fraction (default: control's), optional latency}
//   hazard_ratio_noncured  treatment latency = control's with hazards x HR;
//                          give this or a treatment latency, not both
//   allocation_ratio     treatment : control (default 1)
//   accrual              {duration} (uniform) or {piecewise {durations, rates}}
//                        (rates relative, e.g. a ramp-up [1, 3])
//   dropout              {control, treatment}: exponential drop-out hazards
//                        (either may be omitted: none)
//   patients, events, follow_up, power: the solve mode (sample_size.hpp)
#include <optional>

#include "gsd/cli/json_node.hpp"
#include "gsd/engine/survival/survival_spec.hpp"
#include "gsd/spending/design_spec.hpp"

namespace gsd::cli {

// Parses and validates; every failure is a ConfigError naming the JSON path,
// e.g. "survival.control.cure_fraction = 1.2 must lie in [0, 1)". `design`
// gives the alpha per side that a target power must exceed.
survival::SurvivalSpec parse_survival(const JsonNode& survival, const DesignSpec& design);

// The survival section of a whole config, if present.
std::optional<survival::SurvivalSpec> find_survival(const nlohmann::json& root,
                                                    const DesignSpec& design);

}  // namespace gsd::cli
