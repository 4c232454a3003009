#pragma once
// Patients drawn from a survival model (entry, cure, latency, drop-out) and
// weighted log-rank statistics computed from their data at a calendar time:
// the direct simulation the weighted and MaxCombo tests are checked against.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank.hpp"

namespace gsd::survival::testing {

struct Patient {
  double entry;
  double event;    // study time of the event (infinite if cured)
  double dropout;  // study time of drop-out
  int arm;         // 0 control, 1 treatment
};

class Stream {
 public:
  explicit Stream(std::uint64_t seed) : engine_(seed) {}
  // Uniform on (0, 1): 53 random bits, never 0.
  double uniform() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }
  double exponential() { return -std::log(uniform()); }

 private:
  std::mt19937_64 engine_;
};

inline std::vector<Patient> draw(const SurvivalSpec& spec, int patients, Stream& rng) {
  std::vector<Patient> out;
  const int treated = static_cast<int>(std::lround(patients * spec.treatment_share()));
  for (int i = 0; i < patients; ++i) {
    const int arm = i < treated ? 1 : 0;
    const CureModel& m = arm == 1 ? spec.treatment : spec.control;
    const double eta = arm == 1 ? spec.dropout_rate_treatment() : spec.dropout_rate_control();
    Patient p{};
    p.arm = arm;
    p.entry = spec.accrual.quantile(rng.uniform());
    const bool cured = rng.uniform() < m.cure_fraction();
    const double x = rng.exponential();
    p.event = cured ? std::numeric_limits<double>::infinity() : m.latency().inverse_cumulative_hazard(x);
    const double y = rng.exponential();
    p.dropout = eta > 0.0 ? y / eta : std::numeric_limits<double>::infinity();
    out.push_back(p);
  }
  return out;
}

struct Observation {
  double time;
  bool event;
  int arm;
};

struct Statistic {
  double score = 0.0;     // U
  double variance = 0.0;  // the variance estimate sum w^2 Y0 Y1 / Y^2 dN
};

// Weighted log-rank score (positive favours treatment) at calendar time tau
// for each weight; no ties (continuous times). Estimated weights take the
// pooled Kaplan-Meier estimate S(t-) just before each event time, and for
// Magirr-Burman the estimate at t*; known weights take the model's pooled
// survival limit.
inline std::vector<Statistic> weighted_scores(const SurvivalSpec& spec, const std::vector<Patient>& patients,
                                       double tau, const std::vector<LogRankWeight>& weights,
                                       bool estimated) {
  std::vector<Observation> obs;
  for (const Patient& p : patients) {
    if (!(p.entry < tau)) continue;
    const double window = tau - p.entry;
    const double t = std::min({p.event, p.dropout, window});
    obs.push_back({t, p.event <= std::min(p.dropout, window), p.arm});
  }
  std::sort(obs.begin(), obs.end(), [](const Observation& a, const Observation& b) { return a.time < b.time; });
  std::vector<double> star(weights.size(), 1.0);
  for (std::size_t k = 0; k < weights.size(); ++k) {
    if (!estimated) star[k] = pooled_survival(spec, weights[k].t_star);
  }
  if (estimated) {
    // The Kaplan-Meier estimate at t*: the product over event times <= t*.
    double s = 1.0;
    double at_risk = static_cast<double>(obs.size());
    for (const Observation& o : obs) {
      if (o.event) s *= 1.0 - 1.0 / at_risk;
      for (std::size_t k = 0; k < weights.size(); ++k) {
        if (o.time <= weights[k].t_star) star[k] = s;
      }
      at_risk -= 1.0;
    }
  }
  std::vector<Statistic> out(weights.size());
  double y[2] = {0.0, 0.0};
  for (const Observation& o : obs) y[o.arm] += 1.0;
  double km = 1.0;  // pooled Kaplan-Meier just before the current time
  for (const Observation& o : obs) {
    const double total = y[0] + y[1];
    if (o.event) {
      const double s = estimated ? km : pooled_survival(spec, o.time);
      for (std::size_t k = 0; k < weights.size(); ++k) {
        const double w = weights[k].at(s, star[k]);
        out[k].score += w * ((o.arm == 0 ? 1.0 : 0.0) - y[0] / total);
        out[k].variance += w * w * y[0] * y[1] / (total * total);
      }
      km *= 1.0 - 1.0 / total;
    }
    y[o.arm] -= 1.0;
  }
  return out;
}

}  // namespace gsd::survival::testing
