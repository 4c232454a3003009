#pragma once
// Monitoring results for a person: aligned text tables and CSV rows.
#include <string>

#include <nlohmann/json.hpp>

#include "gsd/monitor.hpp"

namespace gsd::render {

// One row per look with a header line (--format csv).
std::string monitoring_csv(const MonitoringReport& report);

// Aligned tables for a person.
std::string monitoring_text(const MonitoringReport& report);

// What the text of a record's replay adds below monitoring_text(): a note for
// each look whose decision recomputes differently from the one recorded (the
// record may have been edited), and the record's size and last entry. `file`
// is the record's file name as the user gave it.
std::string record_text(const MonitoringReport& report, const nlohmann::json& record,
                        const std::string& file);

}  // namespace gsd::render
