#pragma once
// A read-only view of one JSON value together with its path from the config
// root ("design.information_fractions[2]"). Every accessor validates type and
// range and throws ConfigError with a message that names the path, the value
// and the rule, so parsing code never builds error strings by hand.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gsd/cli/config_error.hpp"

namespace gsd::cli {

class JsonNode {
 public:
  JsonNode(const nlohmann::json& value, std::string path);

  const std::string& path() const noexcept { return path_; }
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

  // Typed values of this node. Numbers must be finite.
  double number() const;
  long long integer() const;
  bool boolean() const;
  std::string string() const;
  std::vector<double> numbers() const;  // array of finite numbers
  // string() restricted to `choices`; otherwise lists them in the error.
  std::string choice(std::initializer_list<std::string_view> choices) const;

  // Shorthands for required / optional children.
  double number(std::string_view key) const { return at(key).number(); }
  std::optional<double> optional_number(std::string_view key) const;

  // Fails with "<path> = <value> <rule>".
  [[noreturn]] void fail(const std::string& rule) const;
  // Fails with "<path>.<key> <message>" for a missing key.
  [[noreturn]] void fail_missing(std::string_view key, const std::string& why = "") const;

 private:
  const nlohmann::json* value_;
  std::string path_;
};

// Compact rendering of a value for error messages (numbers as written, strings
// quoted, long arrays elided).
std::string render(const nlohmann::json& value);

// Nearest candidate by edit distance, if close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view key,
                                        std::initializer_list<std::string_view> candidates);

// Parses JSON text; a syntax error becomes ConfigError "<source>:<line>:<column>: ...".
nlohmann::json parse_json(const std::string& text, const std::string& source);
// Reads and parses a file; unreadable files are ConfigErrors too.
nlohmann::json read_json_file(const std::string& path);

}  // namespace gsd::cli
