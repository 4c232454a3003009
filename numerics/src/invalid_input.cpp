#include "gsd/numerics/invalid_input.hpp"

#include <sstream>

namespace gsd::numerics {

namespace {

std::string compose(const FieldPath& path, const std::optional<std::string>& value,
                    const std::string& rule, PathStyle style) {
  std::ostringstream out;
  const std::string where = to_string(path, style);
  if (value) {
    out << (where.empty() ? "config" : where) << " = " << *value;
  } else {
    out << where;
  }
  const bool attached = !rule.empty() && (rule.front() == ':' || rule.front() == ';');
  if (!attached && out.tellp() > 0 && !rule.empty()) out << ' ';
  out << rule;
  return out.str();
}

}  // namespace

FieldPath FieldPath::key(std::string name) const {
  FieldPath out = *this;
  out.parts_.emplace_back(std::move(name));
  return out;
}

FieldPath FieldPath::index(std::size_t i) const {
  FieldPath out = *this;
  out.parts_.emplace_back(i);
  return out;
}

FieldPath FieldPath::under(const FieldPath& prefix) const {
  FieldPath out = prefix;
  out.parts_.insert(out.parts_.end(), parts_.begin(), parts_.end());
  return out;
}

std::string to_string(const FieldPath& path, PathStyle style) {
  std::ostringstream out;
  bool first = true;
  for (const PathPart& part : path.parts()) {
    if (const auto* key = std::get_if<std::string>(&part)) {
      switch (style) {
        case PathStyle::kJson:
          out << (first ? "" : ".") << *key;
          break;
        case PathStyle::kR:
          out << (first ? "" : "$") << *key;
          break;
        case PathStyle::kPython:
          if (first) {
            out << *key;
          } else {
            out << "[\"" << *key << "\"]";
          }
          break;
      }
    } else {
      const std::size_t i = std::get<std::size_t>(part);
      out << '[' << (style == PathStyle::kR ? i + 1 : i) << ']';
    }
    first = false;
  }
  return out.str();
}

InvalidInput::InvalidInput(FieldPath path, std::optional<std::string> value, std::string rule)
    : std::invalid_argument(compose(path, value, rule, PathStyle::kJson)),
      path_(std::move(path)),
      value_(std::move(value)),
      rule_(std::move(rule)) {}

InvalidInput::InvalidInput(FieldPath path, std::string rule)
    : InvalidInput(std::move(path), std::nullopt, std::move(rule)) {}

InvalidInput InvalidInput::within(const FieldPath& prefix) const {
  return InvalidInput(path_.under(prefix), value_, rule_);
}

std::string InvalidInput::message(PathStyle style) const {
  return compose(path_, value_, rule_, style);
}

}  // namespace gsd::numerics
