#include "gsd/monitoring/look_schedule.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/exit_probabilities.hpp"

namespace gsd::monitoring {

using namespace gsd::numerics;  // NOLINT: the layers below, in this file only
using namespace gsd::spending;  // NOLINT

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// ceil(t D) of a planned fraction: a product like 0.5 * 94 may carry rounding
// of order 1e-14, which must not push 47 up to 48.
constexpr double kEventRounding = 1e-9;

// The design spec of this schedule at overall alpha: the observed fractions
// and, for spending families, a user spending function through exactly the
// cumulative alpha the plan's function spends at d / D (alpha at the final).
DesignSpec schedule_spec(const DesignSpec& planned, const std::vector<double>& fractions,
                         const std::vector<double>& spending_times, double alpha) {
  DesignSpec spec = planned;
  spec.alpha = alpha;
  spec.information_fractions = fractions;
  if (const auto* f = std::get_if<SpendingFunction>(&planned.efficacy)) {
    const double per_side = spec.alpha_per_side();
    std::vector<double> cumulative(fractions.size());
    for (std::size_t k = 0; k < fractions.size(); ++k) {
      cumulative[k] = k + 1 == fractions.size() ? 1.0 : spent(*f, per_side, spending_times[k]) / per_side;
      if (k > 0 && cumulative[k] < cumulative[k - 1]) cumulative[k] = cumulative[k - 1];
    }
    spec.efficacy = SpendingFunction::user(fractions, cumulative);
  }
  // Beta-spending needs an interim look; a schedule of the final look alone has none.
  if (fractions.size() < 2) spec.futility.reset();
  return spec;
}

std::vector<double> schedule_events(const MonitoringPlan& plan, std::span<const double> observed,
                                    bool final_analysis) {
  std::vector<double> events(observed.begin(), observed.end());
  const double d = observed.back();
  const double planned = plan.planned_events;
  if (final_analysis || d >= planned) return events;
  for (double t : plan.design.information_fractions) {
    const double e = std::ceil(t * planned - kEventRounding);
    if (e > events.back() && e < planned) events.push_back(e);
  }
  events.push_back(planned);
  return events;
}

}  // namespace

LookSchedule schedule_at_look(const MonitoringPlan& plan, std::span<const double> observed,
                              bool final_analysis) {
  if (observed.empty()) throw numerics::InvalidInput({"looks"}, "[]", "must hold at least one look");
  for (std::size_t k = 0; k < observed.size(); ++k) {
    const numerics::FieldPath look{"looks", k};
    numerics::within(look, [&] { return log_rank_information(observed[k], plan.allocation_ratio); });
    if (k > 0 && !(observed[k] > observed[k - 1])) {
      std::ostringstream rule;
      rule << "must exceed the previous look's " << observed[k - 1] << " events";
      throw numerics::InvalidInput(look.key("events"), numerics::format_value(observed[k]), rule.str());
    }
  }
  LookSchedule s;
  s.events = schedule_events(plan, observed, final_analysis);
  if (s.events.size() > DesignSpec::kMaxLooks) {
    throw numerics::InvalidInput({"looks"}, ": " + std::to_string(s.events.size()) +
                                " looks with the planned remainder; at most " +
                                std::to_string(DesignSpec::kMaxLooks) + " are supported");
  }
  s.current = observed.size() - 1;
  const std::size_t n = s.events.size();
  for (std::size_t k = 0; k < n; ++k) {
    s.information.push_back(log_rank_information(s.events[k], plan.allocation_ratio));
    s.fractions.push_back(s.events[k] / s.events.back());
    s.spending_times.push_back(k + 1 == n ? 1.0 : s.events[k] / plan.planned_events);
  }
  s.fractions.back() = 1.0;
  const DesignSpec spec = schedule_spec(plan.design, s.fractions, s.spending_times, plan.design.alpha);
  s.futility.assign(n, std::nullopt);
  if (spec.futility) {
    const Design d = compute_design(spec);
    s.futility = d.futility;
    s.efficacy = spec.futility->binding ? d.efficacy : efficacy_bounds(spec);
  } else {
    s.efficacy = efficacy_bounds(spec);
  }
  // Type I error actually spent by these bounds (binding futility counts).
  StoppingRegions h0{std::vector<double>(n, -kInf), s.efficacy};
  const bool two_sided = spec.sided == Sidedness::kTwoSidedSymmetric;
  const bool binding = spec.futility && spec.futility->binding;
  for (std::size_t k = 0; k < n; ++k) {
    if (two_sided) h0.lower[k] = -s.efficacy[k];
    if (binding && s.futility[k]) h0.lower[k] = *s.futility[k];
  }
  const ExitProbabilities null = exit_probabilities(s.fractions, h0, 0.0, spec.solver);
  s.cumulative_alpha = null.cumulative_upper();
  if (two_sided) {
    const auto lower = null.cumulative_lower();
    for (std::size_t k = 0; k < n; ++k) s.cumulative_alpha[k] += lower[k];
  }
  return s;
}

std::vector<double> efficacy_at_alpha(const MonitoringPlan& plan, const LookSchedule& schedule,
                                      double alpha) {
  DesignSpec spec = schedule_spec(plan.design, schedule.fractions, schedule.spending_times, alpha);
  spec.futility.reset();
  return efficacy_bounds(spec);
}

}  // namespace gsd::monitoring
