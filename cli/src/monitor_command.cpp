// `gsd monitor`: a data monitoring committee's look at the trial.
//   gsd monitor CONFIG [--format text|json] [--report FILE.html]
//       the looks in the config's monitoring.looks
//   gsd monitor --record FILE [--format ...] [--report ...]
//       replays a monitoring record
//   gsd monitor [CONFIG] --record FILE add-look --events N
//       (--z Z | --p-two-sided P --direction D | --hazard-ratio HR) [--final]
//       (a weighted, RMST or milestone test: --z Z --variance V; MaxCombo:
//       --tests JSON --covariance JSON)
//       [--date DATE] [--note TEXT]
//       appends a look to the record (CONFIG starts a new record)
//   gsd monitor --record FILE verify [--head HASH] [--format text|json]
//       checks the record's hash chain (and that it passes through HASH)
// --key-file FILE gives a keyed chain's secret; --lock-timeout SECONDS how
// long add-look waits for another writer of the record.
#include <cerrno>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <system_error>
#include <nlohmann/json.hpp>

#include "gsd/atomic_file.hpp"
#include "commands.hpp"
#include "gsd/errors.hpp"
#include "gsd/file_lock.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/record.hpp"
#include "gsd/record_key.hpp"
#include "gsd/record_verify.hpp"
#include "gsd/render/monitoring_output.hpp"
#include "gsd/render/monitoring_report.hpp"
#include "gsd/render/record_output.hpp"

namespace gsd::cli {

namespace {


// The new look as a JSON object; the monitor validates it as a config's look.
// JSON given on the command line for a flag (--tests, --treatment, ...),
// parsed as a config is. A rule broken at a key inside it (a key given
// twice) is named under the flag: `--treatment.sd appears twice`, not a bare
// `sd appears twice` that names nothing the user typed.
nlohmann::json flag_json(const std::string& text, const char* flag, const char* key) {
  try {
    return parse_json(text, flag);
  } catch (const InvalidInput& e) {
    if (e.path().empty()) throw;
    throw e.within({"options", key});
  }
}

nlohmann::json look_from_options(const AddLookArgs& a) {
  if (a.direction) require_utf8("--direction", *a.direction, "the direction");
  require_utf8("--date", a.date, "the date");
  require_utf8("--note", a.note, "the note");
  // More than one statistic is refused by the flags that gave them; checked
  // as a look of the record it was named "monitoring.looks[k] gives 2
  // statistics", a place in a file the user did not write.
  std::string given;
  int forms = 0;
  const auto add_form = [&](const char* flag, const std::optional<double>& value) {
    if (!value) return;
    given += (forms++ == 0 ? "" : " and ") + std::string(flag) + " = " + numerics::format_input(*value);
  };
  add_form("--z", a.z);
  add_form("--p-two-sided", a.p_two_sided);
  add_form("--hazard-ratio", a.hazard_ratio);
  if (forms > 0 && !a.tests.empty()) {
    usage_error(given + " and --tests are given; a MaxCombo look gives only --tests and --covariance");
  }
  if (forms > 1) {
    usage_error(given + (forms == 2 ? " are both" : " are all") +
                " given; give exactly one of --z, --p-two-sided (with --direction) or "
                        "--hazard-ratio");
  }
  nlohmann::json look = nlohmann::json::object();
  // Counts (events, patients, n, responders): whole ones are written as
  // integers, as a person would type them.
  const auto count = [&look](const char* key, const std::optional<double>& value) {
    if (!value) return;
    look[key] = *value;
    if (std::isfinite(*value) && std::fabs(*value) < 1e15 &&
        std::fpclassify(*value - std::round(*value)) == FP_ZERO) {
      look[key] = static_cast<long long>(std::llround(*value));
    }
  };
  count("events", a.events);
  count("patients", a.patients);
  count("n", a.n);
  count("responders", a.responders);
  if (a.mean) look["mean"] = *a.mean;
  if (a.sd) look["sd"] = *a.sd;
  if (a.estimate) look["estimate"] = *a.estimate;
  if (a.standard_error) look["standard_error"] = *a.standard_error;
  if (!a.treatment.empty()) look["treatment"] = flag_json(a.treatment, "--treatment", "treatment");
  if (!a.control.empty()) look["control"] = flag_json(a.control, "--control", "control");
  if (a.z) look["z"] = *a.z;
  if (a.p_two_sided) look["p_two_sided"] = *a.p_two_sided;
  if (a.direction) look["direction"] = *a.direction;
  if (a.hazard_ratio) look["hazard_ratio"] = *a.hazard_ratio;
  if (a.variance) look["variance"] = *a.variance;
  // JSON given on the command line, parsed as a config is (the key's path in
  // its errors); the monitor then checks it as it checks a config's look.
  if (!a.tests.empty()) look["tests"] = flag_json(a.tests, "--tests", "tests");
  if (!a.covariance.empty()) look["covariance"] = flag_json(a.covariance, "--covariance", "covariance");
  if (a.final_analysis) look["final"] = true;
  if (!a.date.empty()) look["date"] = a.date;
  if (!a.note.empty()) look["note"] = a.note;
  // The numbers are finite: number_flag.hpp refuses inf, nan and overflow.
  return look;
}

// The flags that gave an add-look's numbers, for a rule about the look as
// a whole: "--treatment and --control" (empty when none did).
std::string given_flags(const AddLookArgs& a) {
  std::vector<std::string> flags;
  const auto add = [&flags](const char* flag, bool given) {
    if (given) flags.emplace_back(flag);
  };
  add("--events", a.events.has_value());
  add("--patients", a.patients.has_value());
  add("--treatment", !a.treatment.empty());
  add("--control", !a.control.empty());
  add("--n", a.n.has_value());
  add("--mean", a.mean.has_value());
  add("--sd", a.sd.has_value());
  add("--responders", a.responders.has_value());
  add("--z", a.z.has_value());
  add("--estimate", a.estimate.has_value());
  add("--standard-error", a.standard_error.has_value());
  std::string out;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == flags.size() ? " and " : ", ") + flags[i];
  }
  return out;
}

