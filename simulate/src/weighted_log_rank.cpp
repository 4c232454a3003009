// Weighted log-rank statistics at a look, all in the one merge of the
// log-rank statistic (simulated_test.hpp for the formulas).
#include <cmath>
#include <vector>

#include "risk_set_merge.hpp"
#include "trial_kernel.hpp"

namespace gsd::simulate::detail {

namespace {

// Exponents the weights take by multiplication (0, 1, 2: every default
// MaxCombo component); others go through std::pow.
constexpr int kLargestIntegerExponent = 2;

int small_integer(double e) {
  for (int k = 0; k <= kLargestIntegerExponent; ++k) {
    if (!(e < k) && !(e > k)) return k;
  }
  return -1;
}

double power(double x, int e_int, double e) {
  switch (e_int) {
    case 0: return 1.0;
    case 1: return x;
    case 2: return x * x;
    default: return std::pow(x, e);
  }
}

// Accumulates every test's U and V over the merge. `survival` is the
// stratum's pooled Kaplan-Meier estimate S^(t-) just before the current time.
class WeightedVisitor {
 public:
  WeightedVisitor(const std::vector<KernelWeight>& weights, double* u, double* v, double* star,
                  const std::vector<KernelContrast>& contrasts, ArmKaplanMeier* km)
      : weights_(weights), u_(u), v_(v), star_(star), contrasts_(contrasts), km_(km) {}

  void begin_stratum() {
    survival_ = 1.0;
    for (std::size_t j = 0; j < weights_.size(); ++j) star_[j] = 1.0;
  }

  void one(double y, int n0, int n1, int is_event, int treatment) {
    if (!is_event) return;
    const double n = static_cast<double>(n0 + n1);
    const double share = n1 / n;
    add(y, {n0, n1, 1, treatment}, share - treatment, share * (1.0 - share));
    survival_ *= 1.0 - 1.0 / n;
    update_star(y);
    for (std::size_t c = 0; c < contrasts_.size(); ++c) {
      if (y <= contrasts_[c].horizon) km_[2 * c + idx(treatment)].event(y, treatment ? n1 : n0, 1.0);
    }
  }

  void group(double y, int n, int n1, int d, int d1) {
    const double nd = static_cast<double>(n);
    const double share = n1 / nd;
    const double var = n > 1 ? d * share * (1.0 - share) * (n - d) / (nd - 1.0) : 0.0;
    add(y, {n - n1, n1, d, d1}, d * share - d1, var);
    survival_ *= 1.0 - d / nd;
    update_star(y);
    for (std::size_t c = 0; c < contrasts_.size(); ++c) {
      if (!(y <= contrasts_[c].horizon)) continue;
      if (d > d1) km_[2 * c].event(y, n - n1, d - d1);
      if (d1 > 0) km_[2 * c + 1].event(y, n1, d1);
    }
  }

 private:
  double weight(const KernelWeight& w, double y, double star) const {
    if (w.magirr_burman) return 1.0 / (y <= w.t_star ? survival_ : star);
    return power(survival_, w.rho_int, w.rho) * power(1.0 - survival_, w.gamma_int, w.gamma);
  }

  // At one event time: n0 and n1 at risk, d events, d1 of them treated.
  struct AtRisk {
    int n0, n1, d, d1;
  };

  // `score` and `variance` are those of equal hazards; a test with another
  // null hazard ratio takes its own (simulated_test.hpp).
  void add(double y, AtRisk r, double score, double variance) {
    for (std::size_t j = 0; j < weights_.size(); ++j) {
      const KernelWeight& k = weights_[j];
      const double w = weight(k, y, star_[j]);
      if (k.shifted_null) {
        const double treated = k.null_ratio * r.n1;
        const double p = treated / (treated + r.n0);
        u_[j] += w * (r.d * p - r.d1);
        v_[j] += w * w * r.d * p * (1.0 - p);
        continue;
      }
      u_[j] += w * score;
      v_[j] += w * w * variance;
    }
  }

  // S^(t*): the estimate after the last event time <= t*.
  void update_star(double y) {
    for (std::size_t j = 0; j < weights_.size(); ++j) {
      if (y <= weights_[j].t_star) star_[j] = survival_;
    }
  }

  const std::vector<KernelWeight>& weights_;
  double* u_;
  double* v_;
  double* star_;
  const std::vector<KernelContrast>& contrasts_;
  ArmKaplanMeier* km_;
  double survival_ = 1.0;
};

// Each contrast's z from its arms' estimates (simulated_test.hpp).
double contrast_z_of(const KernelContrast& c, const ArmKaplanMeier& control, const ArmKaplanMeier& treatment) {
  double e0 = 0.0, v0 = 0.0, e1 = 0.0, v1 = 0.0;
  control.finish(c, e0, v0);
  treatment.finish(c, e1, v1);
  return v0 + v1 > 0.0 ? (e1 - e0) / std::sqrt(v0 + v1) : 0.0;
}

}  // namespace

KernelWeight kernel_weight(const survival::LogRankWeight& w) {
  KernelWeight k;
  k.magirr_burman = w.family == survival::WeightFamily::kMagirrBurman;
  k.rho = w.rho;
  k.gamma = w.gamma;
  k.t_star = w.t_star;
  k.rho_int = small_integer(w.rho);
  k.gamma_int = small_integer(w.gamma);
  return k;
}

LogRank Workspace::log_rank(double tau, const std::vector<KernelWeight>& weights,
                            const std::vector<KernelContrast>& contrasts) {
  const std::size_t m = weights.size();
  test_u_.assign(m, 0.0);
  test_v_.assign(m, 0.0);
  star_survival_.assign(m, 1.0);
  test_z.assign(m, 0.0);
  arm_km_.assign(2 * contrasts.size(), ArmKaplanMeier{});
  contrast_z.assign(contrasts.size(), 0.0);
  WeightedVisitor visitor(weights, test_u_.data(), test_v_.data(), star_survival_.data(), contrasts,
                          arm_km_.data());
  Sums sums;
  LogRank out;
  for (std::size_t s = 0; s + 1 < stratum_offset.size(); ++s) {
    out.patients += stratum_merge(s, tau, sums, visitor);
  }
  finish_log_rank(sums, out);
  for (std::size_t j = 0; j < m; ++j) {
    if (test_v_[j] > 0.0) test_z[j] = test_u_[j] / std::sqrt(test_v_[j]);
  }
  for (std::size_t c = 0; c < contrasts.size(); ++c) {
    contrast_z[c] = contrast_z_of(contrasts[c], arm_km_[2 * c], arm_km_[2 * c + 1]);
  }
  return out;
}

}  // namespace gsd::simulate::detail
