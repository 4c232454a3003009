#pragma once
// A survival plan for a person: the aligned text table with units, and the
// --plot charts (survival curves with their cure plateaus, expected events
// over calendar time with the looks, the hazard ratio over time).
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/render/svg_chart.hpp"

namespace gsd::render {

std::string sample_size_text(const SampleSize& result);
std::vector<SvgChart> sample_size_charts(const SampleSize& result);

}  // namespace gsd::render
