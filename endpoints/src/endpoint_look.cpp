#include "gsd/endpoints/endpoint_look.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "gsd/endpoints/farrington_manning.hpp"
#include "gsd/endpoints/student_t_z.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/normal.hpp"
#include "statistic.hpp"

namespace gsd::endpoints {

using numerics::FieldPath;
using numerics::InvalidInput;
using numerics::fail;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Bisection steps of the test inversion: 2^-100 of the bracket is below
// double resolution of any rate difference or log ratio.
constexpr int kBisections = 100;
// Ends of the brackets: a difference of rates in (-1, 1), a rate in (0, 1),
// a ratio in (1e-8, 1e8) (the statistic changes sign well inside these).
constexpr double kEdge = 1e-12;
constexpr double kLogRatioSpan = 18.420680743952367;  // log(1e8)
// The largest standard error taken for a rate or a difference of rates (their
// largest possible are 0.5 and sqrt(0.5), at rates of one half).
constexpr double kMaxRateStandardError = 1.0;

bool uses_t(const EndpointSpec& s) { return s.type == EndpointType::kNormal && !s.normal_approximation; }
bool ratio_scale(const EndpointSpec& s) { return s.groups == 2 && s.scale == RateScale::kRatio; }
double sign_of(const EndpointSpec& s) { return s.test_direction() == Direction::kUpper ? 1.0 : -1.0; }
bool has_summaries(const LookData& l) { return l.sample || l.treatment || l.control; }

bool whole(double x) { return std::fpclassify(x - std::round(x)) == FP_ZERO; }

void check_arm(const EndpointSpec& spec, const ArmSummary& arm, const FieldPath& at) {
  if (!(std::isfinite(arm.n) && whole(arm.n) && arm.n >= 2.0)) {
    fail(at.key("n"), arm.n, "must be a whole number of patients, at least 2");
  }
  // As a plan's patients: beyond, the pooled variance's sums lose the sds
  // (n = 1e200 gave z = nan).
  if (arm.n > EndpointSpec::kMaxPatients) fail(at.key("n"), arm.n, "must be at most 1e9 patients");
  if (spec.type == EndpointType::kNormal) {
    if (arm.responders) fail(at.key("responders"), *arm.responders, "is for a binary endpoint; a normal arm gives mean and sd");
    if (!arm.mean) throw InvalidInput(at.key("mean"), "is missing: a normal arm gives n, mean and sd");
    if (!arm.sd) throw InvalidInput(at.key("sd"), "is missing: a normal arm gives n, mean and sd");
    if (!std::isfinite(*arm.mean)) fail(at.key("mean"), *arm.mean, "must be finite");
    if (!(std::isfinite(*arm.sd) && *arm.sd > 0.0)) fail(at.key("sd"), *arm.sd, "must be positive");
    EndpointSpec::check_magnitude(at.key("mean"), *arm.mean, false);
    EndpointSpec::check_magnitude(at.key("sd"), *arm.sd, true);
    return;
  }
  for (const auto& [key, value] : {std::pair{"mean", arm.mean}, std::pair{"sd", arm.sd}}) {
    if (value) fail(at.key(key), *value, "is for a normal endpoint; a binary arm gives n and responders");
  }
  if (!arm.responders) throw InvalidInput(at.key("responders"), "is missing: a binary arm gives n and responders");
  const double x = *arm.responders;
  if (!(std::isfinite(x) && whole(x) && x >= 0.0 && x <= arm.n)) {
    fail(at.key("responders"), x, "must be a whole number from 0 to n = " + numerics::format_value(arm.n));
  }
}

void check_estimate(const EndpointSpec& spec, double estimate) {
  if (!std::isfinite(estimate)) fail("estimate", estimate, "must be finite");
  if (spec.type != EndpointType::kBinary) {
    EndpointSpec::check_magnitude("estimate", estimate, false);
    return;
  }
  if (ratio_scale(spec) && !(estimate > 0.0)) fail("estimate", estimate, "must be positive: a ratio of two rates");
  if (spec.groups == 1 && !(estimate >= 0.0 && estimate <= 1.0)) fail("estimate", estimate, "must lie in [0, 1]: a rate");
  if (spec.groups == 2 && !ratio_scale(spec) && !(estimate >= -1.0 && estimate <= 1.0)) {
    fail("estimate", estimate, "must lie in [-1, 1]: a difference of two rates");
  }
}

void check_summaries(const EndpointSpec& spec, const LookData& l) {
  if (spec.groups == 1) {
    for (const auto& [key, arm] : {std::pair{"treatment", l.treatment}, std::pair{"control", l.control}}) {
      if (arm) throw InvalidInput(key, "is for a two-sample endpoint; a one-sample look gives n with mean and sd, or with responders");
    }
    check_arm(spec, *l.sample, {});
  } else {
    if (l.sample) throw InvalidInput("n", "is for a one-sample endpoint; a two-sample look gives treatment and control");
    if (!l.treatment) throw InvalidInput("treatment", "is missing: a two-sample look gives both arms' summaries");
    if (!l.control) throw InvalidInput("control", "is missing: a two-sample look gives both arms' summaries");
    check_arm(spec, *l.treatment, "treatment");
    check_arm(spec, *l.control, "control");
  }
  const double total = l.total_patients();
  if (l.patients && std::fabs(*l.patients - total) > 0.0) {
    fail("patients", *l.patients, "must equal the arms' n, " + numerics::format_value(total) + " in all (or be left out)");
  }
}

// The t quantile at the normal level of b: F_t^{-1}(Phi(b); df).
double t_of_z(double b, double df) {
  const boost::math::students_t dist(df);
  const double upper = numerics::normal_upper_tail(std::fabs(b));
  const double q = boost::math::quantile(boost::math::complement(dist, upper));
  return b < 0.0 ? -q : q;
}

// numerator / sqrt(variance), with a vanishing variance the sign of the numerator at infinity.
double ratio_or_infinity(double numerator, double variance) {
  if (variance > 0.0) return numerator / std::sqrt(variance);
  if (numerator > 0.0) return kInf;
  return numerator < 0.0 ? -kInf : 0.0;
}

double rate(const ArmSummary& a) { return *a.responders / a.n; }

// The binary statistic (before orientation) of the counts for H0: value,
// under the design's variance: (estimate - value) / SE(value).
double binary_score(const EndpointSpec& spec, const LookData& l, double value) {
  if (spec.groups == 1) {
    const double p = rate(*l.sample);
    const double v = spec.variance == RateVariance::kUnpooled ? p * (1.0 - p) : value * (1.0 - value);
    return ratio_or_infinity(p - value, v / l.sample->n);
  }
  const double p1 = rate(*l.treatment);
  const double p2 = rate(*l.control);
  const double n1 = l.treatment->n;
  const double n2 = l.control->n;
  const double w = ratio_scale(spec) ? value : 1.0;
  const double numerator = ratio_scale(spec) ? p1 - value * p2 : p1 - p2 - value;
  RestrictedRates at{p1, p2};
  if (spec.variance == RateVariance::kRestricted) {
    at = ratio_scale(spec) ? restricted_rates_ratio(p1, p2, value, n1 / n2)
                           : restricted_rates_difference(p1, p2, value, n1 / n2);
  }
  const double v = at.treatment * (1.0 - at.treatment) / n1 + w * w * at.control * (1.0 - at.control) / n2;
  return ratio_or_infinity(numerator, v);
}

// The value in [lo, hi] at which the decreasing f crosses `target` (an end
// when it does not), by bisection: f may be infinite at the ends.
template <class F>
double decreasing_root(F f, double lo, double hi, double target) {
  if (f(lo) <= target) return lo;
  if (f(hi) >= target) return hi;
  for (int i = 0; i < kBisections; ++i) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) > target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

LookStatistic normal_summaries(const EndpointSpec& spec, const LookData& l) {
  LookStatistic s;
  s.patients = l.total_patients();
  if (spec.groups == 1) {
    const ArmSummary& a = *l.sample;
    s.estimate = *a.mean;
    s.standard_error = *a.sd / std::sqrt(a.n);
    s.degrees_of_freedom = a.n - 1.0;
    return s;
  }
  const ArmSummary& t = *l.treatment;
  const ArmSummary& c = *l.control;
  const double df = t.n + c.n - 2.0;
  const double pooled = std::sqrt(((t.n - 1.0) * *t.sd * *t.sd + (c.n - 1.0) * *c.sd * *c.sd) / df);
  s.estimate = *t.mean - *c.mean;
  s.standard_error = pooled * std::sqrt(1.0 / t.n + 1.0 / c.n);
  s.degrees_of_freedom = df;
  return s;
}

LookStatistic binary_summaries(const EndpointSpec& spec, const LookData& l) {
  LookStatistic s;
  s.patients = l.total_patients();
  const double sign = sign_of(spec);
  s.z = sign * binary_score(spec, l, spec.null_value());
  // 0 / 0 (no responder, or only responders, in both arms at a margin of 0)
  // is z = 0; a difference with no variance has no z.
  if (!std::isfinite(s.z)) {
    const FieldPath at = spec.groups == 1 ? FieldPath("responders") : FieldPath{"treatment", "responders"};
    throw InvalidInput(at, "leaves the statistic without variance (each arm has no responder or only responders); "
                           "give the look as z or as an estimate with its standard error");
  }
  if (spec.groups == 1) {
    const double p = rate(*l.sample);
    s.estimate = p;
    s.standard_error = std::sqrt(p * (1.0 - p) / l.sample->n);
    return s;
  }
  const double p1 = rate(*l.treatment);
  const double p2 = rate(*l.control);
  const double n1 = l.treatment->n;
  const double n2 = l.control->n;
  if (ratio_scale(spec)) {
    if (!(p1 > 0.0 && p2 > 0.0)) {
      const FieldPath at = p1 > 0.0 ? FieldPath{"control", "responders"} : FieldPath{"treatment", "responders"};
      throw InvalidInput(at, "0", "leaves no estimate of the ratio of rates: each arm needs a responder");
    }
    s.estimate = p1 / p2;
    s.standard_error = std::sqrt((1.0 - p1) / (n1 * p1) + (1.0 - p2) / (n2 * p2));
    return s;
  }
  s.estimate = p1 - p2;
  s.standard_error = std::sqrt(p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2);
  return s;
}

// The planned standard error at n patients (a look given as z).
double planned_standard_error(const EndpointSpec& spec, double n) {
  if (!ratio_scale(spec)) return std::sqrt(detail::statistic(spec).v1 / n);
  const double r = spec.allocation_ratio;
  const double p1 = *spec.treatment_rate;
  const double p2 = *spec.control_rate;
  return std::sqrt((1.0 + r) * ((1.0 - p1) / (r * p1) + (1.0 - p2) / p2) / n);
}

}  // namespace

