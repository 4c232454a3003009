#include "guard.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>
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

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The config's sections, whose fields the library's rules name by their
// JSON paths.
constexpr std::array<std::string_view, 4> kSections = {"design", "survival", "monitoring",
                                                       "simulation"};

// The length of the JSON path at `at` in `text` ("survival.treatment"): a
// section, then one or more ".key"; 0 where none starts there.
std::size_t json_path_at(const std::string& text, std::size_t at) {
  if (at > 0) {
    const char before = text[at - 1];
    if (is_key_char(before) || (before >= 'A' && before <= 'Z') || before == '.' || before == '/') {
      return 0;
    }
  }
  for (const std::string_view section : kSections) {
    if (text.compare(at, section.size(), section) != 0) continue;
    std::size_t end = at + section.size();
    while (end + 1 < text.size() && text[end] == '.' && is_key_char(text[end + 1])) {
      end += 1;
      while (end < text.size() && is_key_char(text[end])) ++end;
    }
    return end > at + section.size() ? end - at : 0;
  }
  return 0;
}

FieldPath parse_json_path(std::string_view dotted) {
  std::vector<numerics::PathPart> parts;
  for (std::size_t start = 0; start <= dotted.size();) {
    const std::size_t dot = std::min(dotted.find('.', start), dotted.size());
    parts.emplace_back(std::string(dotted.substr(start, dot - start)));
    start = dot + 1;
  }
  return FieldPath(std::move(parts));
}

// The library's rules name other fields by their JSON paths ("give it, or a
// latency in survival.treatment"); from R each is written as the map writes
// the field the message is about ("treatment" in gsd_survival(),
// "config$survival$treatment" in gsd_run()), so the message names only what
// the user typed. A config file keeps its JSON paths.
std::string r_paths_in(const std::string& rule, SEXP map) {
  std::string out;
  for (std::size_t i = 0; i < rule.size();) {
    const std::size_t n = json_path_at(rule, i);
    if (n == 0) {
      out += rule[i++];
      continue;
    }
    const std::string name = r_path(parse_json_path(std::string_view(rule).substr(i, n)), map);
    out += name.empty() ? rule.substr(i, n) : name;
    i += n;
  }
  return out;
}

// The library's rules on a value's JSON type, in R's words: an R vector of
// length other than one arrives as an array, a named list as an object, a
// logical as a boolean.
std::string r_type_words(const std::string& rule) {
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kWords = {{
      {"must be an object", "must be a named list or a named vector"},
      {"must be true or false", "must be TRUE or FALSE"},
      {", not an array", ", not a vector"},
      {", not an object", ", not a named list"},
      {", not a boolean", ", not a logical"},
      {", not null", ", not NULL"},
  }};
  for (const auto& [json_words, r_words] : kWords) {
    if (rule == json_words) return std::string(r_words);
    const bool type_rule = rule.rfind("must be a ", 0) == 0 && rule.size() > json_words.size() &&
                           rule.compare(rule.size() - json_words.size(), json_words.size(), json_words) == 0;
    if (type_rule && json_words.front() == ',') {
      return rule.substr(0, rule.size() - json_words.size()) + std::string(r_words);
    }
  }
  return rule;
}

// A value as the library shows it (JSON text), as R writes it: TRUE, NULL,
// c(0.1, 0.2) for a flat array; an object or a nested array stays JSON.
std::string r_value(const std::string& value) {
  if (value == "true") return "TRUE";
  if (value == "false") return "FALSE";
  if (value == "null") return "NULL";
  // A non-finite number as the library formats it (C's "inf", "nan"): R's
  // Inf, -Inf and NaN, as the user typed them.
  if (value == "inf") return "Inf";
  if (value == "-inf") return "-Inf";
  if (value == "nan" || value == "-nan") return "NaN";
  if (value.empty() || value.front() != '[') return value;
  const nlohmann::json array = nlohmann::json::parse(value, nullptr, false);
  if (!array.is_array() || array.empty()) return value;
  std::string out = "c(";
  for (std::size_t i = 0; i < array.size(); ++i) {
    const nlohmann::json& v = array[i];
    if (!v.is_primitive()) return value;
    out += (i ? ", " : "") + (v.is_boolean() ? std::string(v.get<bool>() ? "TRUE" : "FALSE")
                              : v.is_null()  ? std::string("NA")
                                             : v.dump());
  }
  return out + ")";
}

std::string r_rule(const std::string& library_rule, const std::optional<std::string>& value,
                   SEXP map) {
  if (is_file_config(map)) return library_rule;
  const std::string rule = r_type_words(r_paths_in(library_rule, map));
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
  // section's combination of sizes) concerns the call as a whole. The root
  // of a config the user gave as an argument is that argument:
  // gsd_simulate(list(1, 2)) is about `plan`, gsd_run(5) about `config`.
  const std::string argument = r_path(error.path(), map);
  // The library composes the message ("<path> = <value> <rule>"); only the
  // path changes: one key holding the R name, written as it is.
  const std::string rule = r_rule(error.rule(), error.value(), map);
  // A config file's values are shown as its JSON text, R's values in R.
  const std::optional<std::string> value =
      error.value() && !is_file_config(map) ? std::optional<std::string>(r_value(*error.value()))
                                            : error.value();
  const InvalidInput as_r(argument.empty() ? FieldPath() : FieldPath(argument), value, rule);
  std::string message = as_r.message(PathStyle::kJson);
  if (argument.empty() && message.size() > 2 && (message[0] == ':' || message[0] == ';')) {
    message.erase(0, message.find_first_not_of(":; "));
  }
  Rcpp::List fields = Rcpp::List::create(
      Rcpp::Named("argument") = argument.empty() ? Rcpp::CharacterVector(NA_STRING)
                                                 : Rcpp::CharacterVector(argument),
      Rcpp::Named("path") = to_string(error.path(), PathStyle::kJson),
      Rcpp::Named("value") = value ? Rcpp::CharacterVector(*value) : Rcpp::CharacterVector(NA_STRING),
      Rcpp::Named("rule") = rule);
  return failure("gsd_invalid_input", message, fields);
}

}  // namespace gsd::r
