#pragma once
// SIGINT and SIGTERM during a long run: the handler only sets a flag, which
// the simulator polls between its chunks of replicates and a batch before
// each line; the command then cleans up and dies by the signal itself.
#include <atomic>
#include <csignal>
#include <string>

namespace gsd::cli {

// Set by the handler while StopSignals is installed.
const std::atomic<bool>& stop_flag();

// Installs the SIGINT and SIGTERM handlers; restores the previous ones after.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// Writes "error: interrupted by signal N; <what>" on stderr, then dies by the
// signal, so that the shell sees the usual status (128 + signal).
[[noreturn]] void exit_interrupted(const std::string& what);

}  // namespace gsd::cli
