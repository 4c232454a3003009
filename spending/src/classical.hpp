#pragma once
// Private: efficacy bounds of the classical families (fixed in shape, one
// constant solved so that the type I error is alpha).
#include <functional>
#include <vector>

#include "gsd/spending/design_spec.hpp"

namespace gsd::spending::detail {

// Maps efficacy bounds to the binding lower bounds they imply under H0.
using BindingLower = std::function<std::vector<double>(const std::vector<double>&)>;

// Bounds of c for the spec's looks, +infinity where efficacy stopping is off.
// `binding_lower`, when given, is in force under H0 (the Pampallona-Tsiatis
// futility bound, which moves with the efficacy constant).
std::vector<double> classical_efficacy(const DesignSpec& s, const ClassicalBoundary& c,
                                       const BindingLower& binding_lower = {});

}  // namespace gsd::spending::detail
