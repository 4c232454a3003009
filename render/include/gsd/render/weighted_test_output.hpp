#pragma once
// A weighted log-rank test's power for a person (survival.test): the test
// named, the scale that spends alpha, and a table of its looks.
#include <cstddef>
#include <string>

#include "gsd/survival/test_sizing.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd::render {

// `log_rank_power`: the plan's power of the log-rank test at the same
// expected look times, shown beside.
std::string weighted_test_text(const survival::WeightedLogRankPower& test, double log_rank_power,
                               const std::string& time_unit);

// A weighted or MaxCombo test sized for its power: the sizes it needs, before
// and after rounding up (with a MaxCombo test, the lattice rule's error).
std::string test_sizing_text(const survival::TestSizing& sizing);

// CSV columns continuing each look's row: the test's name, its fractions,
// drift, variance ratio, bound, cumulative crossing and power.
std::string weighted_test_csv_header();
std::string weighted_test_csv_row(const survival::WeightedLogRankPower& test, std::size_t look);

}  // namespace gsd::render
