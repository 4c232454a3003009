#include "r_json.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace gsd::r {

namespace {

using nlohmann::json;

// Doubles with no fractional part below 2^53 are written as integers: every
// such double is exactly an integer (IEEE 754 binary64 has a 53-bit significand).
constexpr double kLargestExactInteger = 9007199254740992.0;

bool has_class(SEXP x, const char* cls) { return Rf_inherits(x, cls) != 0; }

// NA is refused wherever it stands: written as JSON null it would read as
// "not given" and the library would put its default in its place (a cure
// fraction of NA became 0). NULL is how R leaves an argument out.
[[noreturn]] void refuse_na(SEXP x, const FieldPath& path) {
  std::string rule = TYPEOF(x) == STRSXP ? "is not a value: give a string" : "is not a value: give a number";
  // An element of a vector cannot be left out on its own.
  const bool element = !path.parts().empty() && std::holds_alternative<std::size_t>(path.parts().back());
  if (!element) rule += ", or leave the argument out (NULL) for its default";
  throw InvalidInput(path, "NA", rule);
}

json real_json(double v, const FieldPath& path) {
  if (std::isnan(v)) throw InvalidInput(path, "NaN", "must be a finite number");
  if (std::isinf(v)) throw InvalidInput(path, v > 0 ? "Inf" : "-Inf", "must be a finite number");
  if (std::fabs(v) < kLargestExactInteger && std::fpclassify(v - std::trunc(v)) == FP_ZERO) {
    return static_cast<long long>(v);
  }
  return v;
}

// Element i of an atomic vector.
json element_json(SEXP x, R_xlen_t i, const FieldPath& path) {
  switch (TYPEOF(x)) {
    case LGLSXP: {
      const int v = LOGICAL(x)[i];
      if (v == NA_LOGICAL) refuse_na(x, path);
      return v != 0;
    }
    case INTSXP: {
      const int v = INTEGER(x)[i];
      if (v == NA_INTEGER) refuse_na(x, path);
      if (has_class(x, "factor")) {
        SEXP levels = Rf_getAttrib(x, R_LevelsSymbol);
        return Rf_translateCharUTF8(STRING_ELT(levels, v - 1));
      }
      return v;
    }
    case REALSXP:
      if (R_IsNA(REAL(x)[i])) refuse_na(x, path);
      return real_json(REAL(x)[i], path);
    case STRSXP: {
      SEXP s = STRING_ELT(x, i);
      if (s == NA_STRING) refuse_na(x, path);
      return Rf_translateCharUTF8(s);
    }
    default:
      throw InvalidInput(path, std::string("is of R type ") + Rf_type2char(static_cast<SEXPTYPE>(TYPEOF(x))) +
                                   ": a config holds lists, numbers, strings and logicals");
  }
}

// Deeper nesting than any config needs, as the Python package's limit: a
// list nested 50,000 deep took minutes (a path copied at every level) before
// its error. Checked before the level's paths are built, so time is bounded.
constexpr std::size_t kMaxDepth = 256;

json value_json(SEXP x, const FieldPath& path, std::size_t depth);

json list_json(SEXP x, const FieldPath& path, std::size_t depth) {
  if (depth >= kMaxDepth) throw InvalidInput(path, "nests deeper than 256 levels");
  const R_xlen_t n = XLENGTH(x);
  SEXP names = Rf_getAttrib(x, R_NamesSymbol);
  if (names == R_NilValue) {
    json out = json::array();
    for (R_xlen_t i = 0; i < n; ++i) {
      out.push_back(value_json(VECTOR_ELT(x, i), path.index(static_cast<std::size_t>(i)), depth + 1));
    }
    return out;
  }
  json out = json::object();
  for (R_xlen_t i = 0; i < n; ++i) {
    SEXP name = STRING_ELT(names, i);
    const std::string key = name == NA_STRING ? "" : Rf_translateCharUTF8(name);
    if (key.empty()) {
      throw InvalidInput(path.index(static_cast<std::size_t>(i)),
                         "has no name: every element of a config object needs one");
    }
    if (out.contains(key)) throw InvalidInput(path.key(key), "is given twice");
    SEXP value = VECTOR_ELT(x, i);
    if (value == R_NilValue) continue;
    out[key] = value_json(value, path.key(key), depth + 1);
  }
  return out;
}

json atomic_json(SEXP x, const FieldPath& path) {
  const R_xlen_t n = XLENGTH(x);
  SEXP names = Rf_getAttrib(x, R_NamesSymbol);
  if (names != R_NilValue) {
    json out = json::object();
    for (R_xlen_t i = 0; i < n; ++i) {
      SEXP name = STRING_ELT(names, i);
      const std::string key = name == NA_STRING ? "" : Rf_translateCharUTF8(name);
      if (key.empty()) {
        throw InvalidInput(path.index(static_cast<std::size_t>(i)),
                           "has no name: give every element a name, or none");
      }
      if (out.contains(key)) throw InvalidInput(path.key(key), "is given twice");
      out[key] = element_json(x, i, path.key(key));
    }
    return out;
  }
  if (n == 1 && !has_class(x, "AsIs")) return element_json(x, 0, path);
  json out = json::array();
  for (R_xlen_t i = 0; i < n; ++i) {
    out.push_back(element_json(x, i, path.index(static_cast<std::size_t>(i))));
  }
  return out;
}

// jsonlite's integers: a JSON integer that fits R's int (INT_MIN is NA).
bool fits_r_integer(const json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX);
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    return i > INT_MIN && i <= INT_MAX;
  }
  return false;
}

