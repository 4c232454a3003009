#include "gsd/record.hpp"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "gsd/atomic_file.hpp"
#include "gsd/errors.hpp"
#include "gsd/file_lock.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/record_chain.hpp"
#include "gsd/presentation.hpp"
#include "json_node.hpp"

namespace gsd {

namespace {

// `unit`: what the looks count, "events" or (a normal or binary endpoint)
// "patients", as the monitoring output says it.
nlohmann::json record_entry(const nlohmann::json& input, const monitoring::LookResult& r,
                            const monitoring::MonitoringPlan& plan, const char* unit, const std::string& now) {
  return {{"recorded_at", now},
          {"input", input},
          {"z", r.look.z},
          {"efficacy_z", std::isfinite(r.efficacy_z) ? nlohmann::json(r.efficacy_z)
                                                     : nlohmann::json(nullptr)},
          {"decision", decision_name(r.decision)},
          {"reason", decision_reason(r, plan, unit)}};
}

// The entry of a weighted log-rank, MaxCombo, RMST or milestone test's look.
nlohmann::json test_record_entry(const nlohmann::json& input, const LookOutcome& r, const MonitoringReport& report,
                                 double events, const std::string& now) {
  const spending::DesignSpec& spec = report.plan.design;
  const bool binding = spec.futility && spec.futility->binding;
  return {{"recorded_at", now},
          {"input", input},
          {"z", r.z},
          {"efficacy_z", std::isfinite(r.efficacy_z) ? nlohmann::json(r.efficacy_z) : nlohmann::json(nullptr)},
          {"decision", decision_name(r.decision)},
          {"reason", test_decision_reason(r, events, report.test->test.kind == survival::TestKind::kMaxCombo,
                                          spec.sided == spending::Sidedness::kTwoSidedSymmetric, binding)}};
}

// Look k's entry, whichever the test.
nlohmann::json entry_of(const nlohmann::json& input, const MonitoringReport& report,
                        const std::vector<LookOutcome>& outcomes, std::size_t k, const std::string& now) {
  if (report.simon) {
    return {{"recorded_at", now},
            {"input", input},
            {"decision", simon_decision_name(report.simon->looks[k].decision)},
            {"reason", simon_look_reason(*report.simon, k)}};
  }
  if (report.test) return test_record_entry(input, outcomes[k], report, report.inputs[k].events, now);
  return record_entry(input, report.result.looks[k], report.plan, report.endpoint ? "patients" : "events", now);
}

}  // namespace

void check_record(const nlohmann::json& doc) {
  const detail::JsonNode record(doc, {"record"});
  // A file without the record's format (a config given as the record) is
  // named as such before its keys, which would only be "not a known key".
  record.expect_object();
  if (!record.has("format")) {
    record.fail_missing("format", "this is not a monitoring record; a config starts one with add-look");
  }
  record.expect_keys({"format", "version", "created_at", "config", "chain", "looks"});
  const detail::JsonNode format = record.at("format");
  if (format.string() != kRecordFormat) {
    format.fail(std::string("must be \"") + kRecordFormat + "\": this is not a monitoring record");
  }
  const long long version = record.at("version").integer();
  if (version != 1 && version != kRecordVersion) {
    record.at("version").fail("is not a record version this gsd reads (it reads 1 and 2)");
  }
  (void)record.at("created_at").string();
  record.at("config").expect_object();
  if (version == 1 && record.has("chain")) {
    record.at("chain").fail("belongs to version 2: a version 1 record has no chain");
  }
  if (version == kRecordVersion) {
    const detail::JsonNode chain = record.at("chain");
    chain.expect_keys({"algorithm", "config_hash", "looks_before_chain"});
    (void)chain.at("algorithm").choice({"sha256", "hmac-sha256"});
    (void)chain.at("config_hash").string();
    if (chain.at("looks_before_chain").integer() < 0) {
      chain.at("looks_before_chain").fail("must be >= 0");
    }
  }
  const detail::JsonNode looks = record.at("looks");
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const detail::JsonNode look = looks.element(k);
    look.expect_object();
    look.at("input").expect_object();
    (void)look.at("recorded_at").string();
    // A missing or changed hash is the chain's to report (check_chain).
  }
}

