#pragma once
// The continuous plan beside the whole-number plan (survival.integer), for a
// person: a side-by-side table in text, extra columns in CSV.
#include <string>

#include "gsd/design.hpp"

namespace gsd::render {

// Empty without a continuous plan.
std::string integer_text(const DesignResult& result);

// The CSV columns continuous_* of look k (with a leading comma), and their
// header; empty without a continuous plan.
std::string integer_csv_header(const DesignResult& result);
std::string integer_csv_row(const DesignResult& result, std::size_t k);

}  // namespace gsd::render
