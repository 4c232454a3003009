#pragma once
// Private: gsd monitor's text, CSV and report body for Simon's two-stage
// design (monitoring_text, monitoring_csv and monitoring_report_html
// dispatch here when the report has `simon`).
#include <string>

#include "gsd/monitor.hpp"

namespace gsd::render::detail {

std::string simon_monitoring_text(const MonitoringReport& report);
std::string simon_monitoring_csv(const MonitoringReport& report);
std::string simon_report_body(const MonitoringReport& report);

}  // namespace gsd::render::detail
