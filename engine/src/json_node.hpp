#pragma once
// Private to the loader: a read-only view of one JSON value together with its
// path from the config root ({"design", "information_fractions", 2}). Every
// accessor checks the JSON type and throws numerics::InvalidInput naming the
// path and the value, so parsing code never builds error strings by hand.
// Rules about the values themselves live in the value types' validate().
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::detail {

using numerics::FieldPath;

class JsonNode {
 public:
  JsonNode(const nlohmann::json& value, FieldPath path);

  const FieldPath& path() const noexcept { return path_; }
  const nlohmann::json& json() const noexcept { return *value_; }

  // Children. at() requires the key; find() returns nullopt when absent or null.
  bool has(std::string_view key) const;
  JsonNode at(std::string_view key) const;
  std::optional<JsonNode> find(std::string_view key) const;
  JsonNode element(std::size_t index) const;
  std::size_t size() const;  // array length; throws unless an array

  // Requires an object whose keys are all in `allowed`; an unknown key fails
  // with a "did you mean" hint to the nearest allowed key.
  void expect_keys(std::initializer_list<std::string_view> allowed) const;
  void expect_object() const;
  void expect_array() const;
  // An array with at least one element: an empty list where a per-look list
  // is optional is refused, not read as the list left out (its default).
  // `what`: what each element gives, for the rule ("a look's trigger").
  void expect_nonempty_array(const std::string& what) const;

  // Typed values of this node. Numbers must be finite.
  double number() const;
  // A whole number in the range of long long: written as digits, or with a
  // decimal point or an exponent (then at most 9e15 in magnitude, where every
  // whole double is still exact).
  long long integer() const;
  // A random seed: a whole number in [0, 2^64 - 1], as integer() reads it.
  std::uint64_t seed() const;
  bool boolean() const;
  std::string string() const;
  std::vector<double> numbers() const;  // array of finite numbers
  // string() restricted to `choices`; otherwise lists them in the error.
  std::string choice(std::initializer_list<std::string_view> choices) const;

  std::optional<double> optional_number(std::string_view key) const;

  // Fails with "<path> = <value> <rule>".
  [[noreturn]] void fail(const std::string& rule) const;
  // Fails with "<path>.<key> is missing[: why]".
  [[noreturn]] void fail_missing(std::string_view key, const std::string& why = "") const;

 private:
  const nlohmann::json* value_;
  FieldPath path_;
};

// Compact rendering of a value for error messages (numbers as written, strings
// quoted, long arrays elided).
std::string render(const nlohmann::json& value);

// What a mistyped name likely meant, quoted for a message: every candidate
// that extends it ("hazard_ratio": "hazard_ratio_h0" or
// "hazard_ratio_noncured"), else the nearest by edit distance if close
// enough to be a typo.
std::optional<std::string> did_you_mean(std::string_view key,
                                        std::initializer_list<std::string_view> candidates);

}  // namespace gsd::detail
