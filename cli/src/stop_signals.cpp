#include "stop_signals.hpp"

#include <cstdlib>
#include <iostream>

namespace gsd::cli {

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free, "signal-safe flag");
static_assert(std::atomic<int>::is_always_lock_free, "signal-safe flag");

extern "C" void on_stop_signal(int sig) {
  g_signal.store(sig);
  g_stop.store(true);
}

}  // namespace

const std::atomic<bool>& stop_flag() { return g_stop; }

StopSignals::StopSignals() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
}

void exit_interrupted(const std::string& what) {
  const int sig = g_signal.load() != 0 ? g_signal.load() : SIGINT;
  std::cerr << "error: interrupted by signal " << sig << "; " << what << "\n";
  std::signal(sig, SIG_DFL);
  std::raise(sig);
  std::_Exit(128 + sig);
}

}  // namespace gsd::cli
