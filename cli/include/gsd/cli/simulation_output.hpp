#pragma once
// Rendering a simulation: the contract's `simulation` JSON object, the text
// table, the summary CSV, and the per-replicate CSV rows of --replicate-data.
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "gsd/cli/simulation_config.hpp"
#include "gsd/simulate/simulator.hpp"

namespace gsd::cli {

struct SimulationReport {
  const SimulationConfig& config;
  const Design& design;
  const SimulationResult& result;
};

nlohmann::json simulation_json(const SimulationReport& report);
std::string simulation_text(const SimulationReport& report);
// Long format: metric,look,value (one table).
std::string simulation_csv(const SimulationReport& report);

// --replicate-data: header line, and the rows of one replicate.
std::string replicate_csv_header();
void append_replicate_csv(std::string& out, std::int64_t replicate,
                          std::span<const LookRecord> looks);

}  // namespace gsd::cli
