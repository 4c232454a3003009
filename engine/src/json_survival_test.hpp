#pragma once
// Private to the engine's JSON writers: a survival test as the configuration
// gives it (its echo), and sample_size.test of a design with a weighted
// log-rank, MaxCombo, RMST or milestone test.
#include <nlohmann/json.hpp>

#include "gsd/design.hpp"

namespace gsd::detail {

// The config's name of a spending scale ("events" or "variance").
const char* spending_scale_name(survival::SpendingScale scale);

// A test as the configuration gives it: type, parameters and spending scale;
// MaxCombo with its tests and seed.
nlohmann::json test_echo_json(const survival::SurvivalTest& test);

// sample_size.test: the test echoed; for a weighted, MaxCombo, RMST or
// milestone test, its power and looks beside the log-rank's (and the sizes a
// test sized for its power needed).
nlohmann::json survival_test_json(const DesignResult& result);

}  // namespace gsd::detail
