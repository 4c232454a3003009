#include "trace.hpp"

#include <string>

namespace gsd::python {

namespace {

// logging's numeric levels.
constexpr int kLoggingInfo = 20;
constexpr int kLoggingDebug = 10;

class LoggingTrace final : public SolverTrace {
 public:
  explicit LoggingTrace(int level) : level_(level) {}

  bool enabled(Level level) const noexcept override {
    return level == Level::kInfo ? level_ >= 1 : level_ >= 2;
  }

  // May be called from a thread that does not hold the GIL (the work runs
  // with it released), so it takes the GIL itself.
  void write(Level level, std::string_view message) override {
    py::gil_scoped_acquire gil;
    try {
      py::module_::import("logging")
          .attr("getLogger")("gsd")
          .attr("log")(level == Level::kDebug ? kLoggingDebug : kLoggingInfo,
                       std::string(message));
    } catch (py::error_already_set& e) {
      // A failing log handler must not abort the computation.
      e.discard_as_unraisable("gsd logging");
    }
  }

 private:
  int level_;
};

}  // namespace

std::unique_ptr<SolverTrace> make_trace(int level) {
  if (level <= 0) return nullptr;
  return std::make_unique<LoggingTrace>(level);
}

}  // namespace gsd::python
