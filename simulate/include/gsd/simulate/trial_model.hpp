#pragma once
// What one simulated trial draws from: accrual, randomisation, strata and, per
// stratum and arm, a mixture-cure outcome with optional exponential drop-out.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gsd/simulate/accrual_sampler.hpp"
#include "gsd/simulate/latency_sampler.hpp"

namespace gsd {

enum class Randomisation {
  kPermutedBlocks,  // blocks in entry order within each stratum
  kSimple,          // each patient independently, P(treatment) = r / (1 + r)
};

// One arm in one stratum: a cured fraction never has the event; the others
// have latency times. Drop-out (loss to follow-up) is exponential, competing.
struct ArmModel {
  double cure_fraction = 0.0;
  LatencySampler latency = LatencySampler::exponential(1.0);
  std::optional<double> dropout_rate;  // per time unit; absent = no drop-out
};

struct StratumModel {
  std::string name;
  double proportion = 1.0;  // share of the patients; strata sum to 1
  ArmModel control;
  ArmModel treatment;
};

struct TrialModel {
  // Stratum proportions must sum to 1 within this tolerance (they are usually
  // typed with a few decimals).
  static constexpr double kProportionTolerance = 1e-6;
  // Up to 64 strata: the seed trial had 2 x 3 = 6.
  static constexpr std::size_t kMaxStrata = 64;

  int patients = 0;
  AccrualSampler accrual = AccrualSampler::uniform(1.0);
  double allocation_ratio = 1.0;  // treatment : control
  Randomisation randomisation = Randomisation::kPermutedBlocks;
  // Block size; 0 = twice the smallest whole block of the allocation ratio
  // (4 for 1:1, 6 for 2:1). Must be a multiple of that smallest block.
  int block_size = 0;
  std::vector<StratumModel> strata;  // one stratum when unstratified

  // Throws std::invalid_argument naming the field ("strata[1].proportion ...").
  void validate() const;
  // Treatment and control patients in the smallest whole block (e.g. 2:1 for
  // a ratio of 2); throws if the ratio is not p/q with p, q <= 20.
  std::pair<int, int> block_composition() const;
  int effective_block_size() const;
};

}  // namespace gsd
