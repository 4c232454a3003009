#pragma once
// The monitoring record: a human-readable JSON document that a data
// monitoring committee keeps. It holds the config (design, survival and
// monitoring settings) and every look as entered, with the time it was
// recorded and the decision taken then:
//   {"format": "gsd-monitoring-record", "version": 1, "created_at": "...Z",
//    "config": {...the config without monitoring.looks...},
//    "looks": [{"recorded_at": "...Z", "input": {"events": 49, "z": 2.0},
//               "z": 2.0, "efficacy_z": 2.8933, "decision": "continue",
//               "reason": "..."}]}
// Entries are only ever appended. These functions work on the document; the
// front ends read and write the file (atomically, files.hpp).
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gsd/monitor.hpp"
#include "gsd/trial.hpp"

namespace gsd {

inline constexpr const char* kRecordFormat = "gsd-monitoring-record";
inline constexpr int kRecordVersion = 1;

// Checks the record's structure; InvalidInput names the field from
// {"record", ...} ("record.looks[1].input is missing").
void check_record(const nlohmann::json& record);

// A new, empty record holding `config` without its monitoring.looks.
nlohmann::json new_record(const nlohmann::json& config, const std::string& now);

// The config the record stands for: its config with monitoring.looks holding
// every recorded input (plus `extra_look`, when not null, at the end).
nlohmann::json record_config(const nlohmann::json& record,
                             const nlohmann::json& extra_look = nullptr);

struct RecordUpdate {
  nlohmann::json record;     // the record after the update
  MonitoringReport report;  // every look of the record, recomputed
};

// Starts a record from a config; the config's own monitoring.looks become
// its first entries (recorded now).
nlohmann::json start_record(const nlohmann::json& config, const std::string& now);

// Appends one look (a look object of the config's monitoring.looks) and
// decides it together with every earlier look. Entries made from a config
// just now get their decisions. Throws InvalidInput (the record unchanged)
// for a look that contradicts the record ({"monitoring", "looks", 2,
// "events"}: "must exceed the previous look's 49 events").
RecordUpdate append_look(nlohmann::json record, const nlohmann::json& look, const std::string& now,
                         const RunOptions& options = {});

// Recomputes every recorded look.
MonitoringReport replay_record(const nlohmann::json& record, const RunOptions& options = {});

// Looks whose recomputed decision differs from the one recorded at the time
// (for instance after the record was edited): {look number from 1, recorded,
// recomputed}.
struct DecisionChange {
  std::size_t look = 0;
  std::string recorded;
  std::string recomputed;
};
std::vector<DecisionChange> decision_changes(const nlohmann::json& record,
                                             const MonitoringReport& report);

// The monitoring JSON of a record's replay: to_json(report) plus each look's
// "recorded_at" and "recorded_decision" and {"record": {"file", "looks"}}.
nlohmann::json record_json(const MonitoringReport& report, const nlohmann::json& record,
                           const std::string& file);

// Record files. read_record_file checks the structure; its errors name the
// file ("dmc.json: record.looks[1].input is missing").
nlohmann::json read_record_file(const std::string& path);

// Adds a look to the record file at `path`: the file is created from
// `config` when it does not exist (config must then be given, and must not be
// when it exists). `before_commit`, when given, runs after the look is decided
// and before the file is replaced, so that a front end can prepare its other
// outputs; an exception from it, like any failure, leaves the file as it was.
// The file is replaced atomically (atomic_file.hpp).
RecordUpdate add_look_to_file(const std::string& path, const nlohmann::json* config,
                              const nlohmann::json& look, const RunOptions& options = {},
                              const std::function<void(const RecordUpdate&)>& before_commit = {});

// Current UTC time as ISO 8601, e.g. "2026-11-25T15:50:00Z".
std::string utc_now();

}  // namespace gsd
