#pragma once
// A simulation for a person: the text table, the summary CSV, and the
// per-replicate CSV rows of --replicate-data.
#include <cstdint>
#include <span>
#include <string>

#include "gsd/simulate/simulator.hpp"
#include "gsd/simulation.hpp"

namespace gsd::render {

std::string simulation_text(const SimulationReport& report);
// Long format: metric,look,value (one table).
std::string simulation_csv(const SimulationReport& report);

// --replicate-data: header line, and the rows of one replicate.
std::string replicate_csv_header();
void append_replicate_csv(std::string& out, std::int64_t replicate,
                          std::span<const simulate::LookRecord> looks);

}  // namespace gsd::render
