#include "gsd/curves.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <variant>

#include "gsd/errors.hpp"
#include "gsd/monitoring/conditional_power.hpp"
#include "gsd/survival/capped_final_bound.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/sample_size.hpp"

namespace gsd {

SpendingCurves spending_curves(const spending::Design& d, int steps) {
  const auto curve = [steps](const spending::SpendingFunction& f, double total, double factor) {
    Curve c;
    for (int i = 0; i <= steps; ++i) {
      const double u = static_cast<double>(i) / steps;
      c.x.push_back(u);
      c.y.push_back(factor * spending::spent(f, total, u));
    }
    return c;
  };
  SpendingCurves out;
  if (const auto* f = std::get_if<spending::SpendingFunction>(&d.spec.efficacy)) {
    const bool two = d.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
    out.alpha = curve(*f, two ? d.spec.alpha / 2.0 : d.spec.alpha, two ? 2.0 : 1.0);
  }
  if (d.spec.futility) out.beta = curve(d.spec.futility->spending, d.spec.beta, 1.0);
  return out;
}

PlanCurves plan_curves(const SampleSize& r, double t_max, int points, double max_ratio) {
  PlanCurves c;
  const auto n = static_cast<double>(r.plan.patients);
  for (int i = 0; i <= points; ++i) {
    const double x = t_max * i / points;
    c.control_survival.x.push_back(x);
    c.control_survival.y.push_back(r.spec.control.survival(x));
    c.treatment_survival.x.push_back(x);
    c.treatment_survival.y.push_back(r.spec.treatment.survival(x));
    c.expected_events.x.push_back(x);
    c.expected_events.y.push_back(n * survival::event_fraction(r.spec, x));
    const double h0 = r.spec.control.hazard(x);
    if (!(h0 > 0.0) || r.spec.treatment.hazard(x) / h0 > max_ratio) continue;
    c.hazard_ratio.x.push_back(x);
    c.hazard_ratio.y.push_back(r.spec.treatment.hazard(x) / h0);
  }
  return c;
}

std::vector<Curve> weight_curves(const SampleSize& plan, const std::vector<survival::LogRankWeight>& weights,
                                 double t_max, int points) {
  std::vector<double> pooled;
  for (int i = 0; i <= points; ++i) pooled.push_back(survival::pooled_survival(plan.spec, t_max * i / points));
  std::vector<Curve> out;
  for (const survival::LogRankWeight& w : weights) {
    const double at_t_star =
        w.family == survival::WeightFamily::kMagirrBurman ? survival::pooled_survival(plan.spec, w.t_star) : 0.0;
    Curve c;
    double largest = 0.0;
    for (int i = 0; i <= points; ++i) {
      c.x.push_back(t_max * i / points);
      c.y.push_back(w.at(pooled[static_cast<std::size_t>(i)], at_t_star));
      largest = std::max(largest, c.y.back());
    }
    if (largest > 0.0) {
      for (double& y : c.y) y /= largest;
    }
    out.push_back(std::move(c));
  }
  return out;
}

// Up to a non-inferiority margin the power falls to alpha (ratios at or past
// the margin are refused, and left out).
std::vector<double> power_curve_hazard_ratios(double margin) {
  constexpr double kLowest = 0.3;
  constexpr double kHighest = 1.1;
  constexpr int kSteps = 40;
  // (1.1 - 0.3) / 40 is the double nearest 0.02, so the ratios are the same
  // numbers as 0.3 + 0.02 i.
  const double highest = margin <= kHighest ? kHighest : margin;
  const double step = (highest - kLowest) / kSteps;
  std::vector<double> out;
  for (int i = 0; i <= kSteps; ++i) out.push_back(kLowest + step * i);
  return out;
}

Curve power_curve(const spending::Design& design, const SampleSize& plan,
                  std::span<const double> hazard_ratios) {
  Curve c;
  // The capped finals' bounds depend on the design alone: built once, not at
  // every ratio (most of the work of one plan at many looks). Only the exact
  // event-driven power uses them; a classical method's plan has none.
  std::optional<survival::CappedFinalBound> capped;
  if (plan.spec.method == survival::SizingMethod::kExact) capped.emplace(design);
  for (double hr : hazard_ratios) {
    survival::SurvivalSpec spec = plan.spec;
    spec.treatment = survival::CureModel(spec.treatment.cure_fraction(),
                                         spec.control.latency().with_hazard_ratio(hr));
    try {
      const survival::SurvivalPlan p =
          survival::evaluate_plan(spec, design, plan.plan.patients, plan.plan.events,
                                  survival::PlanSettings{plan.plan.calendar_cap, {}}, capped);
      c.x.push_back(hr);
      c.y.push_back(p.power);
    } catch (const InvalidInput&) {
      // The planned events cannot be reached at this ratio: no point.
    }
  }
  return c;
}

Curve kaplan_meier(std::span<const simulate::PatientRecord> patients, bool treatment, double tau) {
  std::vector<std::pair<double, bool>> obs;
  for (const simulate::PatientRecord& p : patients) {
    if (p.treatment != treatment || !(p.entry < tau)) continue;
    const double follow = tau - p.entry;
    // Observed as the simulator counts it (entry + time <= tau): time <= tau -
    // entry can differ in the last bit, which lost the event that set a look.
    const bool observed = p.event && p.entry + p.time <= tau;
    obs.emplace_back(std::min(p.time, follow), observed);
  }
  // Events before censorings at equal times.
  std::sort(obs.begin(), obs.end(), [](const auto& a, const auto& b) {
    return a.first < b.first || (!(b.first < a.first) && a.second && !b.second);
  });
  Curve c{{0.0}, {1.0}};
  double s = 1.0;
  std::size_t at_risk = obs.size();
  for (const auto& [time, event] : obs) {
    if (event && at_risk > 0) {
      s *= 1.0 - 1.0 / static_cast<double>(at_risk);
      c.x.push_back(time);
      c.y.push_back(s);
    }
    --at_risk;
  }
  if (!obs.empty()) {
    c.x.push_back(obs.back().first);
    c.y.push_back(s);
  }
  return c;
}

Curve model_survival(const simulate::TrialModel& model, bool treatment, double t_max, int points) {
  Curve c;
  for (int j = 0; j <= points; ++j) {
    const double t = t_max * j / points;
    double s = 0.0;
    for (const simulate::StratumModel& st : model.strata) {
      s += st.proportion * (treatment ? st.treatment : st.control).outcome.survival(t);
    }
    c.x.push_back(t);
    c.y.push_back(s);
  }
  return c;
}

Curve conditional_power_curve(const MonitoringReport& report, double hr_min, double hr_max,
                              int points) {
  const monitoring::LookResult& last = report.result.looks.back();
  Curve c;
  for (int i = 0; i < points; ++i) {
    const double hr = hr_min + (hr_max - hr_min) * i / (points - 1);
    c.x.push_back(hr);
    c.y.push_back(
        monitoring::conditional_power(last.schedule, report.plan.design, last.look.z, -std::log(hr))
            .back());
  }
  return c;
}

}  // namespace gsd
