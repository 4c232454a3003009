#pragma once
// The survival value types use the shared argument checks of gsd::numerics.
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/numerical_error.hpp"

namespace gsd::survival::detail {

using numerics::check_non_negative;
using numerics::check_positive;
using numerics::fail;
using numerics::fail_sizes;
using numerics::format_input;
using numerics::format_value;
using numerics::NumericalError;

}  // namespace gsd::survival::detail
