#pragma once
// The two kinds of failure a gsd call reports, besides std::bad_alloc:
//  - InvalidInput: bad input, with the path of the field ({"survival",
//    "control", "cure_fraction"}), the value and the rule it breaks. A front
//    end writes the path in its own idiom (to_string(path, PathStyle::kR)).
//  - NumericalError: a method that did not reach its target (no bracket,
//    iterations exhausted, quadrature error over tolerance), with the best
//    value reached.
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/numerical_error.hpp"

namespace gsd {

using numerics::FieldPath;
using numerics::InvalidInput;
using numerics::NumericalError;
using numerics::PathStyle;
using numerics::to_string;

}  // namespace gsd