nlohmann::json new_record(const nlohmann::json& config_root, const std::string& now,
                          const std::optional<std::string>& key) {
  nlohmann::json config = config_root;
  if (!config.contains("monitoring") || config["monitoring"].is_null()) {
    config["monitoring"] = nlohmann::json::object();
  }
  if (config["monitoring"].is_object()) config["monitoring"].erase("looks");
  nlohmann::json record = {{"format", kRecordFormat},
                           {"version", kRecordVersion},
                           {"created_at", now},
                           {"config", config},
                           {"looks", nlohmann::json::array()}};
  start_chain(record, key, 0);
  return record;
}

nlohmann::json start_record(const nlohmann::json& config, const std::string& now,
                            const std::optional<std::string>& key) {
  nlohmann::json record = new_record(config, now, key);
  if (const auto m = config.find("monitoring");
      m != config.end() && m->is_object() && m->contains("looks") && m->at("looks").is_array()) {
    for (const auto& look : m->at("looks")) {
      record["looks"].push_back({{"recorded_at", now}, {"input", look}});
    }
  }
  return record;
}

nlohmann::json record_config(const nlohmann::json& record, const nlohmann::json& extra_look) {
  nlohmann::json root = record.at("config");
  nlohmann::json looks = nlohmann::json::array();
  for (const auto& look : record.at("looks")) looks.push_back(look.at("input"));
  if (!extra_look.is_null()) looks.push_back(extra_look);
  if (!root.contains("monitoring") || !root["monitoring"].is_object()) {
    root["monitoring"] = nlohmann::json::object();
  }
  root["monitoring"]["looks"] = looks;
  return root;
}

RecordUpdate append_look(nlohmann::json record, const nlohmann::json& look, const std::string& now,
                         const RunOptions& options) {
  check_record(record);
  const std::size_t index = record["looks"].size();
  RecordUpdate out;
  const Trial trial = load_trial(record_config(record, look));
  out.report = monitor_trial(trial, options);
  const std::vector<LookOutcome> outcomes = look_outcomes(out.report);
  for (std::size_t k = 0; k < index; ++k) {
    if (!record["looks"][k].contains("decision")) {
      record["looks"][k] = entry_of(record["looks"][k]["input"], out.report, outcomes, k, now);
    }
  }
  record["looks"].push_back(entry_of(look, out.report, outcomes, index, now));
  out.record = std::move(record);
  return out;
}

MonitoringReport replay_record(const nlohmann::json& record, const RunOptions& options) {
  check_record(record);
  if (record.at("looks").empty()) {
    throw InvalidInput({"record", "looks"}, "[]", "holds no look yet; add one with add-look");
  }
  return monitor_trial(load_trial(record_config(record)), options);
}

nlohmann::json record_json(const MonitoringReport& report, const nlohmann::json& record,
                           const std::string& file) {
  nlohmann::json out = to_json(report);
  const auto& entries = record.at("looks");
  for (std::size_t k = 0; k < entries.size(); ++k) {
    out["monitoring"]["looks"][k]["recorded_at"] = entries[k].at("recorded_at");
    out["monitoring"]["looks"][k]["recorded_decision"] = entries[k].value("decision", "");
  }
  out["record"] = {{"file", file},
                   {"looks", entries.size()},
                   {"chain", record.contains("chain") ? "verified" : "unverified"}};
  // The looks the chain does not cover: written before it began.
  if (record.contains("chain")) {
    out["record"]["looks_before_chain"] = record["chain"].value("looks_before_chain", std::size_t{0});
  }
  return out;
}

void require_record_exists(const std::string& path, const std::string& name, const std::string& todo) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw InvalidInput({}, name + " = " + path + " does not exist; " + todo);
  }
}

