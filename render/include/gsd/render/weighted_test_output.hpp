#pragma once
// A weighted log-rank test's power for a person (survival.test): the test
// named, the scale that spends alpha, and a table of its looks.
#include <string>

#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd::render {

// `log_rank_power`: the plan's power of the log-rank test, shown beside.
std::string weighted_test_text(const survival::WeightedLogRankPower& test, double log_rank_power,
                               const std::string& time_unit);

}  // namespace gsd::render