CommandResult render(const MonitorArgs& args, const MonitoringReport& report,
                     const nlohmann::json* record) {
  std::string text;
  if (args.format == OutputFormat::kJson) {
    const nlohmann::json out = record ? record_json(report, *record, args.record) : to_json(report);
    text = out.dump(2) + "\n";
  } else if (args.format == OutputFormat::kCsv) {
    text = render::monitoring_csv(report);
  } else {
    text = render::monitoring_text(report);
    if (record) text += render::record_text(report, *record, args.record);
  }
  return {text};
}

std::string report_html(const MonitorArgs& args, const MonitoringReport& report) {
  const std::string source = args.record.empty() ? args.config : args.record;
  return render::monitoring_report_html(
      report, {report.name.empty() ? "gsd monitoring" : report.name, utc_now(), source});
}

// Fails, before anything is written, if --report cannot be written or is a
// file the command reads: the record, its lock file, the config or the key.
void check_outputs(const MonitorArgs& args) {
  std::vector<NamedFile> inputs = {{"the config", args.config}, {"--key-file", args.key_file}};
  if (!args.record.empty()) {
    inputs.push_back({"--record", args.record});
    inputs.push_back({"the record's lock file", resolve_target(args.record) + ".lock"});
  }
  check_output_files({{"--report", args.report}}, inputs);
}

// The committee's key, the bytes of --key-file, when given.
std::optional<std::string> read_key(const MonitorArgs& args) {
  return read_key_file(args.key_file.empty() ? std::nullopt : std::optional<std::string>(args.key_file));
}

// The longest --lock-timeout: a day. A committee's add-look that waits
// longer for another writer is surely stuck.
constexpr double kMaxLockTimeoutSeconds = 86400.0;

// How a --record that does not exist is started, in this command's words.
constexpr const char* kStartRecordHere =
    "give the path of a monitoring record, or start one with its first look: gsd monitor CONFIG --record FILE "
    "add-look --events N --z Z";

// --lock-timeout within [0, a day], wherever it is given: a value out of
// range is refused even where nothing waits for the lock (verify, a CONFIG's
// looks), as any other bad option is.
void check_lock_timeout(const MonitorArgs& args) {
  if (!(args.lock_timeout >= 0.0 && args.lock_timeout <= kMaxLockTimeoutSeconds)) {
    numerics::fail({"options", "lock_timeout"}, args.lock_timeout, "must lie in [0, 86400] seconds");
  }
}

RecordAccess record_access(const MonitorArgs& args) {
  check_lock_timeout(args);
  RecordAccess access;
  access.key = read_key(args);
  access.lock_timeout = std::chrono::milliseconds(std::llround(args.lock_timeout * 1000.0));
  return access;
}

