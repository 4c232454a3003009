// One sweep over study time tabulates every accrual-convolved weight of the
// event-driven power; see calendar_profile.hpp.
#include "gsd/survival/calendar_profile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "check.hpp"
#include "quadrature.hpp"

namespace gsd::survival {

namespace {

// Panels per horizon in each smooth piece: with the order-6 collocation and
// quintic interpolation, 256 panels put the tabulation error near 1e-9
// relative for latencies whose median is a few percent of the horizon or
// more (tests/survival/calendar_profile_test.cpp); pieces get at least
// kMinPanels.
constexpr double kPanelsPerHorizon = 256.0;
constexpr int kMinPanels = 4;
// Geometric grading towards s = 0, integrated in log s: a density like
// s^(shape - 1) is analytic in log s, and 3-point Gauss-Legendre on panels of
// ratio 1.2 (length 0.18 in log s) integrates it to about 1e-11. The graded
// zone covers the first kGradedPanels uniform panels (beyond it a panel's
// distance from 0 is 16 of its widths, where s^a is smooth enough for
// uniform panels) and starts at kGradedStart of its end.
constexpr double kGradingRatio = 1.2;
constexpr double kGradedPanels = 16.0;
constexpr double kGradedStart = 1e-14;
// A latency's hazard just after a kink above this many per panel width
// makes the density fall by more than e across one panel, which the uniform
// panels do not resolve (a jump to 100 per month on 0.16-month panels gave
// the event-driven power 0.56 where simulation gives 0.73). The piece after
// such a kink is graded in distance x from the kink and integrated in s,
// from x = kSteepFirst / h (h the steeper arm's hazard there; the density is
// flat below it) by the ratio kSteepGradingRatio: a panel spans a twentieth
// of its distance from the kink, so half an e-fold at 10 e-folds (where the
// density is 4.5e-5 of its start) and a whole one at 20 (2e-9).
constexpr double kSteepPerPanel = 1.0;
constexpr double kSteepFirst = 1e-3;
constexpr double kSteepGradingRatio = 1.05;

// Gauss-Legendre 3-stage collocation (Butcher 1964): nodes c, weights b and
// the integration matrix A (Hairer, Norsett & Wanner 1993, table II.7.4).
const double kSqrt15 = std::sqrt(15.0);
const std::array<double, 3> kC{0.5 - kSqrt15 / 10.0, 0.5, 0.5 + kSqrt15 / 10.0};
const std::array<double, 3> kB{5.0 / 18.0, 4.0 / 9.0, 5.0 / 18.0};
const std::array<std::array<double, 3>, 3> kA{{
    {5.0 / 36.0, 2.0 / 9.0 - kSqrt15 / 15.0, 5.0 / 36.0 - kSqrt15 / 30.0},
    {5.0 / 36.0 + kSqrt15 / 24.0, 2.0 / 9.0, 5.0 / 36.0 - kSqrt15 / 24.0},
    {5.0 / 36.0 + kSqrt15 / 30.0, 2.0 / 9.0 + kSqrt15 / 15.0, 5.0 / 36.0},
}};

// Weight indices. Per arm j (offset 7 j): the influence-function moments of
// L = U - c V are quadratic in c, so each is tabulated by its coefficients.
enum Weight : std::size_t {
  kEvents0 = 0,
  kEvents1 = 1,
  kScore = 2,
  kNullVariance = 3,
  kArm = 4,  // first of the 7 per-arm weights: M1 (c^0, c^1), M2 (c^0, c^1, c^2), M3 (c^0, c^1)
};
constexpr std::size_t kM1c0 = 0, kM1c1 = 1, kM2c0 = 2, kM2c1 = 3, kM2c2 = 4, kM3c0 = 5, kM3c1 = 6;
constexpr std::size_t kPerArm = 7;

// An at-risk density per patient below this is nobody at risk. The
// influence-function rates divide by its cube, which underflows to 0 below
// 1e-103 and made them inf or NaN (drop-out hazards of 10 a month leave
// e^{-10 s} at risk, 1e-322 by s = 74 months, and the power came out NaN);
// what such times contribute, at most the at-risk density times the hazard,
// is below 1e-90 of a patient's.
constexpr double kNobodyAtRisk = 1e-100;

// What one study time contributes: the at-risk and event densities per
// patient of the trial (entered at 0), and the influence-function rates.
struct Point {
  std::array<double, 2> at_risk{};   // a_j = p_j S_j(s) e^{-eta_j s}
  std::array<double, 2> event{};     // c_j = a_j h_j
  std::array<double, 2> rho_u{}, rho_v{};  // d/ds of the at-risk terms of U and V
  std::array<double, 2> e_u{};       // weight of an own event in U
  double e_v = 0.0;                  // weight of an event in V (both arms)
};

Point point(const detail::Arm& c, const detail::Arm& t, double s) {
  Point p;
  const std::array<const detail::Arm*, 2> arms{&c, &t};
  for (std::size_t j = 0; j < 2; ++j) {
    const detail::Arm& a = *arms[j];
    p.at_risk[j] = a.at_risk(s);
    p.event[j] = a.event_weight(s) * a.latency().density(s);
  }
  const double a0 = p.at_risk[0];
  const double a1 = p.at_risk[1];
  const double a = a0 + a1;
  if (!(a > kNobodyAtRisk)) return p;  // nobody at risk: no contribution
  const double ct = p.event[0] + p.event[1];
  p.e_u = {a1 / a, -a0 / a};
  p.e_v = a0 * a1 / (a * a);
  p.rho_u = {-(a1 / (a * a)) * ct, (a0 / (a * a)) * ct};
  p.rho_v = {a1 * (a1 - a0) / (a * a * a) * ct, a0 * (a0 - a1) / (a * a * a) * ct};
  return p;
}

// The weights at a study time, given the cumulative at-risk terms
// lambda_u[j] = int_0^s rho_u[j], lambda_v[j] likewise.
std::array<double, CalendarProfile::kWeights> weights(const Point& p, const std::array<double, 2>& lu,
                                                      const std::array<double, 2>& lv) {
  std::array<double, CalendarProfile::kWeights> w{};
  const double a0 = p.at_risk[0];
  const double a1 = p.at_risk[1];
  const double a = a0 + a1;
  w[kEvents0] = p.event[0];
  w[kEvents1] = p.event[1];
  if (!(a > kNobodyAtRisk)) return w;
  const double ct = p.event[0] + p.event[1];
  w[kScore] = (a1 * p.event[0] - a0 * p.event[1]) / a;
  w[kNullVariance] = a0 * a1 / (a * a) * ct;
  for (std::size_t j = 0; j < 2; ++j) {
    const double cj = p.event[j];
    const double aj = p.at_risk[j];
    const double eu = p.e_u[j];
    const double ev = p.e_v;
    const double ru = p.rho_u[j];
    const double rv = p.rho_v[j];
    double* m = &w[kArm + kPerArm * j];
    // phi = delta (eu - c ev) + (Lu - c Lv)(X); per patient of the trial:
    //   E phi     = int R [c_j e + a_j rho],
    //   E phi^2   = int R [c_j (e^2 + 2 e Lambda) + 2 a_j rho Lambda],
    //   E delta phi = int R [c_j (e + Lambda)].
    m[kM1c0] = cj * eu + aj * ru;
    m[kM1c1] = -(cj * ev + aj * rv);
    m[kM2c0] = cj * (eu * eu + 2.0 * eu * lu[j]) + 2.0 * aj * ru * lu[j];
    m[kM2c1] = -2.0 * (cj * (eu * ev + eu * lv[j] + ev * lu[j]) + aj * (ru * lv[j] + rv * lu[j]));
    m[kM2c2] = cj * (ev * ev + 2.0 * ev * lv[j]) + 2.0 * aj * rv * lv[j];
    m[kM3c0] = cj * (eu + lu[j]);
    m[kM3c1] = -cj * (ev + lv[j]);
  }
  return w;
}

bool all_finite(const std::array<double, CalendarProfile::kWeights>& w) {
  return std::all_of(w.begin(), w.end(), [](double x) { return std::isfinite(x); });
}

// Panel edges over [0, horizon] and the end of the graded zone.
std::pair<std::vector<double>, double> panel_edges(const SurvivalSpec& spec, double horizon) {
  const double step = horizon / kPanelsPerHorizon;
  std::vector<double> cuts{0.0, horizon};
  // Kinks after which a hazard is steep (kSteepPerPanel), with that hazard.
  std::vector<std::pair<double, double>> steep;
  for (const CureModel* m : {&spec.control, &spec.treatment}) {
    for (double k : m->latency().kinks()) {
      if (!(k > 0.0 && k < horizon)) continue;
      cuts.push_back(k);
      const double h = m->latency().hazard(k);
      if (h * step > kSteepPerPanel) steep.emplace_back(k, h);
    }
  }
  for (double eta : {spec.dropout_rate_control(), spec.dropout_rate_treatment()}) {
    if (!(eta > 0.0)) continue;
    for (double v : detail::kDropoutScaleSurvival) {
      const double s = -std::log(v) / eta;
      if (s > 0.0 && s < horizon) cuts.push_back(s);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const double graded_end = std::min(cuts[1], kGradedPanels * step);
  // Edges origin + first (length / first)^(m / count), m = 0 .. count, with
  // count the panels that keep the ratio at most `ratio`; then origin + length.
  const auto grade = [](std::vector<double>& edges, double origin, double first, double length, double ratio) {
    const int count = static_cast<int>(std::ceil(std::log(length / first) / std::log(ratio)));
    for (int m = 0; m < count; ++m) {
      edges.push_back(origin + first * std::pow(length / first, m / static_cast<double>(count)));
    }
    edges.push_back(origin + length);
  };
  std::vector<double> edges{0.0};
  grade(edges, 0.0, graded_end * kGradedStart, graded_end, kGradingRatio);
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    double from = i == 0 ? graded_end : cuts[i];
    double hazard = 0.0;  // the steepest hazard after this kink, if steep
    for (const auto& [kink, h] : steep) {
      if (i > 0 && !(kink < cuts[i]) && !(kink > cuts[i])) hazard = std::max(hazard, h);
    }
    if (hazard > 0.0) {
      const double length = std::min(cuts[i + 1] - from, kGradedPanels * step);
      const double first = std::min(kSteepFirst / hazard, length / kSteepGradingRatio);
      grade(edges, from, first, length, kSteepGradingRatio);
      from += length;
    }
    const double len = cuts[i + 1] - from;
    if (!(len > 0.0)) continue;
    const int n = std::max(kMinPanels, static_cast<int>(std::ceil(len / step)));
    for (int p = 1; p <= n; ++p) edges.push_back(p == n ? cuts[i + 1] : from + len * p / n);
  }
  return {edges, graded_end};
}

}  // namespace

CalendarProfile::CalendarProfile(const SurvivalSpec& spec, double horizon) : horizon_(horizon) {
  detail::check_positive("horizon", horizon);
  share_ = {spec.control_share(), spec.treatment_share()};
  const auto& durations = spec.accrual.durations();
  const auto& rates = spec.accrual.relative_rates();
  double total = 0.0;
  for (std::size_t p = 0; p < durations.size(); ++p) total += durations[p] * rates[p];
  double start = 0.0;
  for (std::size_t p = 0; p < durations.size(); ++p) {
    accrual_starts_.push_back(start);
    start += durations[p];
    accrual_ends_.push_back(start);
    accrual_rates_.push_back(rates[p] / total);
  }
  const detail::Arm c = detail::control_arm(spec);
  const detail::Arm t = detail::treatment_arm(spec);
  const auto [edges, graded_end] = panel_edges(spec, horizon);
  std::array<double, 2> lu{}, lv{};
  std::array<double, kWeights> g{}, f{};
  panels_.reserve(edges.size());
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    Panel panel;
    panel.x0 = edges[i];
    panel.x1 = edges[i + 1];
    const double h = panel.x1 - panel.x0;
    // Panels graded towards 0 are integrated in log s, where a density like
    // s^(shape - 1) is smooth (s = x0 e^v, ds = s dv); the others in s.
    const bool log_scale = panel.x0 > 0.0 && panel.x1 <= graded_end;
    const double hv = log_scale ? std::log(panel.x1 / panel.x0) : h;
    std::array<double, 3> at{}, jacobian{};
    std::array<Point, 3> stage;
    for (std::size_t k = 0; k < 3; ++k) {
      at[k] = log_scale ? panel.x0 * std::exp(kC[k] * hv) : panel.x0 + kC[k] * h;
      jacobian[k] = log_scale ? at[k] : 1.0;
      stage[k] = point(c, t, at[k]);
    }
    std::array<std::array<double, kWeights>, 3> ws;
    for (std::size_t k = 0; k < 3; ++k) {
      std::array<double, 2> su = lu, sv = lv;
      for (std::size_t m = 0; m < 3; ++m) {
        for (std::size_t j = 0; j < 2; ++j) {
          su[j] += hv * kA[k][m] * jacobian[m] * stage[m].rho_u[j];
          sv[j] += hv * kA[k][m] * jacobian[m] * stage[m].rho_v[j];
        }
      }
      ws[k] = weights(stage[k], su, sv);
    }
    panel.g0 = g;
    panel.f0 = f;
    panel.w0 = weights(point(c, t, panel.x0), lu, lv);
    for (std::size_t w = 0; w < kWeights; ++w) {
      // F(x1) = F(x0) + int w; G(x1) = G(x0) + h F(x0) + int (x1 - s) w(s) ds.
      double first = 0.0;
      double second = 0.0;
      for (std::size_t k = 0; k < 3; ++k) {
        first += kB[k] * jacobian[k] * ws[k][w];
        second += kB[k] * jacobian[k] * (panel.x1 - at[k]) * ws[k][w];
      }
      g[w] += h * f[w] + hv * second;
      f[w] += hv * first;
    }
    for (std::size_t k = 0; k < 3; ++k) {
      for (std::size_t j = 0; j < 2; ++j) {
        lu[j] += hv * kB[k] * jacobian[k] * stage[k].rho_u[j];
        lv[j] += hv * kB[k] * jacobian[k] * stage[k].rho_v[j];
      }
    }
    panel.g1 = g;
    panel.f1 = f;
    // The left limit at the panel end: a piecewise hazard jumps at its start.
    panel.w1 = weights(point(c, t, std::nextafter(panel.x1, panel.x0)), lu, lv);
    panel.quintic = all_finite(panel.w0) && all_finite(panel.w1);
    panels_.push_back(panel);
  }
}

double CalendarProfile::integral_g(std::size_t weight, double x) const {
  if (!(x > 0.0)) return 0.0;
  x = std::min(x, horizon_);
  const auto it = std::upper_bound(panels_.begin(), panels_.end(), x,
                                   [](double v, const Panel& p) { return v < p.x1; });
  const Panel& p = it == panels_.end() ? panels_.back() : *it;
  const double h = p.x1 - p.x0;
  const double u = std::clamp((x - p.x0) / h, 0.0, 1.0);
  const double u2 = u * u;
  const double u3 = u2 * u;
  const double u4 = u3 * u;
  const double u5 = u4 * u;
  if (!p.quintic) {
    // Cubic Hermite from G and G' alone.
    const double h00 = 2.0 * u3 - 3.0 * u2 + 1.0;
    const double h10 = u3 - 2.0 * u2 + u;
    const double h01 = -2.0 * u3 + 3.0 * u2;
    const double h11 = u3 - u2;
    return h00 * p.g0[weight] + h * h10 * p.f0[weight] + h01 * p.g1[weight] + h * h11 * p.f1[weight];
  }
  // Quintic Hermite basis (values, first and second derivatives at both ends).
  const double b0 = 1.0 - 10.0 * u3 + 15.0 * u4 - 6.0 * u5;
  const double b1 = u - 6.0 * u3 + 8.0 * u4 - 3.0 * u5;
  const double b2 = 0.5 * (u2 - 3.0 * u3 + 3.0 * u4 - u5);
  const double b3 = 0.5 * (u3 - 2.0 * u4 + u5);
  const double b4 = -4.0 * u3 + 7.0 * u4 - 3.0 * u5;
  const double b5 = 10.0 * u3 - 15.0 * u4 + 6.0 * u5;
  return b0 * p.g0[weight] + h * b1 * p.f0[weight] + h * h * b2 * p.w0[weight] +
         h * h * b3 * p.w1[weight] + h * b4 * p.f1[weight] + b5 * p.g1[weight];
}

double CalendarProfile::convolve(std::size_t weight, double tau) const {
  double sum = 0.0;
  for (std::size_t p = 0; p < accrual_rates_.size(); ++p) {
    const double b = tau - accrual_starts_[p];
    if (!(b > 0.0)) break;
    const double a = tau - accrual_ends_[p];
    sum += accrual_rates_[p] * (integral_g(weight, b) - integral_g(weight, a));
  }
  return sum;
}

double CalendarProfile::events(double tau) const {
  return convolve(kEvents0, tau) + convolve(kEvents1, tau);
}

double CalendarProfile::arm_events(int arm, double tau) const {
  return convolve(arm == 0 ? kEvents0 : kEvents1, tau);
}

double CalendarProfile::score_mean(double tau) const { return convolve(kScore, tau); }

double CalendarProfile::null_variance(double tau) const { return convolve(kNullVariance, tau); }

LogRankJointMoments CalendarProfile::moments(double tau) const {
  LogRankJointMoments m;
  const std::array<double, 2> q{arm_events(0, tau), arm_events(1, tau)};
  m.events = q[0] + q[1];
  m.score_mean = score_mean(tau);
  m.null_variance = null_variance(tau);
  const double c = m.null_variance > 0.0 ? m.score_mean / (2.0 * m.null_variance) : 0.0;
  double var_l = 0.0;
  double cov_ld = 0.0;
  double cov_ud = 0.0;
  double var_d = 0.0;
  for (std::size_t j = 0; j < 2; ++j) {
    const std::size_t base = kArm + kPerArm * j;
    const auto at = [&](std::size_t k) { return convolve(base + k, tau); };
    const double p = share_[j];
    const double m1u = at(kM1c0);
    const double m1 = m1u + c * at(kM1c1);
    const double m2 = at(kM2c0) + c * at(kM2c1) + c * c * at(kM2c2);
    const double m3u = at(kM3c0);
    const double m3 = m3u + c * at(kM3c1);
    // Fixed arm sizes N p_j: the variance is the within-arm variance.
    var_l += m2 - m1 * m1 / p;
    cov_ld += m3 - m1 * q[j] / p;
    cov_ud += m3u - m1u * q[j] / p;
    var_d += q[j] - q[j] * q[j] / p;
  }
  if (var_d > 0.0) {
    m.score_slope = cov_ud / var_d;
    m.conditional_variance = std::max(0.0, var_l - cov_ld * cov_ld / var_d);
  } else {
    m.conditional_variance = std::max(0.0, var_l);
  }
  return m;
}

double CalendarProfile::time_for_events(double per_patient) const {
  if (!(per_patient > 0.0)) return 0.0;
  if (!(events(horizon_) > per_patient)) return horizon_;
  double lo = 0.0;
  double hi = horizon_;
  // Bisection to double precision of the bracket (the function is cheap and
  // increasing); 100 halvings of any horizon reach its last bit.
  for (int i = 0; i < 100 && hi - lo > 4.0 * std::numeric_limits<double>::epsilon() * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (events(mid) < per_patient ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace gsd::survival
