// Weighted log-rank moments: Fleming & Harrington (1991) G(rho, gamma) and
// Magirr & Burman (2019) weights; the integrals of Yung & Liu (2020,
// Biometrics 76:939). See weighted_logrank.hpp.
#include "gsd/survival/weighted_logrank.hpp"

#include <algorithm>
#include <boost/math/quadrature/gauss.hpp>
#include <iterator>
#include <cmath>
#include <limits>
#include <utility>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"
#include "quadrature.hpp"

namespace gsd::survival {
namespace {

void check_finite_non_negative(const char* name, double value) {
  if (!(value >= 0.0 && std::isfinite(value))) detail::fail(name, value, "must be finite and >= 0");
}

// The pooled survival limit over study time [0, horizon]. With unequal
// drop-out the drop-out part of the pooled hazard,
//   D(s) = int_0^s (eta0 a0 + eta1 a1) / (a0 + a1) du,
// is tabulated at panel ends (equal panels, split at the latencies' kinks)
// and completed inside a panel by the same fixed 15-point Gauss-Legendre
// rule: a smooth function of s, so the outer tanh-sinh quadrature sees no
// noise. Its integrand is smooth and lies between the two rates; 15 nodes on
// panels of 1/64 of the range integrate it to rounding (a Weibull shape below
// 2 adds a term in s^(1 + shape) at 0, integrated to about 1e-12 absolute).
class PooledSurvival {
 public:
  PooledSurvival(const SurvivalSpec& spec, double horizon)
      : c_(detail::control_arm(spec)), t_(detail::treatment_arm(spec)), spec_(spec) {
    equal_rates_ = !(c_.dropout < t_.dropout || t_.dropout < c_.dropout);
    if (equal_rates_ || !(horizon > 0.0)) return;
    knots_.push_back(0.0);
    for (int i = 1; i <= kPanels; ++i) knots_.push_back(horizon * i / kPanels);
    for (const CureModel* m : {&spec.control, &spec.treatment}) {
      for (double k : m->latency().kinks()) {
        if (k > 0.0 && k < horizon) knots_.push_back(k);
      }
    }
    std::sort(knots_.begin(), knots_.end());
    knots_.erase(std::unique(knots_.begin(), knots_.end()), knots_.end());
    integral_.push_back(0.0);
    for (std::size_t i = 1; i < knots_.size(); ++i) {
      integral_.push_back(integral_.back() + panel(knots_[i - 1], knots_[i]));
    }
  }

  double operator()(double s) const {
    if (!(s > 0.0)) return 1.0;
    if (equal_rates_) return c_.share * spec_.control.survival(s) + t_.share * spec_.treatment.survival(s);
    const double at_risk = c_.at_risk(s) + t_.at_risk(s);
    if (!(at_risk > 0.0)) return 0.0;
    // The last knot at or below s (s beyond the horizon continues from it).
    const auto it = std::upper_bound(knots_.begin(), knots_.end(), s);
    const auto i = static_cast<std::size_t>(std::distance(knots_.begin(), it)) - 1;
    const double dropout = integral_[i] + panel(knots_[i], s);
    return std::min(1.0, at_risk * std::exp(dropout));
  }

 private:
  static constexpr int kPanels = 64;

  double panel(double a, double b) const {
    if (!(b > a)) return 0.0;
    const auto rate = [&](double u) {
      const double a0 = c_.at_risk(u);
      const double a1 = t_.at_risk(u);
      const double sum = a0 + a1;
      // Beyond every patient's event the ratio is 0 / 0; the pooled survival
      // is 0 there whatever the rate.
      if (!(sum > 0.0)) return std::max(c_.dropout, t_.dropout);
      return (c_.dropout * a0 + t_.dropout * a1) / sum;
    };
    return boost::math::quadrature::gauss<double, 15>::integrate(rate, a, b);
  }

