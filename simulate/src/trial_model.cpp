#include "gsd/simulate/trial_model.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace gsd {

namespace {

// Largest numerator or denominator accepted for the allocation ratio in
// permuted blocks: 20:1 is already an unusual trial.
constexpr int kMaxRatioTerm = 20;

void validate_arm(const ArmModel& arm, const std::string& where) {
  if (!(arm.cure_fraction >= 0.0 && arm.cure_fraction < 1.0)) {
    throw std::invalid_argument(where + ".cure_fraction = " + std::to_string(arm.cure_fraction) +
                                " must lie in [0, 1)");
  }
  if (arm.dropout_rate && !(*arm.dropout_rate >= 0.0 && std::isfinite(*arm.dropout_rate))) {
    throw std::invalid_argument(where + ".dropout_rate = " + std::to_string(*arm.dropout_rate) +
                                " must be finite and >= 0");
  }
}

}  // namespace

void TrialModel::validate() const {
  if (patients < 2) {
    throw std::invalid_argument("patients = " + std::to_string(patients) + " must be at least 2");
  }
  if (!(allocation_ratio > 0.0) || !std::isfinite(allocation_ratio)) {
    throw std::invalid_argument("allocation_ratio = " + std::to_string(allocation_ratio) +
                                " must be positive");
  }
  if (strata.empty() || strata.size() > kMaxStrata) {
    throw std::invalid_argument("strata has " + std::to_string(strata.size()) +
                                " entries; 1 to " + std::to_string(kMaxStrata) + " are supported");
  }
  double total = 0.0;
  for (std::size_t s = 0; s < strata.size(); ++s) {
    const std::string where = "strata[" + std::to_string(s) + "]";
    if (!(strata[s].proportion > 0.0 && strata[s].proportion <= 1.0)) {
      throw std::invalid_argument(where + ".proportion = " + std::to_string(strata[s].proportion) +
                                  " must lie in (0, 1]");
    }
    total += strata[s].proportion;
    validate_arm(strata[s].control, where + ".control");
    validate_arm(strata[s].treatment, where + ".treatment");
  }
  if (std::fabs(total - 1.0) > kProportionTolerance) {
    throw std::invalid_argument("strata proportions sum to " + std::to_string(total) +
                                ", not 1");
  }
  if (randomisation == Randomisation::kPermutedBlocks) {
    const auto [p, q] = block_composition();
    if (block_size < 0 || block_size % (p + q) != 0) {
      throw std::invalid_argument("block_size = " + std::to_string(block_size) +
                                  " must be a positive multiple of " + std::to_string(p + q) +
                                  " (allocation " + std::to_string(p) + ":" + std::to_string(q) +
                                  ")");
    }
  }
}

std::pair<int, int> TrialModel::block_composition() const {
  for (int q = 1; q <= kMaxRatioTerm; ++q) {
    const double p = allocation_ratio * q;
    const double rounded = std::round(p);
    if (rounded >= 1.0 && rounded <= kMaxRatioTerm && std::fabs(p - rounded) < 1e-9 * p) {
      const int pi = static_cast<int>(rounded);
      const int g = std::gcd(pi, q);
      return {pi / g, q / g};
    }
  }
  throw std::invalid_argument("allocation_ratio = " + std::to_string(allocation_ratio) +
                              " is not p/q with p, q <= 20; permuted blocks need such a ratio "
                              "(or use simple randomisation)");
}

int TrialModel::effective_block_size() const {
  if (block_size > 0) return block_size;
  const auto [p, q] = block_composition();
  return 2 * (p + q);
}

}  // namespace gsd