SEXP utf8(const std::string& s) { return Rf_mkCharLenCE(s.data(), static_cast<int>(s.size()), CE_UTF8); }

// A value the command line's JSON prints as null: null itself, or a number
// that is not finite (JSON has none; nlohmann's writer prints null), so that
// R's result is the one jsonlite reads from the command line's output.
bool missing(const json& v) {
  return v.is_null() || (v.is_number_float() && !std::isfinite(v.get<double>()));
}

// The atomic type an array of scalars simplifies to, or NILSXP when it stays
// a list (nested values, or a mixture jsonlite would coerce).
SEXPTYPE simple_type(const json& array) {
  bool strings = false;
  bool numbers = false;
  bool doubles = false;
  bool logicals = false;
  for (const json& v : array) {
    switch (v.type()) {
      case json::value_t::null:
        break;
      case json::value_t::boolean:
        logicals = true;
        break;
      case json::value_t::string:
        strings = true;
        break;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
        numbers = true;
        if (!fits_r_integer(v)) doubles = true;
        break;
      case json::value_t::number_float:
        if (missing(v)) break;
        numbers = doubles = true;
        break;
      default:
        return NILSXP;
    }
  }
  if (static_cast<int>(strings) + static_cast<int>(numbers) + static_cast<int>(logicals) > 1) {
    return NILSXP;
  }
  if (strings) return STRSXP;
  if (numbers) return doubles ? REALSXP : INTSXP;
  return LGLSXP;  // booleans, or nulls only (jsonlite: logical NA)
}

SEXP simple_vector(const json& array, SEXPTYPE type) {
  const auto n = static_cast<R_xlen_t>(array.size());
  SEXP out = PROTECT(Rf_allocVector(type, n));
  for (R_xlen_t i = 0; i < n; ++i) {
    const json& v = array[static_cast<std::size_t>(i)];
    switch (type) {
      case STRSXP:
        SET_STRING_ELT(out, i, missing(v) ? NA_STRING : utf8(v.get_ref<const std::string&>()));
        break;
      case REALSXP:
        REAL(out)[i] = missing(v) ? NA_REAL : v.get<double>();
        break;
      case INTSXP:
        INTEGER(out)[i] = missing(v) ? NA_INTEGER : static_cast<int>(v.get<std::int64_t>());
        break;
      default:
        LOGICAL(out)[i] = missing(v) ? NA_LOGICAL : static_cast<int>(v.get<bool>());
    }
  }
  UNPROTECT(1);
  return out;
}

}  // namespace

