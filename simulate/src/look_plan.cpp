#include "gsd/simulate/look_plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gsd/survival/sample_size.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/numerical_error.hpp"
#include "gsd/numerics/sequential_integrator.hpp"
#include "gsd/spending/bound_search.hpp"

namespace gsd::simulate {

using numerics::FieldPath;
using numerics::InvalidInput;
using numerics::SequentialIntegrator;
using numerics::StoppingRegions;
using spending::Design;
using spending::Sidedness;
using spending::solve_efficacy_bound;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// A bound not yet solved (no bound is NaN).
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool two_sided(const Design& d) { return d.spec.sided == Sidedness::kTwoSidedSymmetric; }

}  // namespace

LookPlan make_look_plan(const Design& design, int events,
                        const std::optional<std::vector<int>>& look_events) {
  const auto& t = design.spec.information_fractions;
  if (events < static_cast<int>(t.size())) {
    throw InvalidInput({"events"}, std::to_string(events),
                       "must be at least " + std::to_string(t.size()) + " (one per look)");
  }
  LookPlan plan;
  plan.planned_events = events;
  if (look_events) {
    if (look_events->size() != t.size()) {
      throw InvalidInput({"look_events"}, "has " + std::to_string(look_events->size()) +
                                              " entries but the design has " +
                                              std::to_string(t.size()) + " looks");
    }
    for (std::size_t k = 0; k < t.size(); ++k) {
      const int d = (*look_events)[k];
      const double planned = t[k] * events;
      if (!(std::fabs(d - planned) < 1.0)) {
        std::ostringstream rule;
        // The look is counted from 1 in words, so that no binding has to
        // translate an index inside the message.
        rule << "does not match the design's look " << k + 1 << ": information fraction " << t[k] << " x "
             << events << " events = " << planned << " (give it rounded up or down)";
        throw InvalidInput(FieldPath{"look_events", k}, std::to_string(d), rule.str());
      }
    }
    plan.look_events = *look_events;
  } else {
    for (long long d : survival::look_events(t, events)) {
      plan.look_events.push_back(static_cast<int>(d));
    }
  }
  for (std::size_t k = 0; k < plan.look_events.size(); ++k) {
    if (plan.look_events[k] < 1 || (k > 0 && plan.look_events[k] <= plan.look_events[k - 1])) {
      throw InvalidInput(FieldPath{"look_events", k}, std::to_string(plan.look_events[k]),
                         "must be at least 1 and more than the previous look's");
    }
  }
  if (plan.look_events.back() != events) {
    throw InvalidInput(FieldPath{"look_events", plan.look_events.size() - 1},
                       std::to_string(plan.look_events.back()),
                       "must equal the planned events " + std::to_string(events));
  }
  return plan;
}

CappedFinalBounds::CappedFinalBounds(const Design& design, const LookPlan& plan,
                                     CappedInformation information)
    : look_events_(plan.look_events),
      fractions_(design.spec.information_fractions),
      planned_events_(plan.planned_events),
      information_(information),
      two_sided_(two_sided(design)),
      harm_(design.spec.harm.has_value()),
      bound_(std::make_unique<std::atomic<double>[]>(static_cast<std::size_t>(plan.planned_events) + 1)),
      harm_bound_(std::make_unique<std::atomic<double>[]>(static_cast<std::size_t>(plan.planned_events) + 1)) {
  const auto& t = fractions_;
  for (std::size_t d = 0; d <= static_cast<std::size_t>(plan.planned_events); ++d) {
    bound_[d].store(kNaN, std::memory_order_relaxed);
    harm_bound_[d].store(kNaN, std::memory_order_relaxed);
  }
  const StoppingRegions regions = design.null_regions();
  const std::vector<double> cumulative = design.cumulative_alpha();
  // The efficacy side's alpha: the total of a symmetric two-sided design,
  // alpha - harm.alpha beside a harm bound.
  const double alpha = two_sided_ ? design.spec.alpha : design.spec.alpha_per_side();
  SequentialIntegrator h0(design.spec.solver);
  // The harm side as its alpha was spent (spending::Design::harm_null): every
  // harm bound, the efficacy bounds, and the futility bounds if binding.
  SequentialIntegrator harm(design.spec.solver);
  double harm_spent = 0.0;
  segments_.reserve(look_events_.size());
  for (std::size_t k = 0; k < look_events_.size(); ++k) {
    // Capped finals between look k-1 and look k: looks 0..k-1 done.
    const double remaining = alpha - (k == 0 ? 0.0 : cumulative[k - 1]);
    const double harm_left = harm_ ? design.spec.harm->alpha - harm_spent : 0.0;
    segments_.push_back({h0, harm, remaining, harm_left});
    if (k + 1 < look_events_.size()) {
      // The grid must resolve the shortest step asked of it: to the capped
      // final one event after this look (or to the next look).
      const double nearest = std::min(fraction(look_events_[k] + 1, k + 1), t[k + 1]);
      // (look_events[k] is t[k] * events rounded up or down, so the one after
      // it lies beyond t[k].)
      h0.advance_outside(t[k], 0.0, regions.lower[k], regions.upper[k],
                         regions.inner.empty() ? 0.0 : regions.inner[k], nearest);
      if (harm_) {
        double lower = design.harm[k].value_or(-kInf);
        if (design.spec.binding_futility() && design.futility[k]) lower = std::max(lower, *design.futility[k]);
        harm.advance(t[k], 0.0, lower, design.efficacy[k], nearest);
        harm_spent += design.harm_null[k];
      }
    }
  }
}

// The information fraction of a capped final with d events, d between look
// k - 1's events and look k's.
double CappedFinalBounds::fraction(int events, std::size_t k) const {
  if (information_ == CappedInformation::kEventFraction) return events / planned_events_;
  const double d0 = k == 0 ? 0.0 : look_events_[k - 1];
  const double t0 = k == 0 ? 0.0 : fractions_[k - 1];
  return t0 + (fractions_[k] - t0) * (events - d0) / (look_events_[k] - d0);
}

std::optional<std::size_t> CappedFinalBounds::segment_of(int events) const {
  if (events < 1 || events >= look_events_.back()) return std::nullopt;
  const auto k = static_cast<std::size_t>(
      std::upper_bound(look_events_.begin(), look_events_.end(), events) - look_events_.begin());
  if (k > 0 && look_events_[k - 1] == events) return std::nullopt;  // a planned look
  return k;
}

double CappedFinalBounds::bound(int events) const {
  const std::optional<std::size_t> k = segment_of(events);
  if (!k) return kInf;
  std::atomic<double>& slot = bound_[static_cast<std::size_t>(events)];
  double b = slot.load(std::memory_order_relaxed);
  if (std::isnan(b)) {
    const Segment& s = segments_[*k];
    b = solve_efficacy_bound(s.h0, fraction(events, *k), s.remaining, two_sided_);
    slot.store(b, std::memory_order_relaxed);
  }
  return b;
}

double CappedFinalBounds::harm_bound(int events) const {
  const std::optional<std::size_t> k = segment_of(events);
  if (!k || !harm_) return -kInf;
  std::atomic<double>& slot = harm_bound_[static_cast<std::size_t>(events)];
  double a = slot.load(std::memory_order_relaxed);
  if (std::isnan(a)) {
    const double b = bound(events);
    const Segment& s = segments_[*k];
    a = std::isfinite(b) ? spending::solve_futility_bound(s.harm, fraction(events, *k), 0.0, b, s.harm_left) : -kInf;
    slot.store(a, std::memory_order_relaxed);
  }
  return a;
}

}  // namespace gsd::simulate
