// The looks of one replicate: event-driven times, the calendar cap, and the
// decisions against the design's bounds.
#include <algorithm>
#include <cmath>
#include <limits>

#include "gsd/monitoring/look_schedule.hpp"
#include "gsd/numerics/information_step.hpp"
#include "observed_bounds.hpp"
#include "risk_set_merge.hpp"
#include "trial_kernel.hpp"

namespace gsd::simulate::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bounds {
  double upper;
  double futility;  // -infinity when none
  double harm;      // -infinity when none (-upper for a symmetric two-sided design)
  // A symmetric two-sided design's futility region |z| < inner (0: none).
  double inner = 0.0;
};

// The bounds of look k of the trial's test or of a side test (same fields).
template <class Test>
Bounds bounds_at(const Test& test, std::size_t k) {
  const double b = test.efficacy[k];
  if (test.two_sided) return {b, -kInf, -b, test.futility[k].value_or(0.0)};
  return {b, test.futility[k].value_or(-kInf), test.harm[k].value_or(-kInf)};
}

// A capped final analysis with `observed` events: the bound spending the
// alpha left (CappedFinalBounds).
template <class Test>
Bounds capped_bounds(const Test& test, int observed) {
  // A MaxCombo test keeps its planned final bound (simulated_test.hpp).
  if (!test.capped) return {test.efficacy.back(), -kInf, -kInf};
  const double cap_bound = test.capped->bound(observed);
  // The harm bound too: the harm alpha left, spent at the capped analysis.
  return {cap_bound, -kInf, test.two_sided ? -cap_bound : test.capped->harm_bound(observed)};
}

// The z of a test: the log-rank's (index -1), a weighted test's (>= 0), a
// contrast's (-2 - c), or the largest of a MaxCombo test's.
double test_statistic(int weight, const std::vector<int>& combo, double log_rank_z, const Workspace& ws) {
  const auto z_of = [&](int j) {
    if (j >= 0) return ws.test_z[idx(j)];
    return j == -1 ? log_rank_z : ws.contrast_z[idx(-2 - j)];
  };
  if (combo.empty()) return z_of(weight);
  double z = -kInf;
  for (int j : combo) z = std::max(z, z_of(j));
  return z;
}

// Bounds recomputed at the replicate's observed events (observed_bounds.hpp).
Bounds observed_bounds(const CompiledTrial& trial, Workspace& ws, bool final_analysis) {
  const monitoring::LookBounds& o = ws.observed_bounds.at(*trial.observed, ws.analysis_events, final_analysis);
  if (trial.two_sided) return {o.efficacy, -kInf, -o.efficacy, o.futility.value_or(0.0)};
  return {o.efficacy, o.futility.value_or(-kInf), o.harm.value_or(-kInf)};
}

// The bounds of a weighted test judged at the variances observed
// (simulated_test.hpp), at an analysis where it observes `variance`;
// `history` holds its earlier analyses on the events scale and gains this
// one. An analysis that adds no information has no bounds to cross.
Bounds variance_bounds(const VarianceBounds& vb, std::vector<double>& history, double variance, bool last,
                       bool two_sided) {
  const double scaled = monitoring::events_scale(vb.weighted, variance);
  if (!(scaled > 0.0) || (!history.empty() && !numerics::is_information_step(history.back(), scaled))) {
    return {kInf, -kInf, -kInf};
  }
  history.push_back(scaled);
  const monitoring::LookBounds b = monitoring::bounds_at_look(vb.events_scale, history, last);
  if (two_sided) return {b.efficacy, -kInf, -b.efficacy, b.futility.value_or(0.0)};
  return {b.efficacy, b.futility.value_or(-kInf), b.harm.value_or(-kInf)};
}

Decision decide(const Bounds& b, double z, bool last) {
  if (z >= b.upper) return Decision::kStopEfficacy;
  if (z <= b.harm) return Decision::kStopHarm;
  if (z <= b.futility || std::fabs(z) < b.inner) return Decision::kStopFutility;
  return last ? Decision::kFinalNoRejection : Decision::kContinue;
}

// The calendar time of look k, by its trigger (survival/look_trigger.hpp),
// never before the previous look; nullopt when it would pass the cap.
std::optional<double> look_time(const CompiledTrial& trial, Workspace& ws, std::size_t k,
                                double previous) {
  using survival::LookTriggerKind;
  const survival::LookTrigger trigger = trial.triggers.empty() ? survival::LookTrigger{} : trial.triggers[k];
  const double cap = trial.max_duration;
  std::optional<double> at;
  const auto by_time = [&]() -> std::optional<double> {
    if (trigger.time <= cap) return trigger.time;
    return std::nullopt;
  };
  switch (trigger.kind) {
    case LookTriggerKind::kEvents: at = ws.event_time(trial.look_events[k]); break;
    case LookTriggerKind::kTime: at = by_time(); break;
    case LookTriggerKind::kFirst: {
      const std::optional<double> e = ws.event_time(trial.look_events[k]);
      at = e && *e <= trigger.time ? e : by_time();
      break;
    }
    case LookTriggerKind::kLast: {
      const std::optional<double> e = ws.event_time(trial.look_events[k]);
      if (e) at = std::max(*e, trigger.time);
      if (at && *at > cap) at.reset();
      break;
    }
  }
  if (at) at = std::max(*at, previous);
  return at;
}

