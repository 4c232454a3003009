#pragma once
// The limits of what a design solves to its stated accuracy. The smallest
// alpha and beta are rpact 3.3.4's (getDesignGroupSequential refuses
// alpha < 1e-6 and beta < 1e-4), where gsd's bounds and drift are checked
// against it (tests/spending/design_limits_test.cpp). Below them the solver
// leaves its own accuracy: with beta = 1e-9 the power 1 - beta is closer to 1
// than the integration's error allows (inflation factors jump from 1.02 to
// 1.35), and with alpha below about 1e-13 the O'Brien-Fleming inflation
// factor stops falling towards 1. Efficacy bounds alone are solved below
// these limits: the repeated p-value searches alpha down to 1e-12.
#include <string>

#include "gsd/spending/design_spec.hpp"

namespace gsd::spending {

inline constexpr double kMinDesignAlpha = 1e-6;
inline constexpr double kMinDesignBeta = 1e-4;
// alpha and beta lie below this (DesignSpec::validate): an error rate of a
// half or more is no test.
inline constexpr double kMaxDesignErrorRate = 0.5;

// What to do about an alpha or beta out of range, for the end of its
// message: the range gsd solves, with the usual choices.
std::string alpha_advice();
std::string beta_advice();

// Throws numerics::InvalidInput ({"alpha"} or {"beta"}) for a design beyond
// the limits; compute_design and the config loader call it.
void check_solvable(const DesignSpec& spec);

}  // namespace gsd::spending
