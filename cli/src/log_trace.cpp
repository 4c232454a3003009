#include "log_trace.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace gsd::cli {

namespace {

class SpdlogTrace final : public SolverTrace {
 public:
  explicit SpdlogTrace(spdlog::level::level_enum level)
      : logger_(std::make_shared<spdlog::logger>(
            "gsd", std::make_shared<spdlog::sinks::stderr_sink_mt>())) {
    logger_->set_level(level);
    logger_->set_pattern("[%H:%M:%S.%e] [%l] %v");
  }
  bool enabled(Level level) const noexcept override {
    return logger_->should_log(level == Level::kDebug ? spdlog::level::debug : spdlog::level::info);
  }
  void write(Level level, std::string_view message) override {
    logger_->log(level == Level::kDebug ? spdlog::level::debug : spdlog::level::info, "{}", message);
  }

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace

std::unique_ptr<SolverTrace> make_log_trace(const std::string& level) {
  if (level == "info") return std::make_unique<SpdlogTrace>(spdlog::level::info);
  if (level == "debug") return std::make_unique<SpdlogTrace>(spdlog::level::debug);
  return nullptr;
}

}  // namespace gsd::cli