  detail::Arm c_, t_;
  const SurvivalSpec& spec_;
  bool equal_rates_ = true;
  std::vector<double> knots_, integral_;
};

// The part of Var U / N that the random numbers at risk add under a fixed
// alternative. U = int w (Y1 / Y dM0 - Y0 / Y dM1) + int w Y0 Y1 / Y (h0 - h1) ds;
// the second (compensator) term moves with the Y_j: by the delta method
// (d(xy / (x + y)) = q1^2 dx + q0^2 dy) each patient i of arm j adds
//   psi_i = s_j int w q_o dM_i + int k_j (Y_i(s) - y_j(s)) ds,
//   k_j = w (h0 - h1) q_o^2,
// (s_0 = +1, s_1 = -1, q_o the other arm's share at risk, y_j = E Y_i). With
// Y_i(s) Y_i(t) = Y_i(t) for s < t, and a patient at risk at t having been at
// risk (no jump) before:
//   E B^2  = 2 int k_j y_j K_j dt - (int k_j y_j)^2,   K_j(t) = int_0^t k_j,
//   E A B  = -int k_j y_j Q_j dt,                      Q_j(t) = int_0^t w q_o h_j,
// and Var U / N = sum_j p_j (E A^2 + E B^2 + 2 s_j E A B), E A^2 giving the
// martingale variance. Swept over panels (graded towards 0, where a Weibull
// hazard may be infinite, and split where the integrands have kinks) with
// nested 15-point Gauss-Legendre rules.
template <class Weight>
double compensator_variance(const SurvivalSpec& spec, Weight w, double tau, std::vector<double> knots) {
  const detail::Arm arms[2] = {detail::control_arm(spec), detail::treatment_arm(spec)};
  const CureModel* models[2] = {&spec.control, &spec.treatment};
  using Rule = boost::math::quadrature::gauss<double, 15>;
  constexpr int kUniform = 64;
  constexpr int kGraded = 40;  // tau 2^-40 .. tau / 2
  knots.push_back(0.0);
  for (int i = 1; i <= kUniform; ++i) knots.push_back(tau * i / kUniform);
  for (int i = 1; i <= kGraded; ++i) knots.push_back(std::ldexp(tau, -i));
  std::sort(knots.begin(), knots.end());
  knots.erase(std::unique(knots.begin(), knots.end()), knots.end());
  double total = 0.0;
  for (int j = 0; j < 2; ++j) {
    const detail::Arm& own = arms[j];
    const detail::Arm& other = arms[1 - j];
    const double sign = j == 0 ? 1.0 : -1.0;
    const auto q_other = [&](double t) {
      const double a = own.at_risk(t), b = other.at_risk(t);
      return a + b > 0.0 ? b / (a + b) : 0.0;
    };
    const auto k = [&](double t) {
      const double q = q_other(t);
      return w(t) * (spec.control.hazard(t) - spec.treatment.hazard(t)) * q * q;
    };
    const auto g = [&](double t) { return w(t) * q_other(t) * models[j]->hazard(t); };
    const auto y = [&](double t) { return spec.accrual.cdf(tau - t) * own.at_risk(t); };
    double big_k = 0.0, big_q = 0.0, mean_b = 0.0, b2 = 0.0, ab = 0.0;
    for (std::size_t i = 1; i < knots.size(); ++i) {
      const double a = knots[i - 1], b = knots[i];
      if (!(b > a) || a >= tau) continue;
      mean_b += Rule::integrate([&](double t) { return k(t) * y(t); }, a, b);
      b2 += Rule::integrate([&](double t) { return k(t) * y(t) * (big_k + Rule::integrate(k, a, t)); }, a, b);
      ab += Rule::integrate([&](double t) { return k(t) * y(t) * (big_q + Rule::integrate(g, a, t)); }, a, b);
      big_k += Rule::integrate(k, a, b);
      big_q += Rule::integrate(g, a, b);
    }
    total += 2.0 * b2 - mean_b * mean_b / own.share - 2.0 * sign * ab;
  }
  return total;
}

}  // namespace

LogRankWeight LogRankWeight::fleming_harrington(double rho, double gamma) {
  LogRankWeight w;
  w.rho = rho;
  w.gamma = gamma;
  w.validate();
  return w;
}

LogRankWeight LogRankWeight::magirr_burman(double t_star) {
  LogRankWeight w;
  w.family = WeightFamily::kMagirrBurman;
  w.t_star = t_star;
  w.validate();
  return w;
}

void LogRankWeight::validate() const {
  if (family == WeightFamily::kFlemingHarrington) {
    check_finite_non_negative("rho", rho);
    check_finite_non_negative("gamma", gamma);
    return;
  }
  if (!(t_star > 0.0 && std::isfinite(t_star))) detail::fail("t_star", t_star, "must be finite and > 0");
}

double LogRankWeight::at(double pooled_survival, double pooled_survival_t_star) const {
  if (family == WeightFamily::kMagirrBurman) {
    const double floor = std::max(pooled_survival, pooled_survival_t_star);
    return floor > 0.0 ? 1.0 / floor : 0.0;
  }
  // pow(0, 0) = 1: FH(0, 0) is 1 everywhere, even where the survival is 0.
  return std::pow(pooled_survival, rho) * std::pow(1.0 - pooled_survival, gamma);
}

double pooled_survival(const SurvivalSpec& spec, double s) { return PooledSurvival(spec, s)(s); }

double WeightedLogRankMoments::mean_z(double patients) const {
  if (!(variance_null > 0.0)) return 0.0;
  return std::sqrt(patients) * score_mean / std::sqrt(variance_null);
}

double WeightedLogRankMoments::variance_ratio() const {
  if (!(variance_null > 0.0)) return 1.0;
  return variance_alternative / variance_null;
}

WeightedLogRankMoments weighted_logrank_moments(const SurvivalSpec& spec, const LogRankWeight& weight,
                                                double tau, const numerics::SolverOptions& options) {
  weight.validate();
  WeightedLogRankMoments m;
  if (!(tau > 0.0)) return m;
  const detail::Arm c = detail::control_arm(spec);
  const detail::Arm t = detail::treatment_arm(spec);
  std::vector<double> split = detail::split_times(spec, tau);
  const PooledSurvival pooled(spec, std::max(tau, weight.t_star));
  double survival_t_star = 0.0;
  if (weight.family == WeightFamily::kMagirrBurman) {
    survival_t_star = pooled(weight.t_star);
    if (weight.t_star < tau) split.push_back(weight.t_star);  // the weight's kink
  }
  const auto w = [&](double s) {
    return weight.is_log_rank() ? 1.0 : weight.at(pooled(s), survival_t_star);
  };
  // The other arm's share of those at risk, a_other / (a0 + a1).
  const auto share_of = [](const detail::Arm& own, const detail::Arm& other, double s) {
    const double a_own = own.at_risk(s);
    const double a_other = other.at_risk(s);
    const double sum = a_own + a_other;
    return sum > 0.0 ? a_other / sum : 0.0;
  };
  // As logrank_moments(): a_j h_j ds = c_j dF_u,j with c_j = event_weight, and
  // the three integrands per arm j (other arm k, q = a_k / (a0 + a1)) are
  //   mean:  +-R w q c_j,   V0: R w^2 q (1 - q) c_j,   Var U: R w^2 q^2 c_j.
  // Written in the order of logrank_moments(), with the weight last, so that
  // FH(0, 0) (w = 1) gives the same numbers bit for bit.
  const auto base = [&](const detail::Arm& own, const detail::Arm& other, double s) {
    return spec.accrual.cdf(tau - s) * share_of(own, other, s);
  };
  const auto score_term = [&](const detail::Arm& own, const detail::Arm& other) {
    detail::Quadrature q(options, "weighted log-rank score mean");
    q.add(own.latency(), [&](double s) { return base(own, other, s) * own.event_weight(s) * w(s); }, tau,
          split);
    return q.result();
  };
  m.score_mean = score_term(c, t) - score_term(t, c);
  detail::Quadrature null(options, "weighted log-rank null variance");
  // The martingale part of Var U (compensator_variance() adds the rest).
  detail::Quadrature alternative(options, "weighted log-rank variance");
  for (const auto& arms : {std::pair{c, t}, std::pair{t, c}}) {
    const auto& own = arms.first;
    const auto& other = arms.second;
    null.add(own.latency(),
             [&](double s) {
               const double share = share_of(own, other, s);
               const double ws = w(s);
               return spec.accrual.cdf(tau - s) * share * (1.0 - share) * own.event_weight(s) * (ws * ws);
             },
             tau, split);
    alternative.add(own.latency(),
                    [&](double s) {
                      const double share = share_of(own, other, s);
                      const double ws = w(s);
                      return spec.accrual.cdf(tau - s) * share * share * own.event_weight(s) * (ws * ws);
                    },
                    tau, split);
  }
  m.variance_null = null.result();
  m.variance_alternative = alternative.result();
  split.push_back(tau);
  m.variance_alternative += compensator_variance(spec, w, tau, split);
  m.events = event_fraction(spec, tau, options);
  return m;
}

}  // namespace gsd::survival
