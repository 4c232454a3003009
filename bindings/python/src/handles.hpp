#pragma once
// The C++ results that the Python result objects hold: each keeps the
// library's own value, so that the contract JSON, the text and CSV tables,
// the SVG charts and the plot data all come from the library, exactly as the
// command line makes them.
#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "gsd/gsd.hpp"

namespace gsd::python {

namespace py = pybind11;

struct DesignHandle {
  DesignResult result;
};

struct MonitoringHandle {
  MonitoringReport report;
  // Set when the report replays a monitoring record (file and document).
  std::optional<nlohmann::json> record;
  std::string record_file;
};

struct SimulationHandle {
  SimulationSetup setup;
  std::unique_ptr<simulate::Simulator> simulator;
  std::unique_ptr<SimulationReport> report;
};

// The JSON text of a result at `indent` spaces per level (-1: compact).
// nlohmann's writer grows its indent buffer once per level, so an indent of
// more than about a thousand overruns it: the Python layer (Result.to_json)
// allows 0 to 16, and this refuses anything else that reaches the core.
inline std::string json_text(const nlohmann::json& value, int indent) {
  constexpr int kMaxIndent = 16;
  if (indent < -1 || indent > kMaxIndent) {
    throw py::value_error("indent = " + std::to_string(indent) + " must be -1 (compact) or in [0, 16]");
  }
  return value.dump(indent);
}

// Registers the handle classes and the design, monitor and record calls.
void bind_handles(py::module_& m);
// Registers SimulationHandle and simulate (simulate.cpp).
void bind_simulation(py::module_& m);

// The config (a dict) as JSON; InvalidInput names a value JSON cannot hold.
nlohmann::json config_json(py::handle config);

}  // namespace gsd::python
