#pragma once
// `gsd design` with a survival section: solve the sample size (engine
// survival/sample_size.hpp) and render the contract's `sample_size` JSON, the
// text table, and the --plot charts of issue 3.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gsd/cli/config.hpp"
#include "gsd/cli/svg_chart.hpp"
#include "gsd/engine/survival/sample_size.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::cli {

struct SampleSizeResult {
  survival::SurvivalSpec spec;
  survival::SurvivalPlan plan;
};

// nullopt without a survival section. Bad input and unreachable targets are
// ConfigErrors naming the field ("survival.events = 110 exceeds ...").
std::optional<SampleSizeResult> solve_sample_size(const Config& config, const Design& design);

// {"patients", "events", "power", "study_duration", "looks": [...], ...}.
nlohmann::json sample_size_json(const SampleSizeResult& result);

// Aligned table with units.
std::string sample_size_text(const SampleSizeResult& result);

// Survival curves with the cure plateaus, expected events over calendar time
// with the looks marked, and the hazard ratio over time.
std::vector<SvgChart> sample_size_charts(const SampleSizeResult& result);

}  // namespace gsd::cli
