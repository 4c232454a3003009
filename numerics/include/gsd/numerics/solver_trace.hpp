#pragma once
// An optional observer of the solvers' progress: the phases of a solve and
// their times, root iterations and residuals, grid sizes, simulation chunks.
// It exists so that a numerical failure is something a user can report: the
// command line forwards it to spdlog on stderr (--log-level), and a binding
// may forward it to its own console. It is not a global: it travels in
// SolverOptions, and nothing is formatted unless a level is enabled.
// Implementations must be safe to call from several threads at once
// (simulation chunks are reported from worker threads).
#include <string_view>

namespace gsd::numerics {

class SolverTrace {
 public:
  enum class Level {
    kInfo,   // phases of a solve and their wall times
    kDebug,  // every root search, integration grid and simulation chunk
  };

  virtual ~SolverTrace() = default;
  virtual bool enabled(Level level) const noexcept = 0;
  virtual void write(Level level, std::string_view message) = 0;
};

}  // namespace gsd::numerics