// ws.side_reject while a side test runs, and once it has stopped without
// rejecting (a rejection records its look, >= 0).
constexpr int kSideOpen = -1;
constexpr int kSideStopped = -2;

// Each running side test meets its bounds at look k (`capped_events` >= 0: a
// capped final analysis with those events); futility bounds are obeyed.
// Returns how many stopped.
std::size_t decide_side_tests(const CompiledTrial& trial, Workspace& ws, double log_rank_z,
                              std::size_t k, int capped_events, bool last) {
  std::size_t stopped = 0;
  for (std::size_t j = 0; j < trial.side.size(); ++j) {
    if (ws.side_reject[j] != kSideOpen) continue;
    const SideTest& test = trial.side[j];
    const double z = test_statistic(test.weight, test.combo, log_rank_z, ws);
    const Bounds b = test.variance ? variance_bounds(*test.variance, ws.variance_history[1 + j],
                                                     ws.test_variance(test.weight), last, test.two_sided)
                     : capped_events >= 0 ? capped_bounds(test, capped_events)
                                          : bounds_at(test, k);
    ws.side_held.push_back({j, k, b.upper});
    const Decision d = decide(b, z, last);
    if (d == Decision::kContinue) continue;
    ws.side_reject[j] = d == Decision::kStopEfficacy ? static_cast<int>(k) : kSideStopped;
    ++stopped;
  }
  return stopped;
}

}  // namespace

ReplicateOutcome run_looks(const CompiledTrial& trial, Workspace& ws,
                           std::vector<LookRecord>* records) {
  ReplicateOutcome out;
  ws.index_event_times(trial.max_duration);
  ws.analysis_events.clear();
  ws.held.clear();
  ws.side_held.clear();
  const std::size_t looks = trial.look_events.size();
  ws.side_reject.assign(trial.side.size(), kSideOpen);
  ws.variance_history.resize(1 + trial.side.size());
  for (std::vector<double>& h : ws.variance_history) h.clear();
  std::size_t side_active = trial.side.size();  // side tests still running
  bool obeyed_active = true;   // futility bounds obeyed
  bool ignoring_active = true;  // futility bounds ignored (the alpha count)
  int done_events = 0;          // events at the last look performed
  double done_time = 0.0;       // its calendar time
  for (std::size_t k = 0; k < looks && (obeyed_active || ignoring_active || side_active > 0); ++k) {
    const int d_planned = trial.look_events[k];
    const std::optional<double> at = look_time(trial, ws, k, done_time);
    const bool reached = at.has_value();
    const double tau = reached ? *at : trial.max_duration;
    Bounds b{0.0, -kInf, -kInf};
    bool last = k + 1 == looks;
    if (!reached) {
      // The calendar cap: a final analysis with the events observed by then,
      // against a bound spending the alpha left (CappedFinalBounds).
      const int observed = ws.events_by_cap();
      out.capped = out.capped || obeyed_active;
      if (observed == done_events) {
        // No event since the last look: nothing new to analyse, the trial
        // ends at the cap without rejecting.
        if (obeyed_active) {
          out.no_analysis = true;
          out.calendar_time = tau;
          out.patients = ws.enrolled_by(tau);
          out.events = observed;
          out.stop_look = static_cast<int>(k == 0 ? 0 : k - 1);
          out.decision = Decision::kFinalNoRejection;
        }
        break;
      }
      last = true;
      if (trial.observed) {
        ws.analysis_events.push_back(observed);
        b = observed_bounds(trial, ws, true);
      } else {
        b = capped_bounds(trial, observed);
      }
    } else {
      b = bounds_at(trial, k);
    }
    LogRank lr = trial.weights.empty() && trial.contrasts.empty() ? ws.log_rank(tau)
                                                                   : ws.log_rank(tau, trial.weights, trial.contrasts);
    if (reached && trial.observed) {
      // An analysis with no event since the last one has nothing new to
      // analyse (the look by time came before any new event): none is held.
      if (lr.events <= done_events) {
        done_time = tau;
        continue;
      }
      // A look with the planned events or more is the final analysis.
      last = last || static_cast<double>(lr.events) >= trial.observed->planned_events;
      ws.analysis_events.push_back(lr.events);
      b = observed_bounds(trial, ws, last);
    }
    side_active -= decide_side_tests(trial, ws, lr.z, k, reached ? -1 : ws.events_by_cap(), last);
    lr.z = test_statistic(trial.primary_weight, trial.primary_combo, lr.z, ws);
    // Recomputed only while the trial's test still runs (the side tests may
    // keep the loop going after it has stopped).
    if (trial.primary_variance && (obeyed_active || ignoring_active)) {
      b = variance_bounds(*trial.primary_variance, ws.variance_history[0], ws.test_variance(trial.primary_weight),
                          last, trial.two_sided);
    }
    const Decision obeyed = decide(b, lr.z, last);
    // With futility ignored only the efficacy side (and a harm bound, or a
    // two-sided lower efficacy bound) can stop.
    Bounds no_futility = b;
    no_futility.futility = -kInf;
    no_futility.inner = 0.0;
    const Decision ignoring = decide(no_futility, lr.z, last);
    if (ignoring_active && ignoring != Decision::kContinue) {
      ignoring_active = false;
      if (ignoring == Decision::kStopEfficacy || ignoring == Decision::kStopHarm) {
        out.reject_look_ignoring_futility = static_cast<int>(k);
        out.reject_upper_ignoring_futility = ignoring == Decision::kStopEfficacy;
      }
    }
    if (obeyed_active) {
      ws.held.push_back({k, lr.events, lr.patients, tau, b.upper});
      if (records) {
        LookRecord r;
        r.look = static_cast<int>(k);
        r.events = lr.events;
        r.calendar_time = tau;
        r.patients = lr.patients;
        r.z = lr.z;
        r.efficacy_z = b.upper;
        if (std::isfinite(b.futility)) r.futility_z = b.futility;
        if (b.inner > 0.0) r.futility_z = b.inner;
        if (!trial.two_sided && std::isfinite(b.harm)) r.harm_z = b.harm;
        if (lr.log_hazard_ratio) r.hazard_ratio = std::exp(*lr.log_hazard_ratio);
        if (trial.primary_weighted_score) r.variance = ws.test_variance(trial.primary_weight);
        r.decision = obeyed;
        r.capped = !reached;
        records->push_back(r);
      }
      if (obeyed != Decision::kContinue) {
        obeyed_active = false;
        out.stop_look = static_cast<int>(k);
        out.decision = obeyed;
        out.events = lr.events;
        out.patients = lr.patients;
        out.calendar_time = tau;
        out.log_hazard_ratio = lr.log_hazard_ratio;
      }
    }
    if (!reached || last) break;
    // A look by events has its events; one by time has those observed.
    const bool by_events = trial.triggers.empty() || trial.triggers[k].kind == survival::LookTriggerKind::kEvents;
    done_events = by_events && !trial.observed ? d_planned : lr.events;
    done_time = tau;
  }
  return out;
}

