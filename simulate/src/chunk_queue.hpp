#pragma once
// Private: the replicates [begin, end) handed out in chunks, one at a time,
// to the threads of a parallel region (simulator.cpp, endpoint_simulator.cpp).
//
// An OpenMP loop over the chunks cannot be left early: a run that is stopped
// (Ctrl-C, or a failed replicate) would still step through every chunk left,
// which for a request near the 2^63 - 1 replicates allowed is some 10^16
// empty steps, a hang. From this queue a thread takes chunks until none is
// left or the run stops, and then leaves at once. Chunks go out in
// increasing order to whichever thread asks, as with OpenMP's dynamic
// schedule; each replicate draws only from (seed, replicate), so the totals
// do not depend on which thread ran it. Chunk numbers, not replicate
// numbers, are counted, so nothing overflows near the end of the range.
#include <algorithm>
#include <atomic>
#include <cstdint>

namespace gsd::simulate::detail {

class ChunkQueue {
 public:
  ChunkQueue(std::int64_t begin, std::int64_t end, std::int64_t chunk) noexcept
      : begin_(begin),
        end_(end),
        chunk_(chunk),
        chunks_(end > begin ? static_cast<std::uint64_t>(end - begin - 1) / static_cast<std::uint64_t>(chunk) + 1
                            : 0) {}

  // The next chunk as [first, last); false when every chunk has been taken.
  bool next(std::int64_t& first, std::int64_t& last) noexcept {
    const std::uint64_t k = next_.fetch_add(1, std::memory_order_relaxed);
    if (k >= chunks_) return false;
    first = begin_ + static_cast<std::int64_t>(k) * chunk_;
    last = first + std::min(chunk_, end_ - first);
    return true;
  }

 private:
  std::int64_t begin_;
  std::int64_t end_;
  std::int64_t chunk_;
  std::uint64_t chunks_;
  std::atomic<std::uint64_t> next_{0};
};

}  // namespace gsd::simulate::detail
