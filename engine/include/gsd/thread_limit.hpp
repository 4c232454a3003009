#pragma once
// The most threads a simulation or a batch takes: more than this is surely
// a typo, and would exhaust memory (each thread keeps its own buffers).
#include <string>

namespace gsd {

inline constexpr int kMaxThreads = 1024;

// The rule a thread count outside [1, kMaxThreads] breaks, as errors say it.
inline std::string threads_rule() { return "must be in [1, " + std::to_string(kMaxThreads) + "]"; }

}  // namespace gsd
