#pragma once
// R values <-> JSON. A config arrives from R as a list and becomes the JSON
// the command line reads; a result leaves as the R list that
// jsonlite::fromJSON(text, simplifyDataFrame = FALSE, simplifyMatrix = FALSE)
// makes of the JSON the command line prints, value for value, so that
// gsd_run() and the command line can be compared with identical().
#include <nlohmann/json.hpp>

#include "gsd/errors.hpp"

#ifndef R_NO_REMAP
#define R_NO_REMAP
#endif
#include <Rinternals.h>

namespace gsd::r {

// An R value as config JSON:
//   named list -> object (NULL elements are left out: NULL means "not given");
//   unnamed list -> array;
//   atomic vector of length 1 -> a scalar, unless it has names (-> object) or
//   class "AsIs" (I(x) -> array); any other length -> array;
//   whole doubles -> integers (as a person types 94, not 94.0);
//   NA (of any type) and NaN and infinities are an InvalidInput at their path
//   (NULL, not NA, leaves a value out).
nlohmann::json from_r(SEXP x, const FieldPath& path = {});

// JSON as R, with jsonlite's simplification rules: objects -> named lists,
// arrays of scalars -> atomic vectors (null -> NA; integers that fit -> integer),
// other arrays -> unnamed lists, null -> NULL, {} -> named list().
// With `mark_arrays`, arrays that become atomic vectors get class "AsIs", so
// that from_r() writes them back as arrays even when they hold one element:
// a config read from a file survives the round trip through R.
SEXP to_r(const nlohmann::json& value, bool mark_arrays = false);

// An array of objects (one per look) as a data frame: a `look` column
// numbering the rows from 1, then one column per key in order of first
// appearance, each simplified as an array would be (a key missing from a row
// is NA there), or a list column where the values are not scalars.
SEXP to_r_frame(const nlohmann::json& rows);

}  // namespace gsd::r
