// Exponential, Weibull and piecewise-exponential latency distributions; see
// e.g. Klein & Moeschberger (2003), Survival Analysis, section 2.5.
#include "gsd/survival/latency.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <utility>

#include "check.hpp"

namespace gsd::survival {

Latency Latency::exponential(double rate) {
  detail::check_positive("rate", rate);
  Latency latency;
  latency.family_ = LatencyFamily::kExponential;
  latency.rates_ = {rate};
  latency.starts_ = {0.0};
  latency.cumulative_ = {0.0};
  return latency;
}

Latency Latency::exponential_median(double median) {
  detail::check_positive("median", median);
  return exponential(std::numbers::ln2 / median);
}

Latency Latency::weibull(double shape, double scale) {
  detail::check_positive("shape", shape);
  detail::check_positive("scale", scale);
  Latency latency;
  latency.family_ = LatencyFamily::kWeibull;
  latency.shape_ = shape;
  latency.scale_ = scale;
  latency.starts_ = {0.0};
  latency.rates_ = {};
  latency.cumulative_ = {0.0};
  return latency;
}

Latency Latency::piecewise_exponential(std::vector<double> starts, std::vector<double> rates) {
  if (starts.empty()) detail::fail("starts", "must not be empty");
  if (starts.size() != rates.size()) {
    detail::fail_sizes("rates", rates.size(), "starts", starts.size());
  }
  if (std::fpclassify(starts[0]) != FP_ZERO) detail::fail(numerics::FieldPath{"starts", std::size_t{0}}, starts[0], "must be 0");
  for (std::size_t i = 0; i < starts.size(); ++i) {
    detail::check_positive(numerics::FieldPath{"rates", i}, rates[i]);
    if (i > 0 && !(starts[i] > starts[i - 1] && std::isfinite(starts[i]))) {
      detail::fail(numerics::FieldPath{"starts", i}, starts[i],
                   std::string("must be greater than the previous start ").append(detail::format_input(starts[i - 1])));
    }
  }
  Latency latency;
  latency.family_ = LatencyFamily::kPiecewiseExponential;
  latency.cumulative_.assign(starts.size(), 0.0);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    latency.cumulative_[i] = latency.cumulative_[i - 1] + rates[i - 1] * (starts[i] - starts[i - 1]);
  }
  latency.starts_ = std::move(starts);
  latency.rates_ = std::move(rates);
  return latency;
}

double Latency::rate() const {
  if (family_ != LatencyFamily::kExponential) {
    throw std::invalid_argument("rate: the latency is not exponential");
  }
  return rates_[0];
}

std::size_t Latency::piece(double t) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  return static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - starts_.begin() - 1, 0));
}

double Latency::cumulative_hazard(double t) const {
  if (t <= 0.0) return 0.0;
  switch (family_) {
    case LatencyFamily::kExponential:
      return rates_[0] * t;
    case LatencyFamily::kWeibull:
      return std::pow(t / scale_, shape_);
    case LatencyFamily::kPiecewiseExponential: {
      const std::size_t i = piece(t);
      return cumulative_[i] + rates_[i] * (t - starts_[i]);
    }
  }
  return 0.0;
}

double Latency::hazard(double t) const {
  if (t < 0.0) return 0.0;
  switch (family_) {
    case LatencyFamily::kExponential:
      return rates_[0];
    case LatencyFamily::kWeibull:
      // h(t) = (k / s) (t / s)^(k - 1); infinite at 0 when k < 1.
      return shape_ / scale_ * std::pow(t / scale_, shape_ - 1.0);
    case LatencyFamily::kPiecewiseExponential:
      return rates_[piece(t)];
  }
  return 0.0;
}

double Latency::survival(double t) const { return std::exp(-cumulative_hazard(t)); }

double Latency::density(double t) const {
  if (t < 0.0) return 0.0;
  return hazard(t) * survival(t);
}

double Latency::quantile(double p) const {
  if (!(p >= 0.0 && p < 1.0)) detail::fail("p", p, "must lie in [0, 1)");
  // P(T <= t) = p  <=>  H(t) = -log(1 - p).
  return inverse_cumulative_hazard(-std::log1p(-p));
}

double Latency::inverse_cumulative_hazard(double h) const {
  if (!(h >= 0.0)) detail::fail("h", h, "must be non-negative");
  if (std::isinf(h)) return h;
  switch (family_) {
    case LatencyFamily::kExponential:
      return h / rates_[0];
    case LatencyFamily::kWeibull:
      return scale_ * std::pow(h, 1.0 / shape_);
    case LatencyFamily::kPiecewiseExponential: {
      const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), h);
      const auto i = static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - cumulative_.begin() - 1, 0));
      return starts_[i] + (h - cumulative_[i]) / rates_[i];
    }
  }
  return 0.0;
}

Latency Latency::with_hazard_ratio(double hazard_ratio) const {
  detail::check_positive("hazard_ratio", hazard_ratio);
  switch (family_) {
    case LatencyFamily::kExponential:
      return exponential(rates_[0] * hazard_ratio);
    case LatencyFamily::kWeibull:
      // hr (t/s)^k = (t / (s hr^(-1/k)))^k.
      return weibull(shape_, scale_ * std::pow(hazard_ratio, -1.0 / shape_));
    case LatencyFamily::kPiecewiseExponential: {
      std::vector<double> scaled = rates_;
      for (double& r : scaled) r *= hazard_ratio;
      return piecewise_exponential(starts_, std::move(scaled));
    }
  }
  return *this;
}

std::vector<double> Latency::kinks() const {
  if (family_ != LatencyFamily::kPiecewiseExponential) return {};
  return {starts_.begin() + 1, starts_.end()};
}

}  // namespace gsd::survival
