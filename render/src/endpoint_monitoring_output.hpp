#pragma once
// Private: gsd monitor's text and CSV for a normal or binary endpoint.
#include <string>

#include "gsd/monitor.hpp"

namespace gsd::render::detail {

std::string endpoint_monitoring_text(const MonitoringReport& report);
std::string endpoint_monitoring_csv(const MonitoringReport& report);
// The HTML report's sections and charts (endpoint_monitoring_report.cpp).
std::string endpoint_report_body(const MonitoringReport& report);

}  // namespace gsd::render::detail
