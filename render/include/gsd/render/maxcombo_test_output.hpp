#pragma once
// A MaxCombo test's bounds and power for a person (survival.test of type
// maxcombo): its tests, where alpha is spent, the multivariate normal error,
// and a table of its looks.
#include <cstddef>
#include <string>

#include "gsd/survival/maxcombo_power.hpp"

namespace gsd::render {

// `log_rank_power`: the plan's power of the log-rank test at the same
// expected look times, shown beside.
std::string maxcombo_test_text(const survival::MaxComboPower& test, double log_rank_power,
                               const std::string& time_unit);

// CSV columns continuing each look's row: the test's name, spending fraction,
// cumulative alpha, bound and its error, cumulative crossing, power and its
// error.
std::string maxcombo_test_csv_header();
std::string maxcombo_test_csv_row(const survival::MaxComboPower& test, std::size_t look);

}  // namespace gsd::render