void add_outcome(SimulationTotals& totals, const ReplicateOutcome& o,
                 const std::vector<int>& side_reject, const std::vector<HeldLook>& held,
                 const std::vector<SideHeldLook>& side_held) {
  const auto k = static_cast<std::size_t>(o.stop_look);
  ++totals.replicates;
  const std::size_t looks = totals.reject_upper.size();
  for (std::size_t j = 0; j < side_reject.size(); ++j) {
    if (side_reject[j] >= 0) ++totals.test_reject_upper[j * looks + idx(side_reject[j])];
  }
  if (o.decision == Decision::kStopEfficacy) ++totals.reject_upper[k];
  if (o.decision == Decision::kStopHarm) ++totals.reject_lower[k];
  if (o.decision == Decision::kStopFutility) ++totals.futility[k];
  if (o.reject_look_ignoring_futility) {
    const auto j = static_cast<std::size_t>(*o.reject_look_ignoring_futility);
    ++(o.reject_upper_ignoring_futility ? totals.reject_upper_ignoring_futility[j]
                                        : totals.reject_lower_ignoring_futility[j]);
  }
  if (o.capped) {
    ++totals.capped;
    ++totals.capped_by_look[k];
  }
  if (o.no_analysis) ++totals.no_analysis;
  totals.events += o.events;
  totals.patients += o.patients;
  // Times and bounds in fixed point (kDurationScale, kBoundScale), for exact
  // sums in any order.
  const auto fixed = [](double x, double scale) { return static_cast<Int128>(std::llround(x * scale)); };
  totals.duration += fixed(o.calendar_time, kDurationScale);
  if (o.log_hazard_ratio) totals.log_hazard_ratio.add(*o.log_hazard_ratio);
  for (const SideHeldLook& h : side_held) {
    if (!std::isfinite(h.efficacy_z)) continue;
    ++totals.test_bounded[h.test * looks + h.look];
    totals.test_efficacy[h.test * looks + h.look] += fixed(h.efficacy_z, kBoundScale);
  }
  for (const HeldLook& h : held) {
    ++totals.held[h.look];
    totals.held_events[h.look] += h.events;
    totals.held_patients[h.look] += h.patients;
    totals.held_time[h.look] += fixed(h.calendar_time, kDurationScale);
    if (std::isfinite(h.efficacy_z)) {
      ++totals.held_bounded[h.look];
      totals.held_efficacy[h.look] += fixed(h.efficacy_z, kBoundScale);
    }
  }
}

}  // namespace gsd::simulate::detail
