#pragma once
// What one simulated trial draws from: accrual, randomisation, strata and, per
// stratum and arm, the mixture-cure outcome of gsd::survival with optional
// exponential drop-out. The trial is described by the same value types as the
// analytic plan, with the same validation rules; the simulator compiles them
// privately into the closed forms its inner loop samples from.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gsd/survival/accrual.hpp"
#include "gsd/survival/cure_model.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::simulate {

enum class Randomisation {
  kPermutedBlocks,  // blocks in entry order within each stratum
  kSimple,          // each patient independently, P(treatment) = r / (1 + r)
};

// One arm in one stratum: a cured fraction never has the event; the others
// have latency times. Drop-out (loss to follow-up) is exponential, competing.
struct ArmModel {
  survival::CureModel outcome{0.0, survival::Latency::exponential(1.0)};
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
  survival::Accrual accrual = survival::Accrual::uniform(1.0);
  double allocation_ratio = 1.0;  // treatment : control
  Randomisation randomisation = Randomisation::kPermutedBlocks;
  // Block size; 0 = twice the smallest whole block of the allocation ratio
  // (4 for 1:1, 6 for 2:1). Must be a multiple of that smallest block.
  int block_size = 0;
  std::vector<StratumModel> strata;  // one stratum when unstratified

  // Throws numerics::InvalidInput naming the field ({"strata", 1,
  // "proportion"}).
  void validate() const;
  // Treatment and control patients in the smallest whole block (e.g. 2:1 for
  // a ratio of 2); throws if the ratio is not p/q with p, q <= 20.
  std::pair<int, int> block_composition() const;
  int effective_block_size() const;
};

// One stratum from the arms and drop-out of a survival spec.
StratumModel stratum_model(const survival::SurvivalSpec& spec, std::string name = "all",
                           double proportion = 1.0);

// An unstratified trial of `patients` patients with the spec's accrual and
// allocation ratio; randomisation and block size keep their defaults.
TrialModel trial_model(const survival::SurvivalSpec& spec, int patients);

}  // namespace gsd::simulate