double LookData::total_patients() const {
  if (sample) return sample->n;
  if (treatment && control) return treatment->n + control->n;
  return patients.value_or(0.0);
}

void LookData::validate(const EndpointSpec& spec) const {
  const int forms = (z ? 1 : 0) + ((estimate || standard_error) ? 1 : 0) + (has_summaries(*this) ? 1 : 0);
  if (forms == 0) {
    throw InvalidInput("z", "is missing: a look gives z, an estimate with its standard_error, or the "
                            "summaries (n with mean and sd, or with responders)");
  }
  if (forms > 1) {
    throw InvalidInput(z ? FieldPath("z") : FieldPath("estimate"),
                       "is one of several forms given; give one: z, estimate with standard_error, "
                       "or the summaries");
  }
  if (has_summaries(*this)) {
    check_summaries(spec, *this);
    return;
  }
  if (!patients) throw InvalidInput("patients", "is missing: a look given as z or as an estimate needs its patients");
  const double g = spec.groups;
  if (!(std::isfinite(*patients) && *patients > g)) {
    fail("patients", *patients, "must exceed " + std::to_string(spec.groups) + (spec.groups == 1 ? " patient" : " patients"));
  }
  // Patients are counted, as the arms' n are (138.5 was taken).
  if (!whole(*patients)) fail("patients", *patients, "must be a whole number of patients");
  if (*patients > EndpointSpec::kMaxPatients) fail("patients", *patients, "must be at most 1e9 patients");
  if (z) {
    if (!std::isfinite(*z)) fail("z", *z, "must be finite");
    return;
  }
  if (!estimate) throw InvalidInput("estimate", "is missing: standard_error is given with its estimate");
  if (!standard_error) throw InvalidInput("standard_error", "is missing: an estimate needs its standard error");
  check_estimate(spec, *estimate);
  if (!(std::isfinite(*standard_error) && *standard_error > 0.0)) {
    fail("standard_error", *standard_error, "must be positive");
  }
  if (spec.type == EndpointType::kNormal) {
    EndpointSpec::check_magnitude("standard_error", *standard_error, true);
  } else if (!ratio_scale(spec) && *standard_error > kMaxRateStandardError) {
    // A rate's standard error is at most 0.5 and a difference's at most
    // sqrt(0.5): beyond 1 it is not one (the repeated confidence interval
    // would span thousands of times the possible range).
    fail("standard_error", *standard_error,
         std::string("must be at most 1 (") +
             (spec.groups == 1 ? "a rate's standard error is at most 0.5"
                               : "a difference of two rates has a standard error of at most 0.71") +
             "): check that it is not a variance or a percentage");
  } else if (*standard_error > EndpointSpec::kMaxMagnitude) {
    fail("standard_error", *standard_error, "must be at most 1e100: the standard error of the log of the ratio");
  }
}

