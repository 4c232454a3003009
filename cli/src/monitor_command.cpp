// `gsd monitor`: a data monitoring committee's look at the trial.
//   gsd monitor CONFIG [--format text|json] [--report FILE.html]
//       the looks in the config's monitoring.looks
//   gsd monitor --record FILE [--format ...] [--report ...]
//       replays a monitoring record
//   gsd monitor [CONFIG] --record FILE add-look --events N
//       (--z Z | --p-two-sided P --direction D | --hazard-ratio HR) [--final]
//       [--date DATE] [--note TEXT]
//       appends a look to the record (CONFIG starts a new record)
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "gsd/atomic_file.hpp"
#include "commands.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/record.hpp"
#include "gsd/render/monitoring_output.hpp"
#include "gsd/render/monitoring_report.hpp"

namespace gsd::cli {

namespace {


// The new look as a JSON object, validated like a config look at `path`.
nlohmann::json look_from_options(const AddLookArgs& a, std::size_t index) {
  nlohmann::json look = {{"events", a.events}};
  // Whole event counts are written as integers, as a person would type them.
  if (std::isfinite(a.events) && std::fabs(a.events) < 1e15 &&
      std::fpclassify(a.events - std::round(a.events)) == FP_ZERO) {
    look["events"] = static_cast<long long>(std::llround(a.events));
  }
  if (a.z) look["z"] = *a.z;
  if (a.p_two_sided) look["p_two_sided"] = *a.p_two_sided;
  if (a.direction) look["direction"] = *a.direction;
  if (a.hazard_ratio) look["hazard_ratio"] = *a.hazard_ratio;
  if (a.final_analysis) look["final"] = true;
  if (!a.date.empty()) look["date"] = a.date;
  if (!a.note.empty()) look["note"] = a.note;
  // nlohmann stores NaN and infinity but cannot write them: catch them here
  // with the field's path, as the config parser would.
  for (const char* key : {"events", "z", "p_two_sided", "hazard_ratio"}) {
    if (look.contains(key) && look[key].is_number_float() && !std::isfinite(look[key].get<double>())) {
      throw InvalidInput(FieldPath{"monitoring", "looks", index, key},
                         numerics::format_value(look[key].get<double>()), "must be finite");
    }
  }
  return look;
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

// Fails with a ConfigError, before anything is written, if `path` cannot be
// created in its directory.
void check_writable(const std::string& path) {
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  if (::access(dir.c_str(), W_OK) != 0) {
    usage_error("--report " + path + ": the directory " + dir.string() +
                " does not exist or is not writable");
  }
}

CommandResult run_add_look(const MonitorArgs& args, const RunOptions& run) {
  std::optional<nlohmann::json> config;
  if (!args.config.empty()) config = read_json_file(args.config);
  const std::size_t index = std::filesystem::exists(args.record) && !config
                                ? read_record_file(args.record)["looks"].size()
                                : 0;
  std::size_t config_looks = 0;
  if (config) {
    if (const auto m = config->find("monitoring"); m != config->end() && m->is_object()) {
      if (const auto l = m->find("looks"); l != m->end() && l->is_array()) config_looks = l->size();
    }
  }
  const nlohmann::json look = look_from_options(args.add, config ? config_looks : index);
  CommandResult out;
  std::string report;
  // The record changes only if the outputs that follow it can be written.
  const auto prepare = [&](const RecordUpdate& update) {
    if (!args.report.empty()) {
      check_writable(args.report);
      report = report_html(args, update.report);
    }
    out = render(args, update.report, &update.record);
  };
  (void)add_look_to_file(args.record, config ? &*config : nullptr, look, run, prepare);
  if (!args.report.empty()) write_file_atomically(args.report, report);
  return out;
}

}  // namespace

CommandResult run_monitor(const MonitorArgs& args, const RunOptions& run) {
  if (args.add.requested) {
    if (args.record.empty()) usage_error("add-look needs --record FILE: the record to append to");
    return run_add_look(args, run);
  }
  nlohmann::json record;
  MonitoringReport report;
  if (!args.record.empty()) {
    if (!args.config.empty()) {
      usage_error(args.config + ": give either a CONFIG or --record to replay, not both");
    }
    record = read_record_file(args.record);
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
