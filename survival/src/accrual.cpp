// Accrual shapes: uniform, and piecewise-constant rates (as in rpact's
// accrualTime / accrualIntensity and lrstat's piecewise accrual).
#include "gsd/survival/accrual.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "check.hpp"

namespace gsd::survival {

namespace {

// How far below the largest a piece's nonzero rate may lie. At 1e9 and
// beyond (rates [1, 1e10]) the event-driven power's count of events over
// time overflowed Boost's incomplete gamma; at 1e8 it gave its value. 1e6
// keeps a margin of a hundred: a ramp-up enrols at a few times less, not at
// a millionth.
constexpr double kMaxRateRatio = 1e6;

}  // namespace

Accrual Accrual::uniform(double duration) {
  detail::check_positive("duration", duration);
  return piecewise({duration}, {1.0});
}

Accrual Accrual::piecewise(std::vector<double> durations, std::vector<double> relative_rates) {
  if (durations.empty()) detail::fail("durations", "must not be empty");
  if (durations.size() != relative_rates.size()) {
    detail::fail_sizes("rates", relative_rates.size(), "durations", durations.size());
  }
  double mass = 0.0;
  for (std::size_t i = 0; i < durations.size(); ++i) {
    detail::check_positive(numerics::FieldPath{"durations", i}, durations[i]);
    detail::check_non_negative(numerics::FieldPath{"rates", i}, relative_rates[i]);
    mass += durations[i] * relative_rates[i];
  }
  if (!(mass > 0.0)) detail::fail("rates", "must not all be 0");
  const double largest = *std::max_element(relative_rates.begin(), relative_rates.end());
  for (std::size_t i = 0; i < relative_rates.size(); ++i) {
    const double r = relative_rates[i];
    if (!(r > 0.0) || r * kMaxRateRatio >= largest) continue;
    detail::fail(numerics::FieldPath{"rates", i}, r,
                 "is more than 1e6 times below the largest rate (" + detail::format_input(largest) +
                     "): such a piece enrols next to no one; give it rate 0, or check the rates");
  }
  Accrual accrual;
  double end = 0.0;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < durations.size(); ++i) {
    end += durations[i];
    cumulative += durations[i] * relative_rates[i] / mass;
    accrual.ends_.push_back(end);
    accrual.cumulative_.push_back(cumulative);
  }
  accrual.cumulative_.back() = 1.0;
  accrual.durations_ = std::move(durations);
  accrual.rates_ = std::move(relative_rates);
  for (double& r : accrual.rates_) r /= mass;  // now the density per time unit
  return accrual;
}

double Accrual::cdf(double u) const {
  if (u <= 0.0) return 0.0;
  if (u >= ends_.back()) return 1.0;
  const auto i = static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), u) - ends_.begin());
  const double start = i == 0 ? 0.0 : ends_[i - 1];
  const double before = i == 0 ? 0.0 : cumulative_[i - 1];
  return before + rates_[i] * (u - start);
}

double Accrual::density(double u) const {
  if (u < 0.0 || u >= ends_.back()) return 0.0;
  const auto i = static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), u) - ends_.begin());
  return rates_[i];
}

double Accrual::quantile(double p) const {
  if (!(p >= 0.0 && p <= 1.0)) detail::fail("p", p, "must lie in [0, 1]");
  for (std::size_t i = 0; i < ends_.size(); ++i) {
    const double before = i == 0 ? 0.0 : cumulative_[i - 1];
    const double start = i == 0 ? 0.0 : ends_[i - 1];
    if (p <= cumulative_[i] && rates_[i] > 0.0) return start + (p - before) / rates_[i];
    if (p <= before) return start;
  }
  return ends_.back();
}

}  // namespace gsd::survival
