#include "guard.hpp"

#include <variant>
#include <vector>

namespace gsd::r {

namespace {

std::string json_prefix(const std::vector<numerics::PathPart>& parts, std::size_t n) {
  return to_string(FieldPath(std::vector<numerics::PathPart>(parts.begin(),
                                                             parts.begin() + static_cast<long>(n))),
                   PathStyle::kJson);
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
  const InvalidInput as_r(argument.empty() ? FieldPath() : FieldPath(argument), error.value(),
                          error.rule());
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
      Rcpp::Named("rule") = error.rule());
  return failure("gsd_invalid_input", message, fields);
}

}  // namespace gsd::r
