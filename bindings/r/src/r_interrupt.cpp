#include "r_interrupt.hpp"

#include <utility>

namespace gsd::r {

namespace {

SEXP check_interrupt(void*) {
  R_CheckUserInterrupt();
  return R_NilValue;
}

}  // namespace

void InterruptWatch::check() noexcept {
  if (std::this_thread::get_id() != caller_ || stop_.load()) return;
  const Clock::time_point now = Clock::now();
  if (std::chrono::duration<double>(now - last_check_).count() < kInterruptSeconds) return;
  last_check_ = now;
  try {
    Rcpp::unwindProtect(check_interrupt, nullptr);
  } catch (const Rcpp::LongjumpException& jump) {
    jump_ = jump.token;  // preserved by Rcpp until the jump resumes
    stop_.store(true);
  } catch (...) {
    // R_CheckUserInterrupt raises R conditions by jumping, never by a C++
    // exception; should one arrive, the run stops as for an interrupt.
    stop_.store(true);
  }
}

void InterruptWatch::resume_jump() {
  if (jump_ != nullptr) throw Rcpp::LongjumpException(std::exchange(jump_, nullptr));
}

}  // namespace gsd::r
