#pragma once
// Enrolment calendar times: patients enter independently with a piecewise
// uniform density (constant rate on each interval), the accrual model of the
// config. Uniform accrual over a duration is one interval.
#include <vector>

namespace gsd::simulate {

class AccrualSampler {
 public:
  static AccrualSampler uniform(double duration);
  // Rates (relative intensities, > 0) on [starts[j], starts[j+1]), the last
  // interval ending at `end`. starts[0] must be 0.
  static AccrualSampler piecewise(std::vector<double> starts, std::vector<double> rates,
                                  double end);

  double duration() const noexcept { return ends_.back(); }
  bool is_uniform() const noexcept { return ends_.size() == 1; }
  // Calendar time at which a fraction p in [0, 1] of the patients have entered.
  double time_at_fraction(double p) const noexcept {
    if (ends_.size() == 1) return p * ends_[0];  // uniform: the hot path
    return piecewise_time_at_fraction(p);
  }
  // Fraction of the patients entered by calendar time t.
  double fraction_by(double t) const noexcept;

 private:
  AccrualSampler() = default;
  double piecewise_time_at_fraction(double p) const noexcept;
  std::vector<double> starts_;
  std::vector<double> ends_;
  std::vector<double> cdf_start_;  // fraction entered by starts_[j]
  std::vector<double> cdf_end_;
};

}  // namespace gsd::simulate
