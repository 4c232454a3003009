// Expected times and events of looks triggered by events, calendar time, or
// whichever comes first or last; see look_trigger.hpp.
#include "gsd/survival/look_trigger.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "check.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/survival/event_projection.hpp"

namespace gsd::survival {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// How a look's expected information fails to follow the previous one's.
std::string not_past(double previous, double next) {
  return next > previous ? "within a millionth of" : "not more than";
}

}  // namespace

bool looks_by_events(const SurvivalSpec& spec) {
  return std::all_of(spec.looks.begin(), spec.looks.end(),
                     [](const LookTrigger& t) { return t.kind == LookTriggerKind::kEvents; });
}

std::vector<ExpectedLook> expected_looks(const SurvivalSpec& spec, double patients,
                                         std::span<const double> planned_events,
                                         const numerics::SolverOptions& options) {
  if (!spec.looks.empty() && spec.looks.size() != planned_events.size()) {
    detail::fail_sizes("looks", spec.looks.size(), "design.information_fractions",
                       planned_events.size());
  }
  spec.validate_looks();
  const double limit = event_fraction_limit(spec, options) * patients;
  std::vector<ExpectedLook> out;
  for (std::size_t k = 0; k < planned_events.size(); ++k) {
    const LookTrigger trigger = spec.looks.empty() ? LookTrigger{} : spec.looks[k];
    const double d = planned_events[k];
    // The time the model expects the look's events (never, at or beyond the
    // all-time limit: a look by time alone does not need them).
    const bool needs_events = trigger.kind != LookTriggerKind::kTime;
    const double by_events =
        needs_events && (trigger.kind == LookTriggerKind::kEvents || d < limit)
            ? calendar_time_for_events(spec, patients, d, options)
            : kInf;
    const double t = trigger.time;
    const ExpectedLook at_events{by_events, d, true};
    const auto at_time = [&] {
      return ExpectedLook{t, patients * event_fraction(spec, t, options), false};
    };
    switch (trigger.kind) {
      case LookTriggerKind::kEvents: out.push_back(at_events); break;
      case LookTriggerKind::kTime: out.push_back(at_time()); break;
      case LookTriggerKind::kFirst: out.push_back(by_events <= t ? at_events : at_time()); break;
      case LookTriggerKind::kLast: out.push_back(by_events >= t ? at_events : at_time()); break;
    }
    if (k > 0 && !numerics::is_information_step(out[k - 1].events, out[k].events)) {
      const auto [events, previous] = numerics::format_apart(out[k].events, out[k - 1].events);
      detail::fail(numerics::FieldPath{"looks", k},
                   ": the model expects " + events + " events at it (at " +
                       (out[k].by_events ? detail::format_value(out[k].calendar_time)
                                         : detail::format_input(out[k].calendar_time)) +
                       " " + spec.time_unit + "), " + not_past(out[k - 1].events, out[k].events) +
                       " the previous look's " + previous + ": move it later");
    }
  }
  return out;
}

std::vector<double> sized_look_fractions(const SurvivalSpec& spec, std::span<const double> fractions,
                                         const numerics::SolverOptions& options) {
  if (!spec.follow_up) {
    throw std::invalid_argument("sized_look_fractions: the follow-up is not given");
  }
  if (!spec.looks.empty() && spec.looks.size() != fractions.size()) {
    detail::fail_sizes("looks", spec.looks.size(), "design.information_fractions", fractions.size());
  }
  spec.validate_looks();
  const double end = spec.accrual.duration() + *spec.follow_up;
  const double at_end = event_fraction(spec, end, options);
  std::vector<double> out;
  for (std::size_t k = 0; k < fractions.size(); ++k) {
    const LookTrigger trigger = spec.looks.empty() ? LookTrigger{} : spec.looks[k];
    double f = fractions[k];
    if (trigger.kind != LookTriggerKind::kEvents) {
      if (!(trigger.time < end)) {
        detail::fail(numerics::FieldPath{"looks", k, "time"}, trigger.time,
                     "must be before the end of follow-up at " + detail::format_value(end) + " " +
                         spec.time_unit + " (accrual + follow_up), where the final look's events are "
                         "expected");
      }
      const double by_time = event_fraction(spec, trigger.time, options) / at_end;
      f = trigger.kind == LookTriggerKind::kTime    ? by_time
          : trigger.kind == LookTriggerKind::kFirst ? std::min(f, by_time)
                                                    : std::max(f, by_time);
    }
    if (k > 0 && !numerics::is_information_step(out.back(), f)) {
      const auto [percent, previous] = numerics::format_apart(100.0 * f, 100.0 * out.back());
      detail::fail(numerics::FieldPath{"looks", k},
                   ": the model expects " + percent + "% of the final events at it, " +
                       not_past(out.back(), f) + " the previous look's " + previous + "%: move it later");
    }
    out.push_back(f);
  }
  out.back() = 1.0;
  return out;
}

}  // namespace gsd::survival
