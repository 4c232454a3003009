#include "json_node.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/unsigned_zero.hpp"

namespace gsd::detail {

namespace {

using numerics::InvalidInput;

std::string type_name(const nlohmann::json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string join(std::initializer_list<std::string_view> items) {
  std::string out;
  for (auto it = items.begin(); it != items.end(); ++it) {
    if (it != items.begin()) out += ", ";
    out += *it;
  }
  return out;
}

}  // namespace

std::string render(const nlohmann::json& value) {
  if (value.is_array() && value.size() > 6) {
    std::ostringstream out;  // (not operator+: GCC 12 -Wrestrict false positive, PR 105329)
    out << "[" << value.size() << " values]";
    return out.str();
  }
  if (value.is_number_float()) return numerics::format_input(value.get<double>());
  return value.dump();
}

std::optional<std::string> did_you_mean(std::string_view key,
                                        std::initializer_list<std::string_view> candidates) {
  // A name cut short (survival.hazard_ratio, control.median): the keys it
  // begins, all of them, since the user may have meant any. Shorter stems
  // than kShortestStem begin too many names to help.
  constexpr std::size_t kShortestStem = 4;
  std::vector<std::string_view> extensions;
  if (key.size() >= kShortestStem) {
    for (std::string_view c : candidates) {
      if (c.size() > key.size() && c.starts_with(key)) extensions.push_back(c);
    }
  }
  if (!extensions.empty()) {
    std::string out;
    for (std::size_t i = 0; i < extensions.size(); ++i) {
      if (i > 0) out += i + 1 == extensions.size() ? " or " : ", ";
      out += "\"" + std::string(extensions[i]) + "\"";
    }
    return out;
  }
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(key, c);
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A hint is useful only for a likely typo: at most a third of the key wrong.
  if (best && best_distance <= std::max<std::size_t>(2, key.size() / 3)) {
    return "\"" + std::string(*best) + "\"";
  }
  return std::nullopt;
}

JsonNode::JsonNode(const nlohmann::json& value, FieldPath path)
    : value_(&value), path_(std::move(path)) {}

void JsonNode::fail(const std::string& rule) const {
  throw InvalidInput(path_, render(*value_), rule);
}

void JsonNode::fail_missing(std::string_view key, const std::string& why) const {
  throw InvalidInput(path_.key(std::string(key)), "is missing" + (why.empty() ? "" : ": " + why));
}

void JsonNode::expect_object() const {
  if (!value_->is_object()) fail("must be an object");
}

void JsonNode::expect_array() const {
  if (!value_->is_array()) fail("must be an array");
}

void JsonNode::expect_nonempty_array(const std::string& what) const {
  expect_array();
  if (value_->empty()) fail("is empty: give " + what + " for each look, or leave the key out for its default");
}

bool JsonNode::has(std::string_view key) const {
  expect_object();
  const auto it = value_->find(std::string(key));
  // null is refused, not read as "not given": a script that writes a missing
  // value as null would otherwise get the default unnoticed.
  if (it != value_->end() && it->is_null()) {
    throw InvalidInput(path_.key(std::string(key)),
                       "is null: give a value, or leave the key out for its default");
  }
  return it != value_->end();
}

JsonNode JsonNode::at(std::string_view key) const {
  expect_object();
  const auto it = value_->find(std::string(key));
  if (it == value_->end() || it->is_null()) fail_missing(key);
  return JsonNode(*it, path_.key(std::string(key)));
}

std::optional<JsonNode> JsonNode::find(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return at(key);
}

JsonNode JsonNode::element(std::size_t index) const {
  expect_array();
  if (index >= value_->size()) throw InvalidInput(path_.index(index), "is missing");
  return JsonNode((*value_)[index], path_.index(index));
}

std::size_t JsonNode::size() const {
  expect_array();
  return value_->size();
}

void JsonNode::expect_keys(std::initializer_list<std::string_view> allowed) const {
  expect_object();
  for (const auto& [key, unused] : value_->items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string rule = "is not a known key";
    if (const auto hint = did_you_mean(key, allowed)) {
      rule += "; did you mean " + *hint + "?";
    } else {
      rule += "; known keys: " + join(allowed);
    }
    throw InvalidInput(path_.key(key), rule);
  }
}

double JsonNode::number() const {
  if (!value_->is_number()) fail("must be a number, not " + type_name(*value_));
  const double x = value_->get<double>();
  if (!std::isfinite(x)) fail("must be finite");
  // -0.0 is read as 0: echoed, it printed as a negative ("cure -0.0%").
  return numerics::unsigned_zero(x);
}

namespace {

// Whole numbers written with a decimal point or an exponent, or past the
// 64-bit integers, are read as doubles; up to this magnitude (below 2^53)
// each one is exact.
constexpr double kWholeDoubleLimit = 9.0e15;
constexpr const char* kWrittenAsDigits =
    "must be written as digits: with a decimal point or an exponent, a whole number is exact only "
    "up to 9e15";

}  // namespace

long long JsonNode::integer() const {
  constexpr long long kMax = std::numeric_limits<long long>::max();
  if (value_->is_number_unsigned()) {
    // nlohmann keeps digits above LLONG_MAX unsigned; they would wrap.
    if (value_->get<std::uint64_t>() > static_cast<std::uint64_t>(kMax)) {
      fail("must be at most " + std::to_string(kMax));
    }
    return value_->get<long long>();
  }
  if (value_->is_number_integer()) return value_->get<long long>();
  const double x = number();
  if (std::floor(x) < x || std::floor(x) > x) fail("must be a whole number");
  if (std::fabs(x) >= 9223372036854775808.0) fail("must be at most " + std::to_string(kMax) + " in magnitude");
  if (std::fabs(x) > kWholeDoubleLimit) fail(kWrittenAsDigits);
  return static_cast<long long>(x);
}

std::uint64_t JsonNode::seed() const {
  if (value_->is_number_unsigned()) return value_->get<std::uint64_t>();
  if (value_->is_number_integer()) {
    const auto value = value_->get<long long>();
    if (value < 0) fail("must be a non-negative integer");
    return static_cast<std::uint64_t>(value);
  }
  const double x = number();
  if (std::floor(x) < x || std::floor(x) > x) fail("must be a whole number");
  if (x < 0.0) fail("must be a non-negative integer");
  if (x >= 18446744073709551616.0) fail("must be at most 18446744073709551615");
  if (x > kWholeDoubleLimit) fail(kWrittenAsDigits);
  return static_cast<std::uint64_t>(x);
}

bool JsonNode::boolean() const {
  if (!value_->is_boolean()) fail("must be true or false");
  return value_->get<bool>();
}

std::string JsonNode::string() const {
  if (!value_->is_string()) fail("must be a string, not " + type_name(*value_));
  return value_->get<std::string>();
}

std::vector<double> JsonNode::numbers() const {
  expect_array();
  std::vector<double> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) out.push_back(element(i).number());
  return out;
}

std::string JsonNode::choice(std::initializer_list<std::string_view> choices) const {
  const std::string s = string();
  if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  std::string rule = "is not one of: " + join(choices);
  if (const auto hint = did_you_mean(s, choices)) rule += " (did you mean " + *hint + "?)";
  fail(rule);
}

std::optional<double> JsonNode::optional_number(std::string_view key) const {
  if (const auto child = find(key)) return child->number();
  return std::nullopt;
}

}  // namespace gsd::detail
