#pragma once
// Splitting replicates over MPI processes and combining their totals. Built
// with GSD_WITH_MPI (Open MPI) this uses MPI_COMM_WORLD once MPI is
// initialised; otherwise, or when MPI is not initialised, it is a group of one
// process and every function is the identity. Totals are integers, so the
// reduction is exact and the result does not depend on the number of
// processes.
#include <cstdint>
#include <vector>

#include "gsd/simulate/simulation_result.hpp"

namespace gsd::simulate {

struct ProcessGroup {
  int rank = 0;
  int size = 1;
  bool root() const noexcept { return rank == 0; }
};

// True when compiled with MPI support.
bool mpi_available() noexcept;
// MPI_COMM_WORLD's rank and size, or {0, 1}.
ProcessGroup world() noexcept;

struct ReplicateRange {
  std::int64_t first = 0;
  std::int64_t count = 0;
};
// Contiguous block of replicates of process `rank`: [R r / P, R (r + 1) / P).
ReplicateRange replicate_range(std::int64_t replicates, const ProcessGroup& group);

// Sum of every process's totals, on the root (other ranks get their own back).
SimulationTotals reduce_totals(const SimulationTotals& local, std::size_t looks,
                               const ProcessGroup& group);
// Logical OR of a flag over all processes (for an interrupt on any of them).
bool any_process(bool flag, const ProcessGroup& group);
void barrier(const ProcessGroup& group);

}  // namespace gsd::simulate
