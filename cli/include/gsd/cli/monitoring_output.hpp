#pragma once
// Rendering monitoring results: the contract's JSON object and a text report.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/cli/monitoring_config.hpp"
#include "gsd/engine/monitoring/monitor.hpp"

namespace gsd::cli {

// {"planned_events", ..., "looks": [{"events", "information_fraction",
//  "efficacy_z", "nominal_p_one_sided", "z", "decision", "hazard_ratio",
//  "repeated_ci_hazard_ratio", "repeated_p_value", "conditional_power",
//  "conditional_power_trend", ...}], "final": {...}} (../shared/CONTRACT.md).
nlohmann::json monitoring_json(const MonitoringInput& input,
                               const monitoring::MonitoringResult& result);

// One row per look with a header line (--format csv).
std::string monitoring_csv(const monitoring::MonitoringResult& result);

// Aligned tables for a person.
std::string monitoring_text(const MonitoringInput& input, const monitoring::MonitoringResult& result);

// Where the effect for conditional power came from, in words.
std::string effect_basis(monitoring::EffectSource source);

// "HSD(gamma = -2)", "O'Brien-Fleming (classical)", ... for summaries.
std::string describe_efficacy(const DesignSpec& spec);

}  // namespace gsd::cli