void require_record_readable(const std::string& path, const std::string& name, const std::string& todo) {
  const auto refuse = [&](const std::string& rule) {
    throw InvalidInput({}, name + " = " + path + " " + rule + "; " + kReadableRecord);
  };
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  // A parent directory without search permission, a loop of links: the file
  // may well be there, so "does not exist" would mislead.
  if (error && status.type() != std::filesystem::file_type::not_found) {
    refuse("cannot be read (" + error.message() + ")");
  }
  require_record_exists(path, name, todo);
  if (std::filesystem::is_directory(status)) refuse("is a directory, not a record file");
  if (std::filesystem::is_socket(status)) refuse("is a socket, not a record file");
  if (!std::filesystem::is_regular_file(status)) return;
  // Opening a regular file has no side effect; its errno is the reason.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) refuse("cannot be read (" + std::generic_category().message(errno) + ")");
  ::close(fd);
}

RecordVerification verify_record_file(const std::string& path,
                                      const std::optional<std::string>& key) {
  require_record_readable(path);
  RecordVerification out;
  try {
    out.record = read_json_file(path);
  } catch (const InvalidInput& e) {
    // A rule of the JSON text at a key (a key given twice) is named inside
    // the record file, as check_record's are; the parser's own errors name
    // the file and the line already.
    if (e.path().parts().empty()) throw;
    throw InvalidInput({}, path + ": " + e.within({"record"}).message(PathStyle::kJson));
  }
  try {
    check_record(out.record);
  } catch (const InvalidInput& e) {
    throw InvalidInput({}, path + ": " + e.message(PathStyle::kJson));
  }
  out.chain = check_chain(out.record, key);
  return out;
}

void require_intact_record(const RecordVerification& read, const std::string& path) {
  try {
    require_intact_chain(read.chain);
  } catch (const InvalidInput& e) {
    throw InvalidInput({}, path + ": " + e.message(PathStyle::kJson));
  }
}

nlohmann::json read_record_file(const std::string& path, const std::optional<std::string>& key) {
  RecordVerification read = verify_record_file(path, key);
  require_intact_record(read, path);
  return std::move(read.record);
}

RecordUpdate add_look_to_file(const std::string& path, const nlohmann::json* config,
                              const nlohmann::json& look, const RunOptions& options,
                              const std::function<void(const RecordUpdate&)>& before_commit,
                              const RecordAccess& access) {
  // Everything from reading the record to replacing it happens under the
  // lock, so a second writer appends to this look and never overwrites it.
  // The path is resolved once (a symbolic link followed): the file locked,
  // read and replaced is the one it points to, and the link stays a link.
  const std::string file = resolve_target(path);
  // The record is replaced by a regular file: a device or a FIFO under its
  // name is refused before it is read (a FIFO would block) or locked.
  refuse_irregular_target(path);
  // A record to be started from the config: its first look is decided once
  // before the lock is taken, so that a refused config or look leaves no
  // lock file beside a record that was never made. Under the lock it is
  // decided again (another writer may have started the record meanwhile).
  if (config && !std::filesystem::exists(file)) {
    (void)load_trial(*config);
    (void)append_look(start_record(*config, utc_now(), access.key), look, utc_now(), options);
  }
  const FileLock lock(file, access.lock_timeout);
  const std::string now = utc_now();
  nlohmann::json record;
  if (std::filesystem::exists(file)) {
    if (config) {
      throw InvalidInput({}, "the record " + path +
                                 " already holds its design; omit the config when adding a look");
    }
    record = read_record_file(file, access.key);
  } else {
    if (!config) {
      throw InvalidInput({}, "the record " + path + " does not exist; give a config to start it");
    }
    (void)load_trial(*config);  // the whole config is valid before a record is made of it
    record = start_record(*config, now, access.key);
  }
  // A version 1 record (read without a key: with one it is refused above):
  // its chain starts now, after the looks it holds. The first link covers the
  // config only, so it may be made before the new look is decided.
  if (!record.contains("chain")) start_chain(record, std::nullopt, record["looks"].size());
  if (access.after_read) access.after_read(record);
  RecordUpdate update = append_look(std::move(record), look, now, options);
  extend_chain(update.record, access.key);
  if (before_commit) before_commit(update);
  write_file_atomically(file, update.record.dump(2) + "\n");
  if (access.after_commit) access.after_commit(update);
  return update;
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace gsd
