#pragma once
// Private to the engine's JSON writers: sample_size.test of an RMST or
// milestone test (survival::KmContrastPlan).
#include <nlohmann/json.hpp>

#include "gsd/design.hpp"

namespace gsd::detail {

// The test echoed (type, tau or time, spending_scale), its power and looks at
// the plan's sizes beside the log-rank's, and `sized`: the patients and
// events it needs for the design's power (null without a benefit).
nlohmann::json km_contrast_json(const DesignResult& result);

}  // namespace gsd::detail
