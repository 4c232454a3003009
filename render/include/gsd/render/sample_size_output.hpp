#pragma once
// A survival plan for a person: the aligned text table with units, and the
// --plot charts (survival curves with their cure plateaus, expected events
// over calendar time with the looks, the hazard ratio over time).
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/render/svg_chart.hpp"

namespace gsd::render {

// `design` is the plan's design (its futility, harm and sidedness name the
// futility columns); `other_test`: the trial is tested by a weighted, MaxCombo,
// RMST or milestone test, whose own stops the log-rank plan's expected
// events and duration do not follow.
std::string sample_size_text(const SampleSize& result, const spending::Design& design, bool other_test);
std::vector<SvgChart> sample_size_charts(const SampleSize& result);

// The weights of weighted log-rank tests over the study time (each scaled to
// its largest), drawn over the hazard ratio: where a test looks. `names`
// labels the tests, one per weight.
SvgChart test_weights_chart(const SampleSize& result, const std::vector<survival::LogRankWeight>& weights,
                            const std::vector<std::string>& names);

}  // namespace gsd::render
