#pragma once
// Monitoring results for a person: aligned text tables and CSV rows.
#include <string>

#include "gsd/monitor.hpp"

namespace gsd::render {

// One row per look with a header line (--format csv).
std::string monitoring_csv(const MonitoringReport& report);

// Aligned tables for a person.
std::string monitoring_text(const MonitoringReport& report);

}  // namespace gsd::render
