#include "guard.hpp"

#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace gsd::r {

namespace {

std::string json_prefix(const std::vector<numerics::PathPart>& parts, std::size_t n) {
  return to_string(FieldPath(std::vector<numerics::PathPart>(parts.begin(),
                                                             parts.begin() + static_cast<long>(n))),
                   PathStyle::kJson);
}

bool is_file_config(SEXP map) {
  if (Rf_isNull(map)) return false;
  const Rcpp::CharacterVector entries(map);
  const Rcpp::CharacterVector keys = entries.names();
  for (R_xlen_t i = 0; i < keys.size(); ++i) {
    if (Rcpp::as<std::string>(keys[i]) == "*" && Rcpp::as<std::string>(entries[i]) == "json") return true;
  }
  return false;
}

// The library's rule for a whole number written with an exponent speaks of
// JSON text. From R such a number arrives so only when it is 2^53 or more
// (r_json.cpp writes smaller whole doubles as digits), and R's doubles cannot
// write it as digits: the limit in R's terms is 2^53.
// So is its rule for a whole number past the 64-bit integers.
constexpr std::string_view kWrittenAsDigits = "must be written as digits:";
constexpr std::string_view kPastLongLong = "must be at most 9223372036854775807 in magnitude";

// The library's rule for a scalar where it reads an array. From R a vector
// of length one arrives as a JSON scalar (r_json.cpp), so the rule alone
// leaves an R user asking for what they gave; I() keeps it a vector.
constexpr std::string_view kMustBeArray = "must be an array";

std::string r_rule(const std::string& rule, const std::optional<std::string>& value, SEXP map) {
  if (is_file_config(map)) return rule;
  if (rule == kMustBeArray && value && !value->empty() && value->front() != '{') {
    return std::string(kMustBeArray) +
           ": a vector of length one is a single value; wrap it in I(), as I(" + *value + ")";
  }
  const bool whole_past_exact = rule.rfind(kWrittenAsDigits, 0) == 0 || rule == kPastLongLong;
  if (!whole_past_exact) return rule;
  return "must be a whole number below 2^53 = 9007199254740992: from there on R's numbers skip "
         "whole numbers";
}

}  // namespace

std::string r_path(const FieldPath& path, SEXP map) {
  const auto& parts = path.parts();
  Rcpp::CharacterVector entries;
  Rcpp::CharacterVector keys;
  if (!Rf_isNull(map)) {
    entries = Rcpp::CharacterVector(map);
    keys = entries.names();
  }
  // Longest prefix first: parts.size() down to 0 (the root, "").
  for (std::size_t n = parts.size() + 1; n-- > 0;) {
    const std::string prefix = json_prefix(parts, n);
    for (R_xlen_t i = 0; i < keys.size(); ++i) {
      if (Rcpp::as<std::string>(keys[i]) != prefix) continue;
      const std::string name = Rcpp::as<std::string>(entries[i]);
      std::vector<numerics::PathPart> rest(parts.begin() + static_cast<long>(n), parts.end());
      if (name.empty()) return to_string(FieldPath(std::move(rest)), PathStyle::kR);
      rest.insert(rest.begin(), name);
      return to_string(FieldPath(std::move(rest)), PathStyle::kR);
    }
  }
  for (R_xlen_t i = 0; i < keys.size(); ++i) {
    if (Rcpp::as<std::string>(keys[i]) == "*" && Rcpp::as<std::string>(entries[i]) == "json") {
      return to_string(path, PathStyle::kJson);  // a config file: its own JSON paths
    }
  }
  return to_string(path, PathStyle::kR);
}

SEXP failure(const std::string& condition_class, const std::string& message, Rcpp::List fields) {
  Rcpp::List out = Rcpp::List::create(Rcpp::Named("class") = condition_class,
                                      Rcpp::Named("message") = message,
                                      Rcpp::Named("fields") = fields);
  out.attr("class") = "gsd_failure";
  return out;
}

SEXP invalid_input_failure(const InvalidInput& error, SEXP map) {
  // A path that maps to no name (a whole section, such as the survival
  // section's combination of sizes) concerns the call as a whole.
  const std::string argument = error.path().empty() ? "" : r_path(error.path(), map);
  // The library composes the message ("<path> = <value> <rule>"); only the
  // path changes: one key holding the R name, written as it is.
  const std::string rule = r_rule(error.rule(), error.value(), map);
  const InvalidInput as_r(argument.empty() ? FieldPath() : FieldPath(argument), error.value(), rule);
  std::string message = as_r.message(PathStyle::kJson);
  if (argument.empty() && message.size() > 2 && (message[0] == ':' || message[0] == ';')) {
    message.erase(0, message.find_first_not_of(":; "));
  }
  Rcpp::List fields = Rcpp::List::create(
      Rcpp::Named("argument") = argument.empty() ? Rcpp::CharacterVector(NA_STRING)
                                                 : Rcpp::CharacterVector(argument),
      Rcpp::Named("path") = to_string(error.path(), PathStyle::kJson),
      Rcpp::Named("value") = error.value() ? Rcpp::CharacterVector(*error.value())
                                           : Rcpp::CharacterVector(NA_STRING),
      Rcpp::Named("rule") = rule);
  return failure("gsd_invalid_input", message, fields);
}

}  // namespace gsd::r
