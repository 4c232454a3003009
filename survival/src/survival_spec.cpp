#include "gsd/survival/survival_spec.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"

namespace gsd::survival {

using detail::format_value;

namespace {

// The largest term of a ratio p:q counted as whole patients, as the
// simulator's permuted blocks (simulate/trial_model.hpp).
constexpr int kMaxRatioTerm = 20;
// A ratio within this relative distance of p/q is p/q (ratios are typed
// with a few decimals).
constexpr double kRatioTolerance = 1e-9;
// Blocks beyond this many patients are surely a typo.
constexpr int kMaxBlock = 1000;
// How far apart the model's time scales may be: each arm's noncured median
// latency within this factor of the accrual duration, either way. The
// event-driven power gives the same value for ratios from 1e-12 to 1e12 on
// the seed trial (events all at entry at one end, none during accrual at the
// other), and fails or drifts beyond (a median of 1e-15 accrual durations
// gave power 0.52 against 0.71); 1e9 keeps a margin of a thousand, and is far
// beyond any trial: a median of a minute against 2,000 years of accrual.
constexpr double kMaxTimeScaleRatio = 1e9;

// Drop-outs per patient over an arm's noncured median latency. With a
// median of 12 months the plans computed at 1e4 a month (1.2e5 here; 36
// million patients for power 0.8) and at 1e5 a month the quadrature of the
// events ever expected failed; 1e4 keeps a margin of over ten, where about
// one patient in 15,000 (ln 2 / 1e4) still has the event.
constexpr double kMaxDropoutsPerMedian = 1e4;

// The Weibull shapes within which the event-driven power agrees with
// simulation on the seed trial (202 patients, control latency Weibull with
// scale 7 months, 20,000 simulated trials): shape 0.2 gives 0.8590 against
// 0.8583 simulated, 100 gives 0.7182 against 0.7198. At 200 it gives 0.6562
// against 0.7191, and at 0.05 or 500 it fails. Trials' latencies have shapes
// of about 0.3 to 5.
constexpr double kMinWeibullShape = 0.2;
constexpr double kMaxWeibullShape = 100.0;

// An arm's latency within the ranges above: a Weibull shape in
// [kMinWeibullShape, kMaxWeibullShape], and the noncured median against the
// accrual duration.
void check_latency_ranges(const char* arm, const CureModel& model, const Accrual& accrual,
                          const std::string& unit) {
  const Latency& latency = model.latency();
  if (latency.family() == LatencyFamily::kWeibull &&
      !(latency.shape() >= kMinWeibullShape && latency.shape() <= kMaxWeibullShape)) {
    detail::fail(numerics::FieldPath{arm, "weibull", "shape"}, latency.shape(),
                 "must lie in [0.2, 100]: the shapes over which gsd's event-driven power was "
                 "checked against simulation (beyond them it drifts or fails)");
  }
  const double duration = accrual.duration();
  // A piece's hazard as a drop-out hazard is held (check_dropout_scale): a
  // hazard of 1e300 a month passed the median's test and left the
  // event-driven power without a finite variance.
  if (latency.family() == LatencyFamily::kPiecewiseExponential) {
    const std::vector<double>& rates = latency.rates();
    for (std::size_t i = 0; i < rates.size(); ++i) {
      const double per_accrual = rates[i] * duration;
      if (per_accrual <= kMaxTimeScaleRatio) continue;
      detail::fail(numerics::FieldPath{arm, "piecewise", "rates", i}, rates[i],
                   "is a hazard of " + format_value(per_accrual) + " per accrual duration (" +
                       format_value(duration) + " " + unit +
                       "): gsd computes up to 1e9; check the time unit (survival.time_unit)");
    }
  }
  const double median = latency.median();
  const double ratio = median / duration;
  if (ratio <= kMaxTimeScaleRatio && ratio >= 1.0 / kMaxTimeScaleRatio) return;
  throw numerics::InvalidInput(
      numerics::FieldPath{arm},
      "has a noncured median latency of " + format_value(median) + " " + unit + ", " +
          (std::isfinite(ratio) ? format_value(ratio) : std::string("more than 1e308")) +
          " times the accrual duration (" + format_value(duration) + " " + unit +
          "): gsd computes with the two within a factor of 1e9 of each other; check the time unit "
          "of each (survival.time_unit)");
}

// A drop-out hazard against the accrual duration: at most kMaxTimeScaleRatio
// drop-outs expected per patient over the accrual (a smaller rate is harmless,
// down to none).
// Against the arm's own latency too: at most kMaxDropoutsPerMedian drop-outs
// expected per patient over its noncured median latency.
void check_dropout_scale(const char* arm, double rate, const CureModel& model, const Accrual& accrual,
                         const std::string& unit) {
  const double per_accrual = rate * accrual.duration();
  if (per_accrual > kMaxTimeScaleRatio) {
    detail::fail(numerics::FieldPath{"dropout", arm}, rate,
                 "is a drop-out hazard of " + format_value(per_accrual) + " per accrual duration (" +
                     format_value(accrual.duration()) + " " + unit +
                     "): gsd computes up to 1e9; check the time unit (survival.time_unit)");
  }
  const double median = model.latency().median();
  const double per_median = rate * median;
  if (per_median <= kMaxDropoutsPerMedian) return;
  detail::fail(numerics::FieldPath{"dropout", arm}, rate,
               "is " + format_value(per_median) + " drop-outs per patient over the arm's noncured median latency (" +
                   format_value(median) + " " + unit +
                   "): gsd computes up to 1e4, where about one patient in 15,000 still has the event; check "
                   "the rate and its time unit (survival.time_unit)");
}

}  // namespace

int SurvivalSpec::allocation_sum() const {
  for (int q = 1; q <= kMaxRatioTerm; ++q) {
    const double p = allocation_ratio * q;
    const double rounded = std::round(p);
    if (rounded >= 1.0 && rounded <= kMaxRatioTerm && std::fabs(p - rounded) < kRatioTolerance * p) {
      const int whole = static_cast<int>(rounded);
      return (whole + q) / std::gcd(whole, q);
    }
  }
  detail::fail("allocation_ratio", allocation_ratio,
               "is not p/q with p, q <= 20; whole patients per arm (integer) need such a ratio");
}

namespace {

// A hazard-ratio margin is a statement about one hazard ratio over all time.
// Under a cure model the hazard ratio moves towards 1 as the uncured die (the
// cured never have the event), so no single hazard ratio holds to test a
// margin on; gsd refuses rather than test an average the protocol did not
// define. The exact method's log-rank test is of equal hazards.
void check_null_hazard_ratio(const SurvivalSpec& s) {
  const double h0 = s.hazard_ratio_h0;
  if (!(std::isfinite(h0) && h0 > 0.0)) detail::fail("hazard_ratio_h0", h0, "must be positive");
  if (!s.non_inferiority()) return;
  if (s.control.cure_fraction() > 0.0 || s.treatment.cure_fraction() > 0.0) {
    detail::fail("hazard_ratio_h0", h0,
                 "needs proportional hazards, but the model has a cure fraction: the hazard ratio "
                 "of a cure model changes over time (the cured never have the event), so no single "
                 "hazard ratio exists to test a margin on");
  }
  if (s.method != SizingMethod::kSchoenfeld && s.method != SizingMethod::kLachinFoulkes) {
    detail::fail("hazard_ratio_h0", h0,
                 s.method == SizingMethod::kExact
                     ? "needs survival.method \"schoenfeld\" or \"lachin-foulkes\": the exact "
                       "method's log-rank test is of equal hazards"
                     : "needs survival.method \"schoenfeld\" or \"lachin-foulkes\": the Freedman "
                       "formulas are for superiority only (as rpact 3.3.4)");
  }
}

}  // namespace

void SurvivalSpec::validate() const {
  numerics::check_allocation_ratio({"allocation_ratio"}, allocation_ratio);
  check_latency_ranges("control", control, accrual, time_unit);
  check_latency_ranges("treatment", treatment, accrual, time_unit);
  if (dropout_control) {
    detail::check_non_negative(numerics::FieldPath{"dropout", "control"}, *dropout_control);
    check_dropout_scale("control", *dropout_control, control, accrual, time_unit);
  }
  if (dropout_treatment) {
    detail::check_non_negative(numerics::FieldPath{"dropout", "treatment"}, *dropout_treatment);
    check_dropout_scale("treatment", *dropout_treatment, treatment, accrual, time_unit);
  }
  if (patients && *patients <= 0) detail::fail("patients", static_cast<double>(*patients), "must be positive");
  if (events && *events <= 0) detail::fail("events", static_cast<double>(*events), "must be positive");
  if (patients && events && *events > *patients) {
    detail::fail("events", static_cast<double>(*events),
                 std::string("exceeds patients = ").append(std::to_string(*patients)));
  }
  if (follow_up) detail::check_non_negative("follow_up", *follow_up);
  if (analysis_cap && !(*analysis_cap > 0.0 && *analysis_cap <= kMaxAnalysisCap)) {
    detail::fail("analysis_cap", *analysis_cap, "must lie in (0, 1e6]: a calendar time");
  }
  if (analysis_cap) check_calendar_time({"analysis_cap"}, *analysis_cap);
  // A probability; solve_survival also requires it above the design's alpha.
  if (power && !(*power > 0.0 && *power < 1.0)) detail::fail("power", *power, "must lie in (0, 1)");
  check_null_hazard_ratio(*this);
  if (block && !integer) {
    throw numerics::InvalidInput({"block"}, std::to_string(*block),
                                 "rounds patients only in an integer plan: set survival.integer = true");
  }
  if (integer) {
    const int sum = allocation_sum();
    if (block && (*block <= 0 || *block > kMaxBlock || *block % sum != 0)) {
      throw numerics::InvalidInput({"block"}, std::to_string(*block),
                                   "must be a multiple of " + std::to_string(sum) +
                                       " (the allocation ratio's whole block), at most " +
                                       std::to_string(kMaxBlock));
    }
  }
}

void SurvivalSpec::check_calendar_time(const numerics::FieldPath& path, double t) const {
  const double duration = accrual.duration();
  if (!(t >= duration / kMaxTimeScaleRatio)) {
    detail::fail(path, t,
                 "must be at least 1e-9 of the accrual duration (" + format_value(duration) + " " + time_unit +
                     "): gsd computes with time scales within a factor of 1e9; check the time unit "
                     "(survival.time_unit)");
  }
}

void SurvivalSpec::validate_looks() const {
  double previous = 0.0;
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const LookTrigger& look = looks[k];
    if (look.kind == LookTriggerKind::kEvents) continue;
    const numerics::FieldPath path{"looks", k, "time"};
    if (k + 1 == looks.size()) {
      detail::fail(path, look.time,
                   "cannot time the final look: it is at the planned events (cap it with "
                   "survival.analysis_cap)");
    }
    if (!(look.time > 0.0 && look.time <= kMaxAnalysisCap)) {
      detail::fail(path, look.time, "must lie in (0, 1e6]: a calendar time");
    }
    check_calendar_time(path, look.time);
    if (analysis_cap && !(look.time < *analysis_cap)) {
      detail::fail(path, look.time,
                   "must be before survival.analysis_cap = " + detail::format_input(*analysis_cap));
    }
    if (!(look.time > previous)) {
      detail::fail(path, look.time,
                   "must be greater than the previous look's time " + detail::format_input(previous));
    }
    previous = look.time;
  }
}

}  // namespace gsd::survival
