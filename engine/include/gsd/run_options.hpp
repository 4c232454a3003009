#pragma once
// Options of a library call that change no number: where diagnostics go.
#include "gsd/numerics/solver_trace.hpp"

namespace gsd {

using numerics::SolverTrace;

struct RunOptions {
  // Receives the phases of the work and their times (info) and every root
  // search, integration grid and simulation chunk (debug). Not owned; null:
  // silent.
  SolverTrace* trace = nullptr;
};

}  // namespace gsd
