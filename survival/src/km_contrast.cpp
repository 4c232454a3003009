// Kaplan-Meier milestone and RMST contrasts: Greenwood's variance at the
// model's numbers at risk by a calendar look (Klein & Moeschberger 2003;
// Tian et al. 2014). See km_contrast.hpp.
#include "gsd/survival/km_contrast.hpp"

#include <algorithm>
#include <boost/math/quadrature/gauss.hpp>
#include <cmath>
#include <iterator>
#include <vector>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "quadrature.hpp"

namespace gsd::survival {
namespace {

using Rule = boost::math::quadrature::gauss<double, 15>;

// Panels for int S: equal panels of tau / 64, split at the latency's kinks
// and graded towards 0 (tau 2^-40 .. tau / 2), where a Weibull shape below 1
// makes S non-smooth. S is smooth on each panel otherwise, so the 15-point
// Gauss-Legendre rule integrates it to rounding.
std::vector<double> survival_knots(const CureModel& model, double horizon) {
  constexpr int kUniform = 64;
  constexpr int kGraded = 40;
  std::vector<double> knots{0.0};
  for (int i = 1; i <= kUniform; ++i) knots.push_back(horizon * i / kUniform);
  for (int i = 1; i <= kGraded; ++i) knots.push_back(std::ldexp(horizon, -i));
  for (double k : model.latency().kinks()) {
    if (k > 0.0 && k < horizon) knots.push_back(k);
  }
  std::sort(knots.begin(), knots.end());
  knots.erase(std::unique(knots.begin(), knots.end()), knots.end());
  return knots;
}

// M(s) = int_0^s S(u) du on [0, horizon]: tabulated at the knots and
// completed inside a panel by the same rule, so it is smooth in s.
class SurvivalIntegral {
 public:
  SurvivalIntegral(const CureModel& model, double horizon)
      : model_(model), knots_(survival_knots(model, horizon)) {
    integral_.push_back(0.0);
    for (std::size_t i = 1; i < knots_.size(); ++i) {
      integral_.push_back(integral_.back() + panel(knots_[i - 1], knots_[i]));
    }
  }

  double operator()(double s) const {
    if (!(s > 0.0)) return 0.0;
    const auto it = std::upper_bound(knots_.begin(), knots_.end(), s);
    const auto i = static_cast<std::size_t>(std::distance(knots_.begin(), it)) - 1;
    return integral_[i] + panel(knots_[i], s);
  }
  double total() const { return integral_.back(); }

 private:
  double panel(double a, double b) const {
    if (!(b > a)) return 0.0;
    return Rule::integrate([&](double u) { return model_.survival(u); }, a, b);
  }

  const CureModel& model_;
  std::vector<double> knots_, integral_;
};

// Study times in (0, horizon) where the integrand of an arm's variance is
// not smooth: accrual period ends seen from the look (s = T - end) and the
// arm's latency kinks.
std::vector<double> variance_splits(const SurvivalSpec& spec, const CureModel& model, double calendar_time,
                                    double horizon) {
  std::vector<double> times;
  const auto add = [&](double s) {
    if (s > 0.0 && s < horizon) times.push_back(s);
  };
  for (double end : spec.accrual.ends()) add(calendar_time - end);
  for (double k : model.latency().kinks()) add(k);
  return times;
}

struct ArmContrast {
  double value = 0.0;     // S_j(t) or int_0^tau S_j
  double variance = 0.0;  // per patient of the whole trial
};

// One arm's estimate and its Greenwood variance per enrolled patient:
//   int_0^t g(s)^2 f_j(s) e^{eta_j s} / (p_j R(T - s) S_j(s)^2) ds,
// with g = S_j(t) (milestone) or int_s^tau S_j (RMST), f_j ds = (1 - pi_j) dF_u.
ArmContrast arm_contrast(const SurvivalSpec& spec, const detail::Arm& arm, const KmContrast& contrast,
                         double calendar_time, const numerics::SolverOptions& options) {
  const CureModel& model = *arm.model;
  const double t = contrast.horizon;
  const bool rmst = contrast.kind == KmContrast::Kind::kRmst;
  ArmContrast out;
  const SurvivalIntegral integral(model, t);
  out.value = rmst ? integral.total() : model.survival(t);
  const auto weight = [&](double s) {
    const double g = rmst ? integral.total() - integral(s) : out.value;
    const double surv = model.survival(s);
    const double entered = spec.accrual.cdf(calendar_time - s);
    if (!(surv > 0.0) || !(entered > 0.0)) return 0.0;
    return g * g * model.events_limit() * std::exp(arm.dropout * s) / (arm.share * entered * surv * surv);
  };
  detail::Quadrature q(options, rmst ? "RMST variance" : "milestone survival variance");
  q.add(model.latency(), weight, t, variance_splits(spec, model, calendar_time, t));
  out.variance = q.result();
  return out;
}

}  // namespace

void KmContrast::validate() const {
  if (!(horizon > 0.0 && std::isfinite(horizon))) detail::fail(path(), horizon, "must be positive");
}

double KmContrastMoments::mean_z(double patients) const {
  if (!(variance > 0.0)) return 0.0;
  return std::sqrt(patients) * estimate / std::sqrt(variance);
}

double first_entry(const SurvivalSpec& spec) {
  double start = 0.0;
  const std::vector<double>& durations = spec.accrual.durations();
  const std::vector<double>& rates = spec.accrual.relative_rates();
  for (std::size_t i = 0; i < durations.size() && !(rates[i] > 0.0); ++i) start += durations[i];
  return start;
}

double maximum_follow_up(const SurvivalSpec& spec, double calendar_time) {
  return calendar_time - first_entry(spec);
}

KmContrastMoments km_contrast_moments(const SurvivalSpec& spec, const KmContrast& contrast,
                                      double calendar_time, const numerics::SolverOptions& options) {
  contrast.validate();
  const double longest = maximum_follow_up(spec, calendar_time);
  if (!(contrast.horizon < longest)) {
    detail::fail(contrast.path(), contrast.horizon,
                 "must be below the longest follow-up at the look (" + detail::format_value(longest) + " " +
                     spec.time_unit + " at calendar time " + detail::format_value(calendar_time) +
                     "): no patient is followed that long, so the Kaplan-Meier estimate is not defined there");
  }
  const ArmContrast control = arm_contrast(spec, detail::control_arm(spec), contrast, calendar_time, options);
  const ArmContrast treatment =
      arm_contrast(spec, detail::treatment_arm(spec), contrast, calendar_time, options);
  KmContrastMoments m;
  m.control_value = control.value;
  m.treatment_value = treatment.value;
  m.estimate = treatment.value - control.value;
  m.variance_control = control.variance;
  m.variance_treatment = treatment.variance;
  m.variance = control.variance + treatment.variance;
  return m;
}

double restricted_mean(const CureModel& model, double t) {
  if (!(t > 0.0)) return 0.0;
  return SurvivalIntegral(model, t).total();
}

}  // namespace gsd::survival
