#pragma once
// How many replicates, which random streams, how many threads, and the
// calendar cap.
#include <cstdint>
#include <optional>

namespace gsd::simulate {

struct SimulationOptions {
  std::int64_t replicates = 10000;
  std::uint64_t seed = 1;
  int threads = 1;
  // Calendar time at which a trial still short of its planned events has its
  // final analysis with the events observed. Absent: default_max_duration().
  std::optional<double> max_duration;

  // Upper limit on max_duration: durations are summed as integers in units of
  // 2^-32 (see SimulationResult), which stay exact below 2^31 time units.
  static constexpr double kMaxDurationLimit = 1e6;

  // Throws std::invalid_argument naming the field.
  void validate() const;
};

}  // namespace gsd::simulate
