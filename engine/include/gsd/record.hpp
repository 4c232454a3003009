#pragma once
// The monitoring record: a human-readable JSON document that a data
// monitoring committee keeps. It holds the config (design, survival and
// monitoring settings) and every look as entered, with the time it was
// recorded and the decision taken then:
//   {"format": "gsd-monitoring-record", "version": 2, "created_at": "...Z",
//    "config": {...the config without monitoring.looks...},
//    "chain": {"algorithm": "sha256", "config_hash": "...",
//              "looks_before_chain": 0},
//    "looks": [{"recorded_at": "...Z", "input": {"events": 49, "z": 2.0},
//               "z": 2.0, "efficacy_z": 2.8933, "decision": "continue",
//               "reason": "...", "hash": "..."}]}
// Entries are only ever appended, and each carries the hash that chains it to
// the config and the looks before it (record_chain.hpp). Version 1 records
// (no chain) are still read, as unverified; the next look appended to one
// starts its chain. Files are replaced atomically (atomic_file.hpp) under an
// exclusive lock (file_lock.hpp), so concurrent writers lose nothing.
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gsd/file_lock.hpp"
#include "gsd/monitor.hpp"
#include "gsd/record_chain.hpp"
#include "gsd/trial.hpp"

namespace gsd {

inline constexpr const char* kRecordFormat = "gsd-monitoring-record";
// The version written; version 1 (before the chain) is still read.
inline constexpr int kRecordVersion = 2;

// Checks the record's structure; InvalidInput names the field from
// {"record", ...} ("record.looks[1].input is missing").
void check_record(const nlohmann::json& record);

// A new, empty record holding `config` without its monitoring.looks, its
// chain started (keyed when `key` is given).
nlohmann::json new_record(const nlohmann::json& config, const std::string& now,
                          const std::optional<std::string>& key = {});

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
// Their hashes are added with extend_chain once they are decided.
nlohmann::json start_record(const nlohmann::json& config, const std::string& now,
                            const std::optional<std::string>& key = {});

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
// "recorded_at" and "recorded_decision" and {"record": {"file", "looks",
// "chain"}}, chain "verified" or "unverified" (a record that read_record_file
// accepted).
nlohmann::json record_json(const MonitoringReport& report, const nlohmann::json& record,
                           const std::string& file);

// How a record file is read and written.
struct RecordAccess {
  // The committee's secret for a keyed (hmac-sha256) chain; a new record
  // written with a key is keyed.
  std::optional<std::string> key;
  // How long add_look_to_file waits for another writer (LockTimeout after).
  std::chrono::milliseconds lock_timeout = kDefaultLockTimeout;
  // Runs after the record file is replaced and before its lock is released,
  // so that outputs made from the record (a report) are written in the same
  // order as the record itself.
  std::function<void(const RecordUpdate&)> after_commit;
  // Runs once the record is read under its lock (or started), before the
  // look is decided: the looks it holds then are the ones the new look
  // follows, which another writer may have extended since a read without the
  // lock (a front end names the new look's errors by them).
  std::function<void(const nlohmann::json& record)> after_read;
};

// A record file that is not there, refused naming the record as `name` = path
// (the command line's --record, the bindings' record argument) and `todo`,
// how to start one: read as a config it was "cannot read the config file".
// read_record_file and verify_record_file check it (require_record_readable)
// with the defaults.
inline constexpr const char* kStartRecord =
    "give the path of a monitoring record, or start one by adding its first look with a config (add-look)";
void require_record_exists(const std::string& path, const std::string& name = "record",
                           const std::string& todo = kStartRecord);
// A record file that is there but cannot be read (no read permission, a
// directory, a socket, a parent directory that cannot be searched), refused
// the same way, naming the record and the system's reason, with what to do
// (read as a config it was "cannot read the config file"). A missing record
// is refused as require_record_exists refuses it, with `todo`. A FIFO or a
// device is left to the read: a FIFO with a writer is a record piped in.
inline constexpr const char* kReadableRecord =
    "give a monitoring record file that this user may read (check its permissions)";
void require_record_readable(const std::string& path, const std::string& name = "record",
                             const std::string& todo = kStartRecord);

// Record files. read_record_file checks the structure and the chain; its
// errors name the file ("dmc.json: record.looks[1].hash does not match look
// 2: the record was changed after it was written").
nlohmann::json read_record_file(const std::string& path, const std::optional<std::string>& key = {});

// The structure of a record file checked and its chain examined, without
// refusing a broken chain: for a front end's verify.
struct RecordVerification {
  nlohmann::json record;
  ChainCheck chain;
};
RecordVerification verify_record_file(const std::string& path,
                                      const std::optional<std::string>& key = {});
// What read_record_file refuses of a record verify_record_file has read from
// `path`: a broken chain (require_intact_chain), the error naming the file.
void require_intact_record(const RecordVerification& read, const std::string& path);

// Adds a look to the record file at `path`: the file is created from
// `config` when it does not exist (config must then be given, and must not be
// when it exists). Under the record's lock, the file is read (its chain must
// be intact), the look decided and chained, and the file replaced
// atomically. `before_commit`, when given, runs after the look is decided
// and before the file is replaced, so that a front end can prepare its other
// outputs; an exception from it, like any failure, leaves the file as it was.
RecordUpdate add_look_to_file(const std::string& path, const nlohmann::json* config,
                              const nlohmann::json& look, const RunOptions& options = {},
                              const std::function<void(const RecordUpdate&)>& before_commit = {},
                              const RecordAccess& access = {});

// Current UTC time as ISO 8601, e.g. "2026-11-25T15:50:00Z".
std::string utc_now();

}  // namespace gsd