// A CONFIG given beside a --record that exists and so holds the design:
// refused with `rule`, unless the word names no file; then it was no config
// but a stray word (a value after a flag that takes none), named as such.
[[noreturn]] void refuse_config_beside_record(const MonitorArgs& args, const std::string& rule) {
  std::error_code error;
  if (!std::filesystem::exists(args.config, error)) {
    usage_error(args.config + ": unexpected argument: no such config file, and --record = " + args.record +
                " holds the design; leave it out");
  }
  usage_error(rule);
}

// The config of an add-look: CONFIG, or the one word after add-look when it
// names a file. Any other word after add-look is refused by name: `--final
// yes` was read as a config and refused as "--record = r.json already holds
// its design", about a config nobody gave.
std::string add_look_config(const MonitorArgs& args) {
  const std::vector<std::string>& words = args.add.words;
  if (words.empty()) return args.config;
  std::error_code error;
  if (words.size() == 1 && args.config.empty() && std::filesystem::exists(words.front(), error)) {
    return words.front();
  }
  usage_error(words.front() + ": unexpected argument after add-look; " +
              (args.add.final_analysis ? "--final takes no value"
                                       : "give each value after its flag (gsd monitor add-look --help)"));
}

CommandResult run_verify(const MonitorArgs& args) {
  if (!args.verify_words.empty()) {
    usage_error(args.verify_words.front() + ": unexpected argument after verify; verify takes only options (gsd "
                "monitor verify --help)");
  }
  if (args.record.empty()) usage_error("verify needs --record FILE: the record to check");
  if (!args.config.empty()) usage_error(args.config + ": verify checks a --record, not a CONFIG");
  if (!args.report.empty()) usage_error("--report cannot be used with verify");
  if (args.format == OutputFormat::kCsv) usage_error("--format = csv is not a format verify writes; give --format text or json");
  require_record_readable(args.record, "--record", kStartRecordHere);
  const std::optional<std::string> head =
      args.verify_head.empty() ? std::nullopt : std::optional<std::string>(args.verify_head);
  const RecordVerdict v = verify_record(args.record, read_key(args), head, {"options", "head"});
  if (args.format == OutputFormat::kJson) return {record_verdict_json(v, args.record).dump(2) + "\n"};
  return {render::record_verdict_text(v, args.record)};
}

