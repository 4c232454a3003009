#pragma once
// An RMST or milestone test's power for a person (survival.test): the
// contrast named, where alpha is spent, the patients it needs, and a table of
// its looks with the estimate, its standard error and the estimate at the bound.
#include <cstddef>
#include <string>

#include "gsd/survival/km_contrast_power.hpp"

namespace gsd::render {

// `log_rank_power`: the plan's power of the log-rank test at the same
// expected look times; `target_power`: the design's 1 - beta.
std::string km_contrast_text(const survival::KmContrastPlan& plan, double log_rank_power, double target_power,
                             const std::string& time_unit);

// CSV columns continuing each look's row.
std::string km_contrast_csv_header();
std::string km_contrast_csv_row(const survival::KmContrastPlan& plan, std::size_t look);

}  // namespace gsd::render
