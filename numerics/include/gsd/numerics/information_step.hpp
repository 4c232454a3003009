#pragma once
// The least step between the information of two successive looks. The
// recursive integration resolves each step's normal kernel, whose sd in z
// units is sqrt((t - t_prev) / t) (sequential_integrator.hpp), on a grid whose
// size grows as its inverse: looks 1e-13 apart took 42 s and 3.7 GB of
// memory for one design, and closer ones exhaust memory. A step of a
// millionth of the previous information keeps the grid near a thousand times
// its usual fineness (a design in about 10 ms) and is far below any real
// trial's: one event in a million.
//
// Events, a weighted test's variance and an endpoint's patients are
// proportional to the information, so each input layer applies the same
// rule to its own quantity and names its field; the integrator checks it
// wherever it builds a grid.
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::numerics {

inline constexpr double kMinInformationStep = 1e-6;

// Whether a look at `next` follows one at `previous` by the least step. The
// step is compared with a slack of a millionth of itself, far above the
// rounding of next - previous (an ulp of previous, 1e-10 of the step), so a
// value typed as previous (1 + 1e-6) passes.
inline bool is_information_step(double previous, double next) {
  return next - previous >= kMinInformationStep * previous * (1.0 - 1e-6);
}

// The rule a look at `next` breaks: "must exceed the previous " + `what`,
// and when it does exceed it, by how much at least ("by at least 4.9e-05").
inline std::string information_step_rule(const std::string& what, double previous, double next) {
  std::string rule = "must exceed the previous " + what;
  if (next > previous) rule += " by at least " + format_value(kMinInformationStep * previous);
  return rule;
}

}  // namespace gsd::numerics
