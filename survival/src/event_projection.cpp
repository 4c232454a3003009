// Expected events by calendar time; see event_projection.hpp for the formula.
// The convolution with the accrual cdf follows e.g. Lachin & Foulkes (1986)
// Biometrics 42:507 and Kim & Tsiatis (1990) Biometrics 46:81.
#include "gsd/survival/event_projection.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "check.hpp"
#include "quadrature.hpp"
#include "root_search.hpp"

namespace gsd::survival {

namespace {

double arm_fraction(const SurvivalSpec& spec, const detail::Arm& arm, double tau,
                    const numerics::SolverOptions& options) {
  if (!(tau > 0.0)) return 0.0;
  detail::Quadrature q(options, "expected events");
  q.add(arm.latency(), [&](double s) { return arm.event_weight(s) * spec.accrual.cdf(tau - s); },
        tau, detail::split_times(spec, tau));
  return q.result();
}

double arm_limit(const SurvivalSpec& spec, const detail::Arm& arm,
                 const numerics::SolverOptions& options) {
  if (std::fpclassify(arm.dropout) == FP_ZERO) return arm.share * arm.model->events_limit();
  const double infinity = std::numeric_limits<double>::infinity();
  detail::Quadrature q(options, "all-time expected events");
  q.add(arm.latency(), [&](double s) { return arm.event_weight(s); }, infinity,
        detail::split_times(spec, infinity));
  return q.result();
}

std::string percent(double fraction) {
  std::ostringstream out;
  out.precision(4);
  out << 100.0 * fraction << '%';
  return out.str();
}

[[noreturn]] void fail_unreachable(const SurvivalSpec& spec, double patients, double events,
                                   double limit) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << "exceeds the " << limit * patients << " events that " << detail::format_value(patients)
      << " patients can ever produce (cure " << percent(spec.control.cure_fraction()) << " / "
      << percent(spec.treatment.cure_fraction());
  if (spec.dropout_control || spec.dropout_treatment) out << ", with drop-out";
  out << ')';
  throw numerics::InvalidInput({"events"}, detail::format_input(events), out.str());
}

// The event fraction climbs to its limit, so doubling always brackets a
// target below the limit; not reaching it by this time (near the largest
// double) means the quadrature failed.
constexpr double kMaxCalendarTime = 1e300;

}  // namespace

double arm_event_fraction(const SurvivalSpec& spec, int arm, double tau,
                          const numerics::SolverOptions& options) {
  if (arm != 0 && arm != 1) detail::fail("arm", arm, "must be 0 (control) or 1 (treatment)");
  return arm_fraction(spec, arm == 0 ? detail::control_arm(spec) : detail::treatment_arm(spec),
                      tau, options);
}

double event_fraction(const SurvivalSpec& spec, double tau, const numerics::SolverOptions& options) {
  if (!(tau > 0.0)) return 0.0;
  const std::vector<double> split = detail::split_times(spec, tau);
  detail::Quadrature q(options, "expected events");
  for (const detail::Arm& arm : {detail::control_arm(spec), detail::treatment_arm(spec)}) {
    q.add(arm.latency(), [&](double s) { return arm.event_weight(s) * spec.accrual.cdf(tau - s); },
          tau, split);
  }
  return q.result();
}

double event_fraction_limit(const SurvivalSpec& spec, const numerics::SolverOptions& options) {
  return arm_limit(spec, detail::control_arm(spec), options) +
         arm_limit(spec, detail::treatment_arm(spec), options);
}

void check_events_reachable(const SurvivalSpec& spec, double patients, double events,
                            const numerics::SolverOptions& options) {
  detail::check_positive("patients", patients);
  detail::check_positive("events", events);
  const double limit = event_fraction_limit(spec, options);
  if (!(events / patients < limit)) fail_unreachable(spec, patients, events, limit);
}

double calendar_time_for_events(const SurvivalSpec& spec, double patients, double events,
                                const numerics::SolverOptions& options) {
  check_events_reachable(spec, patients, events, options);
  const double target = events / patients;
  const auto excess = [&](double tau) { return event_fraction(spec, tau, options) - target; };
  double hi = spec.accrual.duration();
  while (excess(hi) < 0.0) {
    hi *= 2.0;
    if (hi > kMaxCalendarTime) {
      throw numerics::NumericalError("calendar time for the target events", hi, excess(hi), 0);
    }
  }
  return detail::find_root(excess, 0.0, hi, options, "calendar time for the target events");
}

std::vector<double> look_times(const SurvivalSpec& spec, double patients,
                               std::span<const double> events, const numerics::SolverOptions& options) {
  std::vector<double> times;
  times.reserve(events.size());
  for (double d : events) times.push_back(calendar_time_for_events(spec, patients, d, options));
  return times;
}

}  // namespace gsd::survival
