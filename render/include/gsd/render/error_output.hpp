#pragma once
// Words for a run that failed, shared by the command line and the R and
// Python packages, so that a batch line's error reads the same everywhere.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/batch.hpp"
#include "gsd/errors.hpp"

namespace gsd::render {

// "numerical failure: <what>; try ..." with the solver settings that help.
std::string numerical_failure_message(const NumericalError& error);

// How a front end words an InvalidInput (the command line turns an
// "options" path into its --flag); empty: the JSON path as it is.
using InvalidInputWords = std::function<std::string(const InvalidInput&)>;

// {"error": "<source>: <message>"} for a batch line whose run threw (a
// malformed or over-long line's message already starts with the source, so it
// is not repeated). Rethrows what is not bad input or a numerical failure
// (out of memory ends the whole batch).
nlohmann::json batch_error_line(const BatchLine& line, const std::string& source,
                                const InvalidInputWords& invalid = {});

}  // namespace gsd::render
