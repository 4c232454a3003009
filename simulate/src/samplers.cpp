#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "samplers.hpp"

namespace gsd::simulate {

namespace {

void require_positive(double value, const std::string& name) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    throw std::invalid_argument(name + " = " + std::to_string(value) +
                                " must be positive and finite");
  }
}

void require_breakpoints(const std::vector<double>& starts, const std::vector<double>& rates,
                         const std::string& what) {
  if (starts.empty() || starts.size() != rates.size()) {
    throw std::invalid_argument(what + " needs one rate per interval start (got " +
                                std::to_string(starts.size()) + " starts, " +
                                std::to_string(rates.size()) + " rates)");
  }
  if (std::fpclassify(starts[0]) != FP_ZERO) {
    throw std::invalid_argument(what + ".starts[0] = " + std::to_string(starts[0]) +
                                " must be 0");
  }
  for (std::size_t j = 1; j < starts.size(); ++j) {
    if (!(starts[j] > starts[j - 1]) || !std::isfinite(starts[j])) {
      throw std::invalid_argument(what + ".starts[" + std::to_string(j) +
                                  "] must be finite and greater than the previous start");
    }
  }
  for (std::size_t j = 0; j < rates.size(); ++j) {
    if (!(rates[j] >= 0.0) || !std::isfinite(rates[j])) {
      throw std::invalid_argument(what + ".rates[" + std::to_string(j) + "] = " +
                                  std::to_string(rates[j]) + " must be finite and >= 0");
    }
  }
}

}  // namespace

LatencySampler LatencySampler::exponential(double rate) {
  require_positive(rate, "latency rate");
  LatencySampler s;
  s.kind_ = LatencyKind::kExponential;
  s.rate_ = rate;
  s.inverse_rate_ = 1.0 / rate;
  return s;
}

LatencySampler LatencySampler::weibull(double shape, double scale) {
  require_positive(shape, "latency shape");
  require_positive(scale, "latency scale");
  LatencySampler s;
  s.kind_ = LatencyKind::kWeibull;
  s.shape_ = shape;
  s.scale_ = scale;
  return s;
}

LatencySampler LatencySampler::piecewise_exponential(std::vector<double> starts,
                                                     std::vector<double> rates) {
  require_breakpoints(starts, rates, "latency");
  if (!(rates.back() > 0.0)) {
    throw std::invalid_argument("latency.rates (last) = " + std::to_string(rates.back()) +
                                " must be positive so that every noncured patient has the event");
  }
  LatencySampler s;
  s.kind_ = LatencyKind::kPiecewiseExponential;
  s.cumulative_.assign(starts.size(), 0.0);
  for (std::size_t j = 1; j < starts.size(); ++j) {
    s.cumulative_[j] = s.cumulative_[j - 1] + rates[j - 1] * (starts[j] - starts[j - 1]);
  }
  s.starts_ = std::move(starts);
  s.rates_ = std::move(rates);
  return s;
}

double LatencySampler::piecewise_time_at_hazard(double h) const noexcept {
  // Last interval whose cumulative hazard at its start is <= h.
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), h);
  std::size_t j = static_cast<std::size_t>(it - cumulative_.begin()) - 1;
  // Zero-rate intervals carry no hazard: skip to the next that does.
  while (!(rates_[j] > 0.0)) ++j;
  return starts_[j] + (h - cumulative_[j]) / rates_[j];
}

double LatencySampler::survival(double t) const noexcept {
  if (!(t > 0.0)) return 1.0;
  switch (kind_) {
    case LatencyKind::kExponential:
      return std::exp(-rate_ * t);
    case LatencyKind::kWeibull:
      return std::exp(-std::pow(t / scale_, shape_));
    case LatencyKind::kPiecewiseExponential: {
      const auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
      const std::size_t j = static_cast<std::size_t>(it - starts_.begin()) - 1;
      return std::exp(-(cumulative_[j] + rates_[j] * (t - starts_[j])));
    }
  }
  return 1.0;
}

AccrualSampler AccrualSampler::uniform(double duration) {
  return piecewise({0.0}, {1.0}, duration);
}

AccrualSampler AccrualSampler::piecewise(std::vector<double> starts, std::vector<double> rates,
                                         double end) {
  require_breakpoints(starts, rates, "accrual");
  if (!(end > starts.back()) || !std::isfinite(end)) {
    throw std::invalid_argument("accrual duration = " + std::to_string(end) +
                                " must be finite and after the last interval start");
  }
  AccrualSampler s;
  s.starts_ = std::move(starts);
  s.ends_.assign(s.starts_.begin() + 1, s.starts_.end());
  s.ends_.push_back(end);
  double total = 0.0;
  std::vector<double> mass(rates.size());
  for (std::size_t j = 0; j < rates.size(); ++j) {
    mass[j] = rates[j] * (s.ends_[j] - s.starts_[j]);
    total += mass[j];
  }
  if (!(total > 0.0)) throw std::invalid_argument("accrual rates must not all be 0");
  double cum = 0.0;
  for (std::size_t j = 0; j < rates.size(); ++j) {
    s.cdf_start_.push_back(cum / total);
    cum += mass[j];
    s.cdf_end_.push_back(cum / total);
  }
  s.cdf_end_.back() = 1.0;
  return s;
}

double AccrualSampler::piecewise_time_at_fraction(double p) const noexcept {
  const auto it = std::upper_bound(cdf_end_.begin(), cdf_end_.end(), p);
  std::size_t j = std::min(static_cast<std::size_t>(it - cdf_end_.begin()), ends_.size() - 1);
  while (j + 1 < ends_.size() && !(cdf_end_[j] > cdf_start_[j])) ++j;  // empty intervals
  const double width = cdf_end_[j] - cdf_start_[j];
  const double w = width > 0.0 ? (p - cdf_start_[j]) / width : 0.0;
  return starts_[j] + std::clamp(w, 0.0, 1.0) * (ends_[j] - starts_[j]);
}

double AccrualSampler::fraction_by(double t) const noexcept {
  if (!(t > 0.0)) return 0.0;
  if (t >= ends_.back()) return 1.0;
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  const std::size_t j = static_cast<std::size_t>(it - starts_.begin()) - 1;
  const double w = (t - starts_[j]) / (ends_[j] - starts_[j]);
  return cdf_start_[j] + w * (cdf_end_[j] - cdf_start_[j]);
}

namespace detail {

LatencySampler latency_sampler(const survival::Latency& latency) {
  switch (latency.family()) {
    case survival::LatencyFamily::kExponential:
      return LatencySampler::exponential(latency.rate());
    case survival::LatencyFamily::kWeibull:
      return LatencySampler::weibull(latency.shape(), latency.scale());
    case survival::LatencyFamily::kPiecewiseExponential:
      return LatencySampler::piecewise_exponential(latency.starts(), latency.rates());
  }
  return LatencySampler::exponential(latency.rate());
}

AccrualSampler accrual_sampler(const survival::Accrual& accrual) {
  if (accrual.is_uniform()) return AccrualSampler::uniform(accrual.duration());
  std::vector<double> starts{0.0};
  const auto& ends = accrual.ends();
  starts.insert(starts.end(), ends.begin(), ends.end() - 1);
  return AccrualSampler::piecewise(std::move(starts), accrual.relative_rates(), accrual.duration());
}

}  // namespace detail

}  // namespace gsd::simulate
