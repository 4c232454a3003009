#pragma once
// Simon's two-stage design for a person: its rules in words, the optimal,
// minimax and admissible designs side by side, the chosen design's
// operating characteristics, CSV rows, and charts over the true rate.
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/render/svg_chart.hpp"

namespace gsd::render {

// Each takes a result with `simon`.
std::string simon_text(const DesignResult& result);
// One row per admissible design, from the minimax design to the optimal
// (labelled minimax, admissible, optimal; "both" when they are one).
std::string simon_csv(const DesignResult& result);
// P(promising) and P(stop after stage 1), and the expected patients, of the
// chosen design over the true response rate.
std::vector<SvgChart> simon_charts(const DesignResult& result);

}  // namespace gsd::render
