#pragma once
// R's interrupt, looked for while the library runs: a user's Ctrl-C, or the
// error of setTimeLimit() (R runs its event loop in R_CheckUserInterrupt).
// Only the thread that made the watch touches R. R_CheckUserInterrupt may
// jump; R_UnwindProtect (through Rcpp::unwindProtect) stops the jump inside
// check() and keeps its token, the watch's stop flag is set so that the
// library's run ends, and once the library's frames are gone resume_jump()
// goes on with the jump, so that R sees its own condition, not one made up
// here.
#include <Rcpp.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace gsd::r {

class InterruptWatch {
 public:
  InterruptWatch() = default;
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // On the watch's thread, at most every kInterruptSeconds (R_CheckUserInterrupt
  // runs R's event loop, too costly for every chunk of replicates): looks for
  // R's interrupt, and sets the stop flag when there is one. Elsewhere, or
  // sooner, or once the flag is set, it does nothing. Never throws.
  void check() noexcept;

  const std::atomic<bool>* stop_flag() const { return &stop_; }
  bool jumped() const { return jump_ != nullptr; }
  // The R condition that stopped the run, resumed as R raised it (throws
  // Rcpp::LongjumpException); nothing when there was none.
  void resume_jump();

  // R's interrupt flag is read this often.
  static constexpr double kInterruptSeconds = 0.1;

 private:
  using Clock = std::chrono::steady_clock;
  std::thread::id caller_ = std::this_thread::get_id();
  std::atomic<bool> stop_{false};
  SEXP jump_ = nullptr;
  Clock::time_point last_check_ = Clock::now();
};

}  // namespace gsd::r