LookStatistic look_statistic(const EndpointSpec& spec, const LookData& l) {
  l.validate(spec);
  const double m = spec.null_value();
  const double sign = sign_of(spec);
  if (has_summaries(l) && spec.type == EndpointType::kBinary) return binary_summaries(spec, l);
  LookStatistic s;
  if (l.z) {
    s.patients = *l.patients;
    s.z = *l.z;
    s.standard_error = planned_standard_error(spec, s.patients);
    return s;
  }
  if (has_summaries(l)) {
    s = normal_summaries(spec, l);
  } else {
    s.patients = *l.patients;
    s.estimate = l.estimate;
    s.standard_error = *l.standard_error;
    if (uses_t(spec)) s.degrees_of_freedom = s.patients - spec.groups;
  }
  const double distance = ratio_scale(spec) ? std::log(*s.estimate / m) : *s.estimate - m;
  const double t = sign * distance / s.standard_error;
  s.z = uses_t(spec) ? z_of_t(t, *s.degrees_of_freedom) : t;
  if (!uses_t(spec)) s.degrees_of_freedom.reset();
  // A z the monitor refuses (numerics::kMaxAbsZ), named by what gave it.
  if (!(std::fabs(s.z) <= numerics::kMaxAbsZ)) {
    const std::string z = "z = " + numerics::format_value(s.z);
    if (has_summaries(l)) {
      throw numerics::InvalidInput({}, ": the arms' means and sds give " + z + ", outside [-1e6, 1e6]; check the arms' n, means and sds");
    }
    throw numerics::InvalidInput({"standard_error"}, numerics::format_input(s.standard_error),
                                 "gives " + z + " with the estimate " + numerics::format_input(*s.estimate) +
                                     ", outside [-1e6, 1e6]");
  }
  return s;
}

