#pragma once
// Private to the engine's JSON writers: the values that JSON cannot hold
// directly, and the document around a workflow's result.
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "gsd/version.hpp"

namespace gsd::detail {

// JSON has no infinity: a look that spends nothing has no bound (null).
inline nlohmann::json finite_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}
inline nlohmann::json optional_json(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// The document a workflow writes: the version, the trial's name and the
// result under `key` ("simulation", "monitoring").
inline nlohmann::json result_document(const std::string& name, const char* key, nlohmann::json result) {
  nlohmann::json out;
  out["gsd_version"] = kVersion;
  out["name"] = name;
  out[key] = std::move(result);
  return out;
}

}  // namespace gsd::detail
