#pragma once
// The JSON of gsd's results: the contract that scripts, the R and Python
// packages and the web page read (docs/output.md). `gsd <command> --format
// json` prints exactly these objects.
#include <nlohmann/json.hpp>

#include "gsd/boundary_summary.hpp"
#include "gsd/design.hpp"
#include "gsd/monitor.hpp"
#include "gsd/simulation.hpp"
#include "gsd/trial.hpp"

namespace gsd {

// {"name", "boundaries", "sample_size" (with a survival model)}
nlohmann::json to_json(const DesignResult& result);
// The bound-by-bound summary: a list of objects, one per look and bound.
nlohmann::json boundary_summary_json(const std::vector<BoundSummaryRow>& rows);
// {"looks": [...], "inflation_factor", "drift", ...}
nlohmann::json boundaries_json(const spending::Design& design);
// {"patients", "events", "power", "study_duration", "looks": [...], ...}
nlohmann::json sample_size_json(const SampleSize& sample_size);
// A normal or binary endpoint's "sample_size": {"patients", "power", "looks": [...], ...}
nlohmann::json endpoint_sample_size_json(const EndpointSize& sample_size);
// {"name", "simulation": {...}}
nlohmann::json to_json(const SimulationReport& report);
// {"name", "monitoring": {...}}
nlohmann::json to_json(const MonitoringReport& report);
// A look as entered: {"events", "z" | "p_two_sided" + "direction" | "hazard_ratio", ...}.
nlohmann::json look_input_json(const LookInput& look);

}  // namespace gsd
