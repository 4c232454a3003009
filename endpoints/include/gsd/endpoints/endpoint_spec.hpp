#pragma once
// A continuous (normal) or binary endpoint: what a trial compares, under H0
// (the margin) and under the alternative, and how it is sized. This is the
// config's `endpoint` section; the design section gives the boundaries.
//
// The test statistic is always oriented so that large values favour the
// alternative: its numerator is (estimate - margin) for an upper test and
// (margin - estimate) for a lower test (rpact's directionUpper).
#include <optional>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::endpoints {

enum class EndpointType {
  kNormal,  // means: a mean (one sample) or a difference of means (two samples)
  kBinary,  // rates: a rate, a difference of rates or a ratio of rates
};

// The scale of a two-sample binary comparison and of its margin.
enum class RateScale {
  kDifference,  // treatment rate - control rate
  kRatio,       // treatment rate / control rate
};

// The variance of a binary z statistic.
enum class RateVariance {
  // Under H0 at the rates that maximise the likelihood subject to the margin
  // (Farrington & Manning 1990, Stat Med 9:1447; the pooled rate when the
  // margin is 0): rpact's getSampleSizeRates and gsDesign's nBinomial.
  kRestricted,
  // At the observed rates (the Wald statistic), under H0 and H1 alike.
  kUnpooled,
};

// Which side of the margin favours the treatment.
enum class Direction { kUpper, kLower };

struct EndpointSpec {
  EndpointType type = EndpointType::kNormal;
  int groups = 2;                 // 1: one sample against the margin; 2: two arms
  double allocation_ratio = 1.0;  // treatment : control (two samples)
  // The value under H0 (rpact's thetaH0); default 0, or 1 on the ratio scale.
  std::optional<double> margin;
  // Default: the side of the margin on which the alternative lies.
  std::optional<Direction> direction;

  // Normal: the alternative (mean_difference for two samples, mean for one)
  // and the common standard deviation.
  std::optional<double> mean_difference;
  std::optional<double> mean;
  double sd = 1.0;
  // false: the t distribution, as rpact's default (normalApproximation = FALSE).
  bool normal_approximation = false;

  // Binary: the rates under the alternative.
  std::optional<double> control_rate;
  std::optional<double> treatment_rate;
  std::optional<double> rate;  // one sample
  RateScale scale = RateScale::kDifference;
  RateVariance variance = RateVariance::kRestricted;
  // One sample, binary, power given: the patients are the fewest whose exact
  // binomial power reaches the target with the exact type I error within the
  // design's alpha, not the normal approximation's (the engine's design,
  // over simulate/exact_binomial.hpp).
  bool exact_sizing = false;

  // Exactly one of these at most: the power to solve patients for (default
  // the design's 1 - beta), or the total patients to compute power at.
  std::optional<double> power;
  std::optional<double> patients;

  // The most patients given or solved for: a thousand times the largest
  // trials, and whole numbers that print and compute exactly.
  static constexpr double kMaxPatients = 1e9;

  // The range of a normal endpoint's values in its own unit (means, their
  // differences, margins, sds, standard errors): squares of values up to
  // 1e100, times patient counts up to 1e9, stay far from double's overflow
  // (1.8e308) and underflow; beyond about 1e154 the variances were infinite
  // and the plans and simulations wrong. Any outcome fits after a change of
  // unit.
  static constexpr double kMaxMagnitude = 1e100;
  static constexpr double kMinSpread = 1e-100;  // least sd or standard error
  // Refuses (InvalidInput at `path`) a finite value beyond kMaxMagnitude, or
  // with `spread` (an sd or a standard error) one not in
  // [kMinSpread, kMaxMagnitude]; NaN and infinities are refused too.
  static void check_magnitude(const numerics::FieldPath& path, double value, bool spread);

  // Throws numerics::InvalidInput with paths relative to the section
  // ({"control_rate"}). Needs the design's one-sided alpha for the power rule.
  void validate(double alpha_per_side) const;

  // The margin in force (its default filled in).
  double null_value() const;
  // The alternative on the margin's scale: a mean, a difference of means, a
  // rate, a difference or a ratio of rates.
  double alternative() const;
  Direction test_direction() const;
};

}  // namespace gsd::endpoints
