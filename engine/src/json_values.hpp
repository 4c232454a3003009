#pragma once
// Private to the engine's JSON writers: the values that JSON cannot hold
// directly, and the document around a workflow's result.
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "gsd/numerics/unsigned_zero.hpp"
#include "gsd/version.hpp"

namespace gsd::detail {

// JSON has no infinity: a look that spends nothing has no bound (null).
inline nlohmann::json finite_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}
inline nlohmann::json optional_json(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// An observed count (events, patients) as a person types it: a whole number
// is written as an integer (49, not 49.0), anything else as it is.
inline nlohmann::json count_json(double x) {
  if (std::isfinite(x) && std::fabs(x) < 1e15 && std::fpclassify(x - std::round(x)) == FP_ZERO) {
    return nlohmann::json(static_cast<long long>(std::llround(x)));
  }
  return nlohmann::json(x);
}

// A document as the engine returns it: every zero without its sign. The
// writer prints -0.0 as "-0.0" (the z of a hazard ratio of 1, -log(1)
// sqrt(d) / 2), which scripts read as a negative estimate; the text and
// CSV drop the sign too (render's number_format.hpp).
inline nlohmann::json without_zero_signs(nlohmann::json value) {
  if (value.is_number_float()) return numerics::unsigned_zero(value.get<double>());
  if (value.is_structured()) {
    for (nlohmann::json& child : value) child = without_zero_signs(std::move(child));
  }
  return value;
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
