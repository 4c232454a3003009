#pragma once
// The monitoring record: a human-readable JSON file that a data monitoring
// committee keeps. It holds the config (design, survival and monitoring
// settings) and every look as entered, with the time it was recorded and the
// decision taken then:
//   {"format": "gsd-monitoring-record", "version": 1, "created_at": "...Z",
//    "config": {...the config without monitoring.looks...},
//    "looks": [{"recorded_at": "...Z", "input": {"events": 49, "z": 2.0},
//               "z": 2.0, "efficacy_z": 2.8933, "decision": "continue",
//               "reason": "..."}]}
// Entries are only ever appended; gsd rewrites the file atomically
// (atomic_file.hpp), so a crash leaves the previous record whole.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/cli/config.hpp"

namespace gsd::cli {

inline constexpr const char* kRecordFormat = "gsd-monitoring-record";
inline constexpr int kRecordVersion = 1;

// Reads and checks the record's structure; ConfigError names the field
// ("<file>: record.looks[1].input is missing").
nlohmann::json load_record(const std::string& path);

// A new, empty record holding `config_root` without its monitoring.looks.
nlohmann::json new_record(const nlohmann::json& config_root, const std::string& now);

// The config the record stands for: its config with monitoring.looks holding
// every recorded input (plus `extra_look`, when not null, at the end).
Config record_config(const nlohmann::json& record, const std::string& source,
                     const nlohmann::json& extra_look = nullptr);

// Current UTC time as ISO 8601, e.g. "2026-11-25T15:50:00Z".
std::string utc_now();

}  // namespace gsd::cli
