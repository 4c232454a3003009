#pragma once
// Charts of a normal or binary endpoint against patients: its bounds on the
// z scale and on the natural scale (the estimate: a mean, a difference of
// means, a rate, a difference or a ratio of rates), for a plan (gsd design
// --plot) and for the looks of a monitored trial (the monitoring report).
#include <vector>

#include "gsd/design.hpp"
#include "gsd/monitor.hpp"
#include "gsd/render/svg_chart.hpp"

namespace gsd::render {

// The plan's bounds at its looks' patients: z, and the estimate at the bound.
std::vector<SvgChart> endpoint_design_charts(const EndpointSize& endpoint, spending::Sidedness sided);

// The bounds as recomputed at the last look (the planned remainder with the
// planned sd or rates) with the observed z, estimates and repeated CIs.
std::vector<SvgChart> endpoint_monitoring_charts(const MonitoringReport& report);

}  // namespace gsd::render
