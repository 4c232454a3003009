#pragma once
// Bad input, with the field it came from. Every gsd layer validates its own
// value types and throws InvalidInput with a path relative to that type
// ({"information_fractions", 2}); the layer above adds its own prefix
// (within({"design"})), so the error that reaches a front end names the field
// from the root of the user's input. Each front end writes the path in its
// own idiom, in one place: JSON dots and brackets for the command line and
// the page, `$` and 1-based indices for R, subscripts for Python.
//
// Like Stan's check_* errors (STYLE: "name the argument"), the message has
// three parts: the path, the offending value as the user wrote it, and the
// rule it breaks: "design.information_fractions[2] = 0.4 must be greater
// than the previous fraction 0.6".
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace gsd::numerics {

// One step of a path: an object key or an array index (0-based).
using PathPart = std::variant<std::string, std::size_t>;

class FieldPath {
 public:
  FieldPath() = default;
  // A path of one key: "alpha".
  FieldPath(const char* key) : parts_{std::string(key)} {}  // NOLINT: implicit by design
  FieldPath(std::string key) : parts_{std::move(key)} {}    // NOLINT
  FieldPath(std::initializer_list<PathPart> parts) : parts_(parts) {}
  explicit FieldPath(std::vector<PathPart> parts) : parts_(std::move(parts)) {}

  const std::vector<PathPart>& parts() const noexcept { return parts_; }
  bool empty() const noexcept { return parts_.empty(); }

  // This path followed by a key or an index.
  FieldPath key(std::string name) const;
  FieldPath index(std::size_t i) const;
  // `prefix` followed by this path.
  FieldPath under(const FieldPath& prefix) const;

  friend bool operator==(const FieldPath&, const FieldPath&) = default;

 private:
  std::vector<PathPart> parts_;
};

// How a front end writes a path.
enum class PathStyle {
  kJson,    // design.information_fractions[2]
  kR,       // design$information_fractions[3]
  kPython,  // design["information_fractions"][2]
};

std::string to_string(const FieldPath& path, PathStyle style = PathStyle::kJson);

class InvalidInput : public std::invalid_argument {
 public:
  // value: the offending value as the user would write it (absent when the
  // rule concerns a missing or misplaced field); rule: what it breaks, e.g.
  // "must lie in (0, 0.5)". A rule that starts with ':' or ';' is joined
  // without a space ("survival: give patients and events, ...").
  InvalidInput(FieldPath path, std::optional<std::string> value, std::string rule);
  InvalidInput(FieldPath path, std::string rule);

  const FieldPath& path() const noexcept { return path_; }
  const std::optional<std::string>& value() const noexcept { return value_; }
  const std::string& rule() const noexcept { return rule_; }

  // The same error with `prefix` in front of its path.
  InvalidInput within(const FieldPath& prefix) const;

  // The whole message with the path in the given style; what() is kJson.
  std::string message(PathStyle style) const;

 private:
  FieldPath path_;
  std::optional<std::string> value_;
  std::string rule_;
};

// Runs f(); an InvalidInput escaping it is re-thrown under `prefix`.
template <class F>
auto within(const FieldPath& prefix, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const InvalidInput& e) {
    throw e.within(prefix);
  }
}

}  // namespace gsd::numerics
