#pragma once
// Private: reports a phase of a workflow and its wall time to the trace at
// info level ("design: boundaries and drift in 0.41 ms").
#include <chrono>
#include <sstream>
#include <string>

#include "gsd/numerics/solver_trace.hpp"

namespace gsd::detail {

class PhaseTimer {
 public:
  PhaseTimer(numerics::SolverTrace* trace, std::string what)
      : trace_(trace), what_(std::move(what)), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    if (!trace_ || !trace_->enabled(numerics::SolverTrace::Level::kInfo)) return;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    std::ostringstream out;
    out.precision(3);
    out << what_ << " in " << ms << " ms";
    try {
      trace_->write(numerics::SolverTrace::Level::kInfo, out.str());
    } catch (...) {  // diagnostics never turn into failures
    }
  }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  numerics::SolverTrace* trace_;
  std::string what_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace gsd::detail
