#pragma once
// The solver diagnostics of a call (gsd::RunOptions::trace, the command
// line's --log-level) sent to Python's logging, to the logger "gsd": phases
// and times at INFO, every root search, grid and simulation chunk at DEBUG.
#include <pybind11/pybind11.h>

#include <memory>

#include "gsd/run_options.hpp"

namespace gsd::python {

namespace py = pybind11;

// 0: off, 1: info, 2: debug (the Python layer reads the logger's level).
std::unique_ptr<SolverTrace> make_trace(int level);

}  // namespace gsd::python
