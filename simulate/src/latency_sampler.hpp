#pragma once
// Time-to-event among the noncured, in the closed form the simulator's inner
// loop draws from: T = Q(V) with V uniform on (0, 1) the survival probability
// S(T) (inverse transform sampling; Devroye 1986, "Non-Uniform Random Variate
// Generation", section 2.1). Built from the survival model of the config; a
// test checks it against that model's own survival function.
#include <cmath>
#include <vector>

namespace gsd::simulate {

enum class LatencyKind {
  kExponential,           // S(t) = exp(-rate t)
  kWeibull,               // S(t) = exp(-(t / scale)^shape)
  kPiecewiseExponential,  // constant hazard rates[j] on [starts[j], starts[j+1])
};

class LatencySampler {
 public:
  static LatencySampler exponential(double rate);
  static LatencySampler weibull(double shape, double scale);
  // starts[0] must be 0, increasing; rates >= 0 with the last one > 0 (proper).
  static LatencySampler piecewise_exponential(std::vector<double> starts,
                                              std::vector<double> rates);

  LatencyKind kind() const noexcept { return kind_; }
  // Exponential: 1 / rate, time_at_cumulative_hazard's factor.
  double inverse_rate() const noexcept { return inverse_rate_; }

  // The time t with S(t) = v, for v in (0, 1]. Inline: the simulator calls
  // it once per noncured patient.
  double time_at_survival(double v) const noexcept {
    return time_at_cumulative_hazard(-std::log(v));  // H(t) = -log S(t)
  }
  // The time t with cumulative hazard H(t) = h >= 0; lets a caller take the
  // logarithms of many survival probabilities at once (vectorised).
  double time_at_cumulative_hazard(double h) const noexcept {
    if (kind_ == LatencyKind::kExponential) return h * inverse_rate_;
    if (kind_ == LatencyKind::kWeibull) return scale_ * std::pow(h, 1.0 / shape_);
    return piecewise_time_at_hazard(h);
  }
  // S(t); 1 for t <= 0.
  double survival(double t) const noexcept;

 private:
  LatencySampler() = default;
  double piecewise_time_at_hazard(double h) const noexcept;
  LatencyKind kind_ = LatencyKind::kExponential;
  double rate_ = 1.0;
  double inverse_rate_ = 1.0;
  double shape_ = 1.0;
  double scale_ = 1.0;
  std::vector<double> starts_;
  std::vector<double> rates_;
  std::vector<double> cumulative_;  // cumulative hazard at starts_
};

}  // namespace gsd::simulate
