#pragma once
// gsd's C++ errors as Python exceptions (gsd/_errors.py):
//   gsd::InvalidInput, std::invalid_argument, std::domain_error -> gsd.InvalidInput (a ValueError)
//   gsd::NumericalError                                      -> gsd.NumericalError (a RuntimeError)
//   std::bad_alloc                                           -> MemoryError
//   a file that cannot be written (std::runtime_error, std::system_error) -> OSError
//   anything else                                            -> gsd.InternalError (a RuntimeError)
// gsd.InvalidInput carries the path from the config root as a tuple of keys
// and indices, the value and the rule; the Python layer renames the path to
// the argument the user passed (gsd/_errors.py, the one place that does).
#include <pybind11/pybind11.h>

#include <string>

#include "gsd/errors.hpp"

namespace gsd::python {

namespace py = pybind11;

void register_error_translator();

// repr(v) for an error message, on one line: a pandas Series or a numpy
// matrix prints over several lines, and a message is one line. Runs of
// whitespace that hold a line break become one space.
std::string shown(py::handle v);

// InvalidInput's message with the path in Python's subscript style (or, for
// the messages the command line prints, in its JSON style).
std::string invalid_message(const py::tuple& path, const py::object& value, const std::string& rule,
                            bool json_style = false);

}  // namespace gsd::python
