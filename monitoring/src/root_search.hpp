#pragma once
// Private: the monitoring estimates use the shared TOMS 748 wrapper, each with
// the precision it needs.
#include "gsd/numerics/find_root.hpp"

namespace gsd::monitoring::detail {

using numerics::find_root;

}  // namespace gsd::monitoring::detail