SEXP to_r_frame(const json& rows) {
  std::vector<std::string> keys;
  for (const json& row : rows) {
    if (!row.is_object()) continue;
    for (auto it = row.begin(); it != row.end(); ++it) {
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
    }
  }
  const auto n = static_cast<R_xlen_t>(rows.size());
  SEXP out = PROTECT(Rf_allocVector(VECSXP, static_cast<R_xlen_t>(keys.size()) + 1));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, static_cast<R_xlen_t>(keys.size()) + 1));
  SEXP look = Rf_allocVector(INTSXP, n);
  SET_VECTOR_ELT(out, 0, look);
  for (R_xlen_t i = 0; i < n; ++i) INTEGER(look)[i] = static_cast<int>(i + 1);
  SET_STRING_ELT(names, 0, Rf_mkChar("look"));
  for (std::size_t k = 0; k < keys.size(); ++k) {
    json column = json::array();
    for (const json& row : rows) {
      const auto it = row.is_object() ? row.find(keys[k]) : row.end();
      column.push_back(it == row.end() ? json(nullptr) : *it);
    }
    const SEXPTYPE type = simple_type(column);
    SEXP v = PROTECT(type != NILSXP ? simple_vector(column, type) : to_r(column));
    // A column of nulls only is a number missing at every look.
    const bool all_null =
        std::all_of(column.begin(), column.end(), [](const json& x) { return missing(x); });
    SET_VECTOR_ELT(out, static_cast<R_xlen_t>(k) + 1,
                   type == LGLSXP && all_null ? Rf_coerceVector(v, REALSXP) : v);
    UNPROTECT(1);
    SET_STRING_ELT(names, static_cast<R_xlen_t>(k) + 1, utf8(keys[k]));
  }
  Rf_setAttrib(out, R_NamesSymbol, names);
  SEXP row_names = PROTECT(Rf_allocVector(INTSXP, 2));
  INTEGER(row_names)[0] = NA_INTEGER;  // R's compact form of 1:n
  INTEGER(row_names)[1] = -static_cast<int>(n);
  Rf_setAttrib(out, R_RowNamesSymbol, row_names);
  Rf_setAttrib(out, R_ClassSymbol, Rf_mkString("data.frame"));
  UNPROTECT(3);
  return out;
}

namespace {

json value_json(SEXP x, const FieldPath& path, std::size_t depth) {
  switch (TYPEOF(x)) {
    case NILSXP:
      return nullptr;
    case VECSXP:
      return list_json(x, path, depth);
    case LGLSXP:
    case INTSXP:
    case REALSXP:
    case STRSXP:
      return atomic_json(x, path);
    default:
      throw InvalidInput(path, std::string("is of R type ") + Rf_type2char(static_cast<SEXPTYPE>(TYPEOF(x))) +
                                   ": a config holds lists, numbers, strings and logicals");
  }
}

}  // namespace

json from_r(SEXP x, const FieldPath& path) { return value_json(x, path, 0); }

SEXP to_r(const json& value, bool mark_arrays) {
  switch (value.type()) {
    case json::value_t::null:
      return R_NilValue;
    case json::value_t::boolean:
      return Rf_ScalarLogical(value.get<bool>() ? 1 : 0);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return fits_r_integer(value) ? Rf_ScalarInteger(static_cast<int>(value.get<std::int64_t>()))
                                   : Rf_ScalarReal(value.get<double>());
    case json::value_t::number_float:
      return missing(value) ? R_NilValue : Rf_ScalarReal(value.get<double>());
    case json::value_t::string:
      return Rf_ScalarString(utf8(value.get_ref<const std::string&>()));
    case json::value_t::object: {
      const auto n = static_cast<R_xlen_t>(value.size());
      SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
      SEXP names = PROTECT(Rf_allocVector(STRSXP, n));
      R_xlen_t i = 0;
      for (auto it = value.begin(); it != value.end(); ++it, ++i) {
        SET_STRING_ELT(names, i, utf8(it.key()));
        SET_VECTOR_ELT(out, i, to_r(it.value(), mark_arrays));
      }
      Rf_setAttrib(out, R_NamesSymbol, names);
      UNPROTECT(2);
      return out;
    }
    case json::value_t::array: {
      const SEXPTYPE type = value.empty() ? NILSXP : simple_type(value);
      if (type != NILSXP) {
        SEXP out = PROTECT(simple_vector(value, type));
        if (mark_arrays) Rf_setAttrib(out, R_ClassSymbol, Rf_mkString("AsIs"));
        UNPROTECT(1);
        return out;
      }
      const auto n = static_cast<R_xlen_t>(value.size());
      SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
      for (R_xlen_t i = 0; i < n; ++i) {
        SET_VECTOR_ELT(out, i, to_r(value[static_cast<std::size_t>(i)], mark_arrays));
      }
      UNPROTECT(1);
      return out;
    }
    default:  // binary and discarded values never occur in gsd's output
      return R_NilValue;
  }
}

}  // namespace gsd::r
