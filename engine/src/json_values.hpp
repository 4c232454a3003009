#pragma once
// Private to the engine's JSON writers: the values that JSON cannot hold
// directly and the conditional-power block of a monitored look, shared by the
// survival and the endpoint monitoring output.
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "gsd/monitoring/monitor.hpp"

namespace gsd::detail {

// JSON has no infinity: a look that spends nothing has no bound (null).
inline nlohmann::json finite_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}
inline nlohmann::json optional_json(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// Conditional power at a look and at each remaining look. `count_key` names
// the look's size ("events" for survival, "patients" for an endpoint) and
// `planned` is its planned final value.
nlohmann::json conditional_json(const monitoring::LookResult& r, double planned, const char* count_key);

}  // namespace gsd::detail
