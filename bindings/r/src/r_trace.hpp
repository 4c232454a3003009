#pragma once
// gsd_run(log_level = "info" | "debug"): the library's diagnostics on R's
// error stream, one line each as the command line's --log-level writes them
// ("[12:00:01.234] [info] design: ..."). Lines are written on R's thread
// only; a line from another thread waits for R's thread's next line or the
// end of the call.
#include <memory>
#include <string>

#include "gsd/run_options.hpp"

namespace gsd::r {

// "off" gives a null trace (silent); "info" and "debug" a trace at that level.
std::unique_ptr<SolverTrace> make_r_trace(const std::string& level);

}  // namespace gsd::r
