#pragma once
// The monitoring report: one self-contained HTML file (inline CSS and inline
// SVG, no scripts, fonts or other external resources) that a data monitoring
// committee can file. It holds the design summary, the table of looks with
// decisions and inference, plots of the boundaries on the z, nominal p and
// hazard-ratio scales with the observed path, the spending function with the
// alpha spent so far, and conditional power.
#include <string>

#include "gsd/monitor.hpp"

namespace gsd::render {

struct ReportContext {
  std::string title;         // the config's name
  std::string generated_at;  // UTC time stamp
  std::string source;        // config or record file
};

std::string monitoring_report_html(const MonitoringReport& report, const ReportContext& context);

}  // namespace gsd::render
