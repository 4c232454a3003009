#include "r_trace.hpp"

#include <R_ext/Print.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace gsd::r {

namespace {

// "[HH:MM:SS.mmm] [level] message", local time, as the command line's log.
std::string line(SolverTrace::Level level, std::string_view message) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm local{};
  localtime_r(&seconds, &local);
  char stamp[16];
  std::strftime(stamp, sizeof stamp, "%H:%M:%S", &local);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03d", static_cast<int>(ms.count()));
  return std::string("[") + stamp + millis + "] [" +
         (level == SolverTrace::Level::kDebug ? "debug" : "info") + "] " + std::string(message) +
         "\n";
}

class RTrace final : public SolverTrace {
 public:
  explicit RTrace(Level level) : level_(level), r_thread_(std::this_thread::get_id()) {}
  RTrace(const RTrace&) = delete;
  RTrace& operator=(const RTrace&) = delete;
  ~RTrace() override { flush(); }

  bool enabled(Level level) const noexcept override {
    return level_ == Level::kDebug || level == Level::kInfo;
  }

  void write(Level level, std::string_view message) override {
    std::string text = line(level, message);
    if (std::this_thread::get_id() != r_thread_) {
      const std::lock_guard<std::mutex> lock(mutex_);
      waiting_.push_back(std::move(text));
      return;
    }
    flush();
    REprintf("%s", text.c_str());
  }

 private:
  // On R's thread.
  void flush() {
    std::vector<std::string> lines;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      lines.swap(waiting_);
    }
    for (const std::string& l : lines) REprintf("%s", l.c_str());
  }

  Level level_;
  std::thread::id r_thread_;
  std::mutex mutex_;
  std::vector<std::string> waiting_;
};

}  // namespace

std::unique_ptr<SolverTrace> make_r_trace(const std::string& level) {
  if (level == "info") return std::make_unique<RTrace>(SolverTrace::Level::kInfo);
  if (level == "debug") return std::make_unique<RTrace>(SolverTrace::Level::kDebug);
  return nullptr;
}

}  // namespace gsd::r
