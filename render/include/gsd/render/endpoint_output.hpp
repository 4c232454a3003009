#pragma once
// A normal or binary endpoint's plan for a person: the aligned text table
// (patients per look, bounds on the z and estimate scales, crossing
// probabilities) and the CSV columns that continue the boundary rows.
#include <string>

#include "gsd/design.hpp"

namespace gsd::render {

std::string endpoint_text(const EndpointSize& result);
// The header's extra columns (starting with a comma) and look k's fields.
std::string endpoint_csv_header();
std::string endpoint_csv_row(const EndpointSize& result, std::size_t k);

}  // namespace gsd::render
