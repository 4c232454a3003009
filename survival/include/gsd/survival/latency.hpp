#pragma once
// The event-time distribution of the noncured patients (the "latency" of a
// mixture cure model): exponential, Weibull, or piecewise exponential. An
// immutable value checked at construction; every function is exact (closed
// form), with no grid approximation of the model.
#include <cstddef>
#include <span>
#include <vector>

namespace gsd::survival {

enum class LatencyFamily {
  kExponential,           // S(t) = exp(-lambda t)
  kWeibull,               // S(t) = exp(-(t / scale)^shape)
  kPiecewiseExponential,  // hazard rates[i] on [starts[i], starts[i+1])
};

class Latency {
 public:
  // Throws std::invalid_argument naming the argument unless rate > 0, finite.
  static Latency exponential(double rate);
  // Exponential with the given median: rate = ln 2 / median.
  static Latency exponential_median(double median);
  // shape > 0, scale > 0.
  static Latency weibull(double shape, double scale);
  // starts[0] == 0, strictly increasing; rates > 0, one per start (the last
  // rate applies to [starts.back(), infinity)).
  static Latency piecewise_exponential(std::vector<double> starts, std::vector<double> rates);

  LatencyFamily family() const noexcept { return family_; }

  double survival(double t) const;           // P(T > t)
  double density(double t) const;           // f(t) = h(t) S(t)
  double hazard(double t) const;            // h(t)
  double cumulative_hazard(double t) const;  // H(t) = -log S(t)
  // The t with P(T <= t) = p, p in [0, 1); quantile(0) = 0. Closed form for
  // every family, including piecewise (invert H piece by piece).
  double quantile(double p) const;
  double median() const { return quantile(0.5); }
  // The t with H(t) = h, h >= 0 (+infinity for h = +infinity): the quantile
  // on the cumulative-hazard scale, exact far into the tail where 1 - p
  // would round to 0.
  double inverse_cumulative_hazard(double h) const;

  // Proportional hazards: h'(t) = hr * h(t), hr > 0. The family is kept
  // (Weibull scale becomes scale * hr^(-1/shape)).
  Latency with_hazard_ratio(double hazard_ratio) const;

  // Parameters. rate(): exponential rate. starts()/rates(): piecewise pieces
  // (one piece {0}/{rate} for the exponential).
  double rate() const;
  double shape() const noexcept { return shape_; }
  double scale() const noexcept { return scale_; }
  const std::vector<double>& starts() const noexcept { return starts_; }
  const std::vector<double>& rates() const noexcept { return rates_; }

  // Times > 0 where the hazard is not smooth (piecewise starts); quadrature
  // splits there.
  std::vector<double> kinks() const;

 private:
  Latency() = default;
  std::size_t piece(double t) const;  // index i with starts[i] <= t < starts[i+1]

  LatencyFamily family_ = LatencyFamily::kExponential;
  double shape_ = 1.0;
  double scale_ = 1.0;
  std::vector<double> starts_{0.0};
  std::vector<double> rates_{1.0};
  std::vector<double> cumulative_;  // H(starts[i])
};

}  // namespace gsd::survival
