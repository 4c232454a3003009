#pragma once
// Python values <-> the JSON of gsd's configs and results.
//
// A config may be built from dicts, lists, tuples, str, int, float, bool,
// None, numpy scalars and numpy arrays. A value JSON cannot hold (a NaN, an
// object, a non-string key) is an InvalidInput naming where it sits, so the
// error reaches the user as the argument they passed. Results come back as
// the values Python's json.loads gives for the command line's output: dicts,
// lists, str, int, float, bool and None (a non-finite double, which the
// command line writes as null, becomes None).
#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

#include "gsd/errors.hpp"

namespace gsd::python {

namespace py = pybind11;

// Throws gsd::InvalidInput with `root` followed by the value's position.
nlohmann::json to_json(py::handle value, const FieldPath& root = {});

py::object from_json(const nlohmann::json& value);

}  // namespace gsd::python
