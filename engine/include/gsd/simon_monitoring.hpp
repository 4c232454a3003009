#pragma once
// What gsd monitor reports for Simon's two-stage design: the design the
// trial runs, each look's decision by its counts and, once the trial has
// ended, the exact inference of endpoints/simon_inference.hpp.
#include <vector>

#include "gsd/design.hpp"
#include "gsd/endpoints/simon_inference.hpp"
#include "gsd/trial.hpp"

namespace gsd {

struct SimonMonitoring {
  SimonPlan plan;  // the search; plan.chosen() is the design the trial runs
  std::vector<SimonLookInput> inputs;
  endpoints::SimonObserved observed;
  // Look k's decision and inference: stage 1 alone, then both stages.
  std::vector<endpoints::SimonInferenceResult> looks;
  double confidence_level = 0.0;  // the interval's two-sided level

  const endpoints::SimonDesign& design() const { return plan.chosen(); }
  // The trial has ended: a stop after stage 1, or stage 2 read.
  bool ended() const { return !looks.empty() && looks.back().ended; }
};

}  // namespace gsd
