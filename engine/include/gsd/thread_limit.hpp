#pragma once
// The most threads a simulation or a batch takes: more than this is surely
// a typo, and would exhaust memory (each thread keeps its own buffers).
namespace gsd {

inline constexpr int kMaxThreads = 1024;

}  // namespace gsd
