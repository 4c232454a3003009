#pragma once
// Private: gsd monitor's text and CSV for a weighted log-rank or MaxCombo
// survival.test.
#include <string>

#include "gsd/monitor.hpp"

namespace gsd::render::detail {

std::string test_monitoring_text(const MonitoringReport& report);
std::string test_monitoring_csv(const MonitoringReport& report);
// The HTML report's sections and chart (test_monitoring_report.cpp).
std::string test_report_body(const MonitoringReport& report);
// "FH(rho, gamma)" or "MB(t* = T)", and the test's title ("MaxCombo of ...",
// "RMST difference up to tau = T", ...).
std::string test_weight_name(const survival::LogRankWeight& w);
std::string test_title(const survival::SurvivalTest& test);

}  // namespace gsd::render::detail
