#include "gsd/endpoints/endpoint_spec.hpp"

#include <cmath>
#include <string>

#include "gsd/numerics/check.hpp"

namespace gsd::endpoints {

namespace {

using numerics::fail;
using numerics::format_value;
using numerics::InvalidInput;

const char* alternative_key(const EndpointSpec& s) {
  if (s.type == EndpointType::kNormal) return s.groups == 1 ? "mean" : "mean_difference";
  return s.groups == 1 ? "rate" : "treatment_rate";
}

void check_rate(const char* key, double rate) {
  if (!(std::isfinite(rate) && rate > 0.0 && rate < 1.0)) fail({key}, rate, "must lie in (0, 1)");
}

void check_required(const std::optional<double>& value, const char* key, const std::string& why) {
  if (!value) throw InvalidInput({key}, "is missing: " + why);
}

void check_normal(const EndpointSpec& s) {
  if (s.groups == 1) {
    check_required(s.mean, "mean", "a one-sample normal endpoint needs the mean under the alternative");
  } else {
    check_required(s.mean_difference, "mean_difference",
                   "a two-sample normal endpoint needs the difference of means (treatment - "
                   "control) under the alternative");
  }
  if (!(std::isfinite(s.sd) && s.sd > 0.0)) fail({"sd"}, s.sd, "must be positive");
  EndpointSpec::check_magnitude({"sd"}, s.sd, true);
  if (s.groups == 1) EndpointSpec::check_magnitude({"mean"}, *s.mean, false);
  if (s.groups == 2) EndpointSpec::check_magnitude({"mean_difference"}, *s.mean_difference, false);
  if (s.margin) EndpointSpec::check_magnitude({"margin"}, *s.margin, false);
}

void check_binary(const EndpointSpec& s) {
  if (s.groups == 1) {
    check_required(s.rate, "rate", "a one-sample binary endpoint needs the rate under the alternative");
    check_rate("rate", *s.rate);
    if (s.scale == RateScale::kRatio) {
      throw InvalidInput({"scale"}, "\"ratio\"", "needs two groups (a ratio of two rates)");
    }
    // The H0 rate: a margin at 0 or 1 leaves no variance under H0, so the
    // default margin (0) is no H0 rate at all.
    check_required(s.margin, "margin",
                   "a one-sample binary endpoint tests its rate against the rate under H0; give that "
                   "rate, e.g. 0.2");
    check_rate("margin", *s.margin);
    return;
  }
  check_required(s.control_rate, "control_rate", "a two-sample binary endpoint needs both rates");
  check_required(s.treatment_rate, "treatment_rate", "a two-sample binary endpoint needs both rates");
  check_rate("control_rate", *s.control_rate);
  check_rate("treatment_rate", *s.treatment_rate);
  const double m = s.null_value();
  if (s.scale == RateScale::kDifference && !(m > -1.0 && m < 1.0)) {
    fail({"margin"}, m, "must lie in (-1, 1): a difference of two rates");
  }
  if (s.scale == RateScale::kRatio && !(m > 0.0)) {
    fail({"margin"}, m, "must be positive: a ratio of two rates");
  }
  // The restricted rates square the margin: past about 1e154 that overflows
  // and the plan read "needs -nan patients". A risk ratio a million times
  // either way is no margin a trial tests.
  if (s.scale == RateScale::kRatio && !(m >= 1e-6 && m <= 1e6)) {
    fail({"margin"}, m, "must lie in [1e-06, 1e+06]: a ratio of two rates (treatment / control), e.g. 0.8");
  }
}

// The margin must lie strictly on the side of the alternative that H0 takes.
void check_margin_side(const EndpointSpec& s) {
  const double alt = s.alternative();
  const double m = s.null_value();
  if (!(std::fabs(alt - m) > 0.0)) {
    if (!s.margin) {
      // H0 is no effect (the default margin): the alternative given is no
      // effect either.
      if (s.type == EndpointType::kBinary) {
        fail({"treatment_rate"}, *s.treatment_rate,
             "equals control_rate, as under H0 (no margin given): give the rate expected under "
             "treatment, or a margin for a non-inferiority test");
      }
      fail({alternative_key(s)}, alt,
           s.groups == 1 ? "is the mean under H0 too (no margin given: 0): give the mean expected under "
                           "the alternative, or the mean under H0 as margin"
                         : "is no difference, as under H0 (no margin given): give the difference the "
                           "trial is to detect, or a margin for a non-inferiority test");
    }
    fail({"margin"}, m,
         std::string("must differ from the alternative (") + alternative_key(s) +
             " gives " + format_value(alt) + "): there is no effect to detect");
  }
  if (!s.direction) return;
  const bool upper = *s.direction == Direction::kUpper;
  if (upper != (alt > m)) {
    fail({"margin"}, m,
         std::string("is on the wrong side: with direction \"") + (upper ? "upper" : "lower") +
             "\" H0 must lie " + (upper ? "below" : "above") + " the alternative " +
             format_value(alt));
  }
}

}  // namespace

void EndpointSpec::check_magnitude(const numerics::FieldPath& path, double value, bool spread) {
  const double least = spread ? kMinSpread : 0.0;
  if (std::fabs(value) <= kMaxMagnitude && (!spread || value >= least)) return;
  const std::string range = spread ? "[1e-100, 1e100]" : "[-1e100, 1e100]";
  fail(path, value, "must lie in " + range + ": give the outcome in a unit that brings it there");
}

double EndpointSpec::null_value() const {
  if (margin) return *margin;
  return type == EndpointType::kBinary && groups == 2 && scale == RateScale::kRatio ? 1.0 : 0.0;
}

double EndpointSpec::alternative() const {
  if (type == EndpointType::kNormal) return groups == 1 ? mean.value_or(0.0) : mean_difference.value_or(0.0);
  if (groups == 1) return rate.value_or(0.0);
  const double t = treatment_rate.value_or(0.0);
  const double c = control_rate.value_or(1.0);
  return scale == RateScale::kRatio ? t / c : t - c;
}

Direction EndpointSpec::test_direction() const {
  if (direction) return *direction;
  return alternative() > null_value() ? Direction::kUpper : Direction::kLower;
}

void EndpointSpec::validate(double alpha_per_side) const {
  if (groups != 1 && groups != 2) fail({"groups"}, groups, "must be 1 or 2");
  if (groups == 2) numerics::check_allocation_ratio({"allocation_ratio"}, allocation_ratio);
  if (type == EndpointType::kNormal) {
    check_normal(*this);
  } else {
    check_binary(*this);
  }
  if (margin && !std::isfinite(*margin)) fail({"margin"}, *margin, "must be finite");
  check_margin_side(*this);
  if (power && patients) {
    throw InvalidInput({"patients"}, "is given with power: give power to solve for patients, or "
                                     "patients to compute power, not both");
  }
  if (power && !(*power > alpha_per_side && *power < 1.0)) {
    fail({"power"}, *power,
         "must lie in (" + format_value(alpha_per_side) + ", 1): above the one-sided alpha");
  }
  if (patients) {
    // The t test needs a positive number of degrees of freedom, n - groups.
    const double least = type == EndpointType::kNormal && !normal_approximation ? groups : 0.0;
    if (!(std::isfinite(*patients) && *patients > least)) {
      fail({"patients"}, *patients,
           least > 0.0 ? "must exceed " + std::to_string(groups) +
                             " (the t test has patients - groups degrees of freedom)"
                       : std::string("must be positive"));
    }
    if (*patients > kMaxPatients) fail({"patients"}, *patients, "must be at most 1e9");
  }
}

}  // namespace gsd::endpoints
