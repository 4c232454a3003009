#include "gsd/simulate/process_group.hpp"

#include <stdexcept>

#if defined(GSD_WITH_MPI)
#include <mpi.h>
#endif

namespace gsd::simulate {

namespace {

#if defined(GSD_WITH_MPI)
bool mpi_running() {
  int initialized = 0;
  int finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  return initialized != 0 && finalized == 0;
}

void check(int code, const char* what) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string("MPI failure in ") + what);
}
#endif

}  // namespace

bool mpi_available() noexcept {
#if defined(GSD_WITH_MPI)
  return true;
#else
  return false;
#endif
}

ProcessGroup world() noexcept {
  ProcessGroup g;
#if defined(GSD_WITH_MPI)
  if (mpi_running()) {
    MPI_Comm_rank(MPI_COMM_WORLD, &g.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &g.size);
  }
#endif
  return g;
}

ReplicateRange replicate_range(std::int64_t replicates, const ProcessGroup& group) {
  if (replicates < 0 || group.size < 1 || group.rank < 0 || group.rank >= group.size) {
    throw std::invalid_argument("replicate_range: bad replicate count or process group");
  }
  const auto at = [&](int r) {
    return static_cast<std::int64_t>(static_cast<Int128>(replicates) * r / group.size);
  };
  return {at(group.rank), at(group.rank + 1) - at(group.rank)};
}

SimulationTotals reduce_totals(const SimulationTotals& local, std::size_t looks,
                               const ProcessGroup& group) {
  if (group.size == 1) return local;
#if defined(GSD_WITH_MPI)
  const std::vector<std::uint64_t> mine = local.serialize();
  const int n = static_cast<int>(mine.size());
  std::vector<std::uint64_t> all;
  if (group.root()) all.resize(mine.size() * static_cast<std::size_t>(group.size));
  check(MPI_Gather(mine.data(), n, MPI_UINT64_T, all.data(), n, MPI_UINT64_T, 0, MPI_COMM_WORLD),
        "MPI_Gather");
  if (!group.root()) return local;
  SimulationTotals total(looks, local.tests);
  for (int r = 0; r < group.size; ++r) {
    const auto begin = all.begin() + static_cast<std::ptrdiff_t>(r) * n;
    total.add(SimulationTotals::deserialize(std::vector<std::uint64_t>(begin, begin + n), looks, local.tests));
  }
  return total;
#else
  (void)looks;
  throw std::logic_error("a process group of several processes needs an MPI build");
#endif
}

bool any_process(bool flag, const ProcessGroup& group) {
  if (group.size == 1) return flag;
#if defined(GSD_WITH_MPI)
  int in = flag ? 1 : 0;
  int out = 0;
  check(MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD), "MPI_Allreduce");
  return out != 0;
#else
  return flag;
#endif
}

void barrier(const ProcessGroup& group) {
  if (group.size == 1) return;
#if defined(GSD_WITH_MPI)
  check(MPI_Barrier(MPI_COMM_WORLD), "MPI_Barrier");
#endif
}

}  // namespace gsd::simulate
