// The limits of a survival plan (plan_limits.hpp).
#include "plan_limits.hpp"

#include <cmath>
#include <sstream>
#include <string>
#include <utility>

#include "check.hpp"
#include "gsd/spending/design_limits.hpp"
#include "gsd/survival/sample_size.hpp"

namespace gsd::survival::detail {

namespace {

std::string describe(double value) { return format_value(value); }

// The default cap, where the calendar profile can resolve the trial: a
// latency whose survival levels off above 1% (a last piecewise hazard of
// 1e-10 a month) has its 99th percentile ages past its median (3e10 months
// against 30), and the profile over that span placed the looks' events at
// 1e8 months. An exponential's 99th percentile is 6.6 times its median, a
// Weibull's of shape 0.2 (the least allowed) 12,800 times.
constexpr double kMaxTailOverMedian = 1e6;

}  // namespace

void check_target_power(double power, const spending::Design& design) {
  const double alpha = design.spec.alpha_per_side();
  if (!(power > alpha && power < 1.0)) {
    std::ostringstream rule;
    rule << "must lie in (" << describe(alpha) << ", 1): above the one-sided alpha";
    if (design.spec.sided == spending::Sidedness::kTwoSidedSymmetric) rule << " (alpha / 2 for two-sided)";
    fail("power", power, rule.str());
  }
  // The design's own limit on beta: above it the powers' few units in the
  // ninth digit could carry a plan's power past 1.
  if (power > 1.0 - spending::kMinDesignBeta) {
    fail("power", power,
         "is above " + format_input(1.0 - spending::kMinDesignBeta) +
             ", the largest power gsd solves to its stated accuracy (design.beta has the same limit, 0.0001); "
             "give a power up to 0.9999");
  }
}

void check_first_time_look(const SurvivalSpec& spec, double expected_events, long long patients) {
  if (expected_events >= 1.0) return;
  fail(numerics::FieldPath{"looks", std::size_t{0}, "time"}, spec.looks.front().time,
       "leaves the first look without events: the model expects " + describe(expected_events) +
           " events by then from the " + describe(static_cast<double>(patients)) + " patients; move it later");
}

// Its events are the design's first fraction of the total, so a look by
// events is named by the power that sets the total.
void fail_first_look_empty(const SurvivalSpec& spec, const spending::Design& design, double patients) {
  const double fraction = design.spec.information_fractions.front();
  const std::string power = format_input(*spec.power);
  const std::string fewest = describe(std::ceil(patients));
  if (!spec.looks.empty() && spec.looks.front().kind != LookTriggerKind::kEvents) {
    const double time = spec.looks.front().time;
    throw numerics::InvalidInput(numerics::FieldPath{"looks", std::size_t{0}, "time"}, format_input(time),
                                 "leaves the first look without events: power " + power +
                                     " needs fewer patients than the " + fewest +
                                     " that give it one expected event (" + describe(100.0 * fraction) +
                                     "% of the final events by then); move it later");
  }
  throw numerics::InvalidInput({"power"}, power,
                               "needs fewer patients than the " + fewest +
                                   " that give the first look one expected event (design.information_fractions[0] = " +
                                   format_input(fraction) + " of the final events); give a larger first fraction");
}

double checked_default_cap(const SurvivalSpec& spec) {
  const double h = -std::log(kDefaultCapSurvival);
  const std::pair<const char*, const CureModel*> arms[] = {{"control", &spec.control}, {"treatment", &spec.treatment}};
  for (const auto& [arm, model] : arms) {
    const double tail = model->latency().inverse_cumulative_hazard(h);
    const double median = model->latency().median();
    if (tail <= kMaxTailOverMedian * median) continue;
    fail("analysis_cap",
         std::string("is needed: the ") + arm + " arm's noncured latency has its 99th percentile at " +
             describe(tail) + " " + spec.time_unit + ", " + describe(tail / median) +
             " times its median (its hazard nearly stops), so the default cap (the end of accrual plus that "
             "percentile) lies beyond any trial; give survival.analysis_cap, the protocol's latest final analysis");
  }
  return default_calendar_cap(spec);
}

}  // namespace gsd::survival::detail
