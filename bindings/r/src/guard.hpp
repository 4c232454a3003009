#pragma once
// Every call from R runs inside guarded(): the library's failures come back
// to R as a value of class "gsd_failure" that R turns into a condition
// (R/conditions.R), so no C++ exception and no R error ever crosses the other
// language's stack frames. InvalidInput's path is rewritten here, in one
// place, from the config's JSON path to the R argument the user typed, by
// the argument map each R function passes in (R/arguments.R).
#include <Rcpp.h>

#include <nlohmann/json.hpp>
#include <string>

#include "gsd/errors.hpp"

namespace gsd::r {

// `map`: a named character vector from JSON paths (kJson style, e.g.
// "design.efficacy.parameter" or "survival.control") to R names
// ("efficacy_parameter", "control"); the longest matching prefix wins and the
// rest of the path follows in R's style ("control$weibull$shape",
// "information_fractions[3]"). "" maps the root. Unmatched paths are written
// in R's style from the root, or in JSON's when the map has "*" = "json"
// (a config given as a file speaks of its own fields).
std::string r_path(const FieldPath& path, SEXP map);

// The condition data of an InvalidInput under the map.
SEXP invalid_input_failure(const InvalidInput& error, SEXP map);

// A failure value: list(class, message, ...fields) with class "gsd_failure".
SEXP failure(const std::string& condition_class, const std::string& message,
             Rcpp::List fields = Rcpp::List());

template <class F>
SEXP guarded(SEXP map, F&& f) {
  try {
    return f();
  } catch (const InvalidInput& e) {
    return invalid_input_failure(e, map);
  } catch (const NumericalError& e) {
    return failure("gsd_numerical_error", std::string("numerical failure: ") + e.what(),
                   Rcpp::List::create(Rcpp::Named("best") = e.best(),
                                      Rcpp::Named("residual") = e.residual(),
                                      Rcpp::Named("iterations") = e.iterations()));
  } catch (const std::invalid_argument& e) {
    return failure("gsd_invalid_input", e.what());
  } catch (const std::domain_error& e) {
    return failure("gsd_invalid_input", e.what());
  } catch (const nlohmann::json::exception& e) {
    return failure("gsd_invalid_input", e.what());
  }
  // std::bad_alloc, Rcpp's interrupt and other exceptions go on to Rcpp,
  // which turns them into R errors (or the interrupt).
}

}  // namespace gsd::r
