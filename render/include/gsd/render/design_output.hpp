#pragma once
// A solved design for a person: the text table a statistician expects, CSV
// rows, and the boundary and spending charts.
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/render/svg_chart.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::render {

// Header lines (sidedness, error rates, families) and the aligned boundary table.
std::string boundaries_text(const spending::Design& design);

// CSV with a header row and one row per look.
std::string boundaries_csv(const spending::Design& design);
// The design CSV: the boundaries' rows, and with a survival plan, each row
// continued with the look's events, expected calendar time, drift and
// crossing probabilities and the plan's sizes and powers (repeated per row).
std::string design_csv(const DesignResult& result);

// Boundaries against information fraction on the z scale, with the one-sided
// nominal p-value scale on the right-hand axis.
SvgChart boundaries_chart(const spending::Design& design);

// Cumulative alpha (and beta) spent against information fraction.
SvgChart spending_chart(const spending::Design& design);

// The whole result of `gsd design`: name, boundaries and the survival plan.
std::string design_text(const DesignResult& result);
std::vector<SvgChart> design_charts(const DesignResult& result);

}  // namespace gsd::render
