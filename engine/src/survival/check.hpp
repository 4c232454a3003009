#pragma once
// The survival value types use the engine's shared argument checks.
#include "../argument_check.hpp"

namespace gsd::survival::detail {

using gsd::engine_detail::check_non_negative;
using gsd::engine_detail::check_positive;
using gsd::engine_detail::fail;
using gsd::engine_detail::fail_sizes;
using gsd::engine_detail::format_value;
using gsd::engine_detail::indexed;

}  // namespace gsd::survival::detail
