#pragma once
// Private: gsd monitor's text and CSV for a weighted log-rank or MaxCombo
// survival.test.
#include <string>

#include "gsd/monitor.hpp"

namespace gsd::render::detail {

std::string test_monitoring_text(const MonitoringReport& report);
std::string test_monitoring_csv(const MonitoringReport& report);

}  // namespace gsd::render::detail
