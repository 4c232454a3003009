#pragma once
// --log-level: the library's diagnostics (gsd::SolverTrace) on stderr through
// spdlog. Off by default; nothing ever goes to stdout.
#include <memory>
#include <string>

#include "gsd/run_options.hpp"

namespace gsd::cli {

// "off", "info" or "debug"; a null trace for "off".
std::unique_ptr<SolverTrace> make_log_trace(const std::string& level);

}  // namespace gsd::cli
