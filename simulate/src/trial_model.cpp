#include "gsd/simulate/trial_model.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::simulate {

using numerics::FieldPath;
using numerics::InvalidInput;
using numerics::fail;
using numerics::format_value;

namespace {

// Largest numerator or denominator accepted for the allocation ratio in
// permuted blocks: 20:1 is already an unusual trial.
constexpr int kMaxRatioTerm = 20;

void validate_arm(const ArmModel& arm, const FieldPath& where) {
  if (arm.dropout_rate) numerics::check_non_negative(where.key("dropout_rate"), *arm.dropout_rate);
}

}  // namespace

void TrialModel::validate() const {
  if (patients < 2) fail({"patients"}, patients, "must be at least 2");
  numerics::check_positive({"allocation_ratio"}, allocation_ratio);
  if (strata.empty() || strata.size() > kMaxStrata) {
    throw InvalidInput({"strata"}, "has " + std::to_string(strata.size()) + " entries; 1 to " +
                                       std::to_string(kMaxStrata) + " are supported");
  }
  double total = 0.0;
  for (std::size_t s = 0; s < strata.size(); ++s) {
    const FieldPath where{"strata", s};
    if (!(strata[s].proportion > 0.0 && strata[s].proportion <= 1.0)) {
      fail(where.key("proportion"), strata[s].proportion, "must lie in (0, 1]");
    }
    total += strata[s].proportion;
    validate_arm(strata[s].control, where.key("control"));
    validate_arm(strata[s].treatment, where.key("treatment"));
  }
  if (std::fabs(total - 1.0) > kProportionTolerance) {
    throw InvalidInput({"strata"}, "has proportions that add up to " + format_value(total) +
                                       "; they must add up to 1");
  }
  if (randomisation == Randomisation::kPermutedBlocks) {
    const auto [p, q] = block_composition();
    if (block_size < 0 || block_size % (p + q) != 0) {
      fail({"block_size"}, block_size,
           "must be a positive multiple of " + std::to_string(p + q) + " (allocation " +
               std::to_string(p) + ":" + std::to_string(q) + ")");
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
  fail({"allocation_ratio"}, allocation_ratio,
       "is not p/q with p, q <= 20; permuted blocks need such a ratio (or set "
       "simulation.randomisation to \"simple\")");
}

int TrialModel::effective_block_size() const {
  if (block_size > 0) return block_size;
  const auto [p, q] = block_composition();
  return 2 * (p + q);
}

}  // namespace gsd::simulate