std::optional<NaturalInterval> invert_look(const EndpointSpec& spec, const LookData& l,
                                           const LookStatistic& s, double b) {
  if (!std::isfinite(b)) return std::nullopt;
  if (has_summaries(l) && spec.type == EndpointType::kBinary && spec.variance == RateVariance::kRestricted) {
    const auto score = [&](double v) { return binary_score(spec, l, v); };
    NaturalInterval out;
    if (ratio_scale(spec)) {
      const auto log_score = [&](double u) { return score(std::exp(u)); };
      out.lower = std::exp(decreasing_root(log_score, -kLogRatioSpan, kLogRatioSpan, b));
      out.upper = std::exp(decreasing_root(log_score, -kLogRatioSpan, kLogRatioSpan, -b));
    } else {
      const double lo = spec.groups == 1 ? kEdge : -1.0 + kEdge;
      out.lower = decreasing_root(score, lo, 1.0 - kEdge, b);
      out.upper = decreasing_root(score, lo, 1.0 - kEdge, -b);
    }
    return out;
  }
  const double centre = s.estimate ? *s.estimate : natural_at_drift(spec, s, s.z);
  const double q = s.degrees_of_freedom ? t_of_z(b, *s.degrees_of_freedom) : b;
  if (ratio_scale(spec)) {
    return NaturalInterval{centre * std::exp(-q * s.standard_error), centre * std::exp(q * s.standard_error)};
  }
  return NaturalInterval{within_parameter_range(spec, centre - q * s.standard_error),
                         within_parameter_range(spec, centre + q * s.standard_error)};
}

double within_parameter_range(const EndpointSpec& spec, double value) {
  if (spec.type != EndpointType::kBinary || ratio_scale(spec)) return value;
  const double lo = spec.groups == 1 ? kEdge : -1.0 + kEdge;
  return std::clamp(value, lo, 1.0 - kEdge);
}

double natural_at_drift(const EndpointSpec& spec, const LookStatistic& s, double drift) {
  const double m = spec.null_value();
  const double shift = sign_of(spec) * drift * s.standard_error;
  return ratio_scale(spec) ? m * std::exp(shift) : m + shift;
}

double standardized_effect(const EndpointSpec& spec) {
  const detail::Statistic st = detail::statistic(spec);
  return st.effect / std::sqrt(st.v1);
}

}  // namespace gsd::endpoints
