#pragma once
// Patient entry over calendar time: uniform over a duration, or piecewise
// constant rates (a ramp-up). Only the shape matters here: cdf(u) is the
// fraction of the planned patients enrolled by calendar time u.
#include <vector>

namespace gsd::survival {

class Accrual {
 public:
  // Uniform over (0, duration]; duration > 0.
  static Accrual uniform(double duration);
  // Consecutive periods of the given durations (> 0) with relative rates
  // (>= 0, at least one > 0), e.g. {6, 30} and {1, 3}: a third of the full
  // rate for six months.
  static Accrual piecewise(std::vector<double> durations, std::vector<double> relative_rates);

  double duration() const noexcept { return ends_.back(); }
  // Fraction enrolled by calendar time u: 0 for u <= 0, 1 for u >= duration().
  double cdf(double u) const;
  // Smallest u with cdf(u) = p, p in [0, 1].
  double quantile(double p) const;
  // Entry density cdf'(u) (piecewise constant).
  double density(double u) const;

  // Period ends (the last is duration()) and their cumulative fractions.
  const std::vector<double>& ends() const noexcept { return ends_; }
  const std::vector<double>& durations() const noexcept { return durations_; }
  const std::vector<double>& relative_rates() const noexcept { return rates_; }
  bool is_uniform() const noexcept { return ends_.size() == 1; }

 private:
  Accrual() = default;
  std::vector<double> durations_;
  std::vector<double> rates_;
  std::vector<double> ends_;        // cumulative durations
  std::vector<double> cumulative_;  // cdf at ends_
};

}  // namespace gsd::survival
