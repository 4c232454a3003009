#pragma once
// Private: one forward pass over the looks of a design, solving each look's
// spending bounds (efficacy under H0, harm under H0, beta-spending futility
// under H1) from the integrators' states before it.
#include <cstddef>
#include <limits>
#include <vector>

#include "gsd/numerics/sequential_integrator.hpp"
#include "gsd/spending/design_spec.hpp"

namespace gsd::spending::detail {

struct PassInput {
  double drift = 0.0;  // H1 mean of Z_k is drift sqrt(t_k)
  // Efficacy bounds given (classical families), else solved from the spending.
  const std::vector<double>* efficacy = nullptr;
  // Futility bounds given (-infinity where none), else beta-spending if the
  // spec has it.
  const std::vector<double>* futility = nullptr;
  // Receives the H0 integrator before each look (to tilt it to any drift).
  std::vector<numerics::SequentialIntegrator>* states = nullptr;
  // Solve only the first `looks` looks (the pass's vectors hold that many):
  // each look's bounds come from the looks before it alone, so they are the
  // full pass's, bit for bit (a full pass with binding lower bounds may yet
  // end at a later look, where they close the continuation region).
  std::size_t looks = std::numeric_limits<std::size_t>::max();
};

struct Pass {
  std::vector<double> efficacy;  // +inf where a look does not stop for efficacy
  std::vector<double> futility;  // -inf where none
  std::vector<double> harm;      // -inf where none
  // Beta-spending only: P1(continue, Z_K < b_K) - the beta left at the final look.
  double final_shortfall = 0.0;
  // When binding lower bounds closed the H0 continuation region before the
  // efficacy bounds spent their alpha (final_shortfall -1): the most alpha
  // they could spend, what was spent plus the H0 mass still continuing.
  double reachable_alpha = 0.0;
};

// Cumulative type I error on the efficacy side (both sides when symmetric
// two-sided) spent by look k: two-sided designs spend alpha / 2 per side
// through the one-sided function, as rpact's sided = 2 does.
double alpha_target(const DesignSpec& s, std::size_t k);

Pass run_pass(const DesignSpec& s, const PassInput& in);

}  // namespace gsd::spending::detail