CommandResult run_add_look(const MonitorArgs& args, const RunOptions& run) {
  RecordAccess access = record_access(args);
  // Every output is checked before the record changes: a report that cannot
  // be written must not leave a look appended behind an exit 2.
  check_outputs(args);
  // Without a config the record must be there and readable: refused naming
  // the flag, before its lock file is made beside it.
  if (args.config.empty()) require_record_readable(args.record, "--record", kStartRecordHere);
  // The record is replaced by a regular file: one that is not (a FIFO would
  // block the read below) is refused first, as add_look_to_file would.
  refuse_irregular_target(args.record);
  // The record is written too (with its lock file beside it): a directory
  // that takes no file, or whose sticky bit keeps another user's record, is
  // refused naming the flag, before the lock.
  check_output_files({{"--record", args.record}}, {});
  // A CONFIG starts a new record: the same file as --record would be read as
  // a record that "already holds its design".
  if (!args.config.empty() && same_file(args.config, args.record)) {
    usage_error("--record = " + args.record + " is the same file as the config " + args.config +
                "; name a new record file to start from the config");
  }
  // Named by its flag here; the engine refuses it again under the lock, for
  // a record another writer started meanwhile.
  if (!args.config.empty() && std::filesystem::exists(args.record)) {
    refuse_config_beside_record(args, "--record = " + args.record +
                                          " already holds its design; omit the config to add a look to it, or "
                                          "name a new record file");
  }
  std::optional<nlohmann::json> config;
  if (!args.config.empty()) config = read_json_file(args.config);
  // The number of looks before this one, for the paths of its errors (the
  // record is read again under its lock to append).
  const std::size_t index = std::filesystem::exists(args.record) && !config
                                ? read_record_file(args.record, access.key)["looks"].size()
                                : 0;
  std::size_t config_looks = 0;
  if (config) {
    if (const auto m = config->find("monitoring"); m != config->end() && m->is_object()) {
      if (const auto l = m->find("looks"); l != m->end() && l->is_array()) config_looks = l->size();
    }
  }
  CommandResult out;
  // The report is written in full beside its target before the record
  // changes, so that a full disk refuses the look instead of leaving it
  // without its report; it is renamed into place after the record, under the
  // record's lock, so reports follow the record in the order of its looks.
  std::optional<PreparedFile> report;
  const auto prepare = [&](const RecordUpdate& update) {
    out = render(args, update.report, &update.record);
    if (!args.report.empty()) report.emplace(args.report, report_html(args, update.report));
  };
  if (!args.report.empty()) access.after_commit = [&](const RecordUpdate&) { report->install(); };
  // The new look's index: the looks of the record as read under its lock,
  // which a concurrent add-look may have extended since `index` was read.
  std::size_t added = config ? config_looks : index;
  access.after_read = [&](const nlohmann::json& record) { added = record["looks"].size(); };
  try {
    const nlohmann::json look = look_from_options(args.add);
    (void)add_look_to_file(args.record, config ? &*config : nullptr, look, run, prepare, access);
  } catch (const InvalidInput& error) {
    // A rule broken by the look being added names the flag that gave the
    // value (--z, --hazard-ratio, --events), not its place in the record.
    // Within a flag's JSON (--tests, --covariance) the rest of the path
    // follows the flag: --tests[0].variance.
    const auto& parts = error.path().parts();
    // A rule about the whole look (its arms' patients together) names the
    // flags that gave it.
    const auto* look_at = parts.size() == 3 ? std::get_if<std::size_t>(&parts[2]) : nullptr;
    if (look_at && *look_at == added && parts.front() == numerics::PathPart{"monitoring"}) {
      const std::string& rule = error.rule();
      const bool joined = !rule.empty() && (rule.front() == ':' || rule.front() == ';');
      const std::string flags = given_flags(args.add);
      throw InvalidInput({}, (flags.empty() ? "the new look" : "the look of " + flags) + (joined ? "" : " ") + rule);
    }
    const auto* at = parts.size() >= 4 ? std::get_if<std::size_t>(&parts[2]) : nullptr;
    const auto* key = parts.size() >= 4 ? std::get_if<std::string>(&parts[3]) : nullptr;
    if (at && key && *at == added && parts.front() == numerics::PathPart{"monitoring"}) {
      std::vector<numerics::PathPart> option = {std::string("options")};
      option.insert(option.end(), parts.begin() + 3, parts.end());
      throw InvalidInput(FieldPath(std::move(option)), error.value(), error.rule());
    }
    throw;
  }
  out.done_on_disk = "the look was recorded as look " + std::to_string(added + 1) + " of " + args.record +
                     " (replay it with gsd monitor --record " + args.record + ")";
  return out;
}

}  // namespace

CommandResult run_monitor(const MonitorArgs& args, const RunOptions& run) {
  if (args.add.requested && args.verify) usage_error("give add-look or verify, not both");
  check_lock_timeout(args);
  if (args.verify) return run_verify(args);
  if (args.add.requested) {
    if (args.record.empty()) usage_error("add-look needs --record FILE: the record to append to");
    MonitorArgs with_config = args;
    with_config.config = add_look_config(args);
    return run_add_look(with_config, run);
  }
  check_outputs(args);
  nlohmann::json record;
  MonitoringReport report;
  // A replay that writes a report holds the record's lock, so its report
  // cannot overwrite one made from a look added meanwhile.
  std::optional<FileLock> lock;
  if (!args.record.empty()) {
    if (!args.config.empty()) {
      const std::string rule = args.config + ": give either a CONFIG or --record to replay, not both";
      std::error_code error;
      if (std::filesystem::exists(args.record, error)) refuse_config_beside_record(args, rule);
      usage_error(rule);
    }
    require_record_readable(args.record, "--record", kStartRecordHere);
    const RecordAccess access = record_access(args);
    if (!args.report.empty()) lock.emplace(args.record, access.lock_timeout);
    record = read_record_file(args.record, access.key);
    if (record["looks"].empty()) {
      usage_error(args.record + ": record.looks = [] holds no look yet; add one with add-look");
    }
    report = replay_record(record, run);
  } else {
    if (args.config.empty()) usage_error("gsd monitor needs a CONFIG or --record FILE");
    report = monitor_trial(load_trial_file(args.config), run);
  }
  const std::string html = args.report.empty() ? "" : report_html(args, report);
  CommandResult out = render(args, report, args.record.empty() ? nullptr : &record);
  if (!args.report.empty()) write_file_atomically(args.report, html);
  return out;
}

}  // namespace gsd::cli
