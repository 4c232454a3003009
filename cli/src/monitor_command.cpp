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
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "gsd/cli/atomic_file.hpp"
#include "gsd/cli/command.hpp"
#include "gsd/cli/config.hpp"
#include "gsd/cli/config_error.hpp"
#include "gsd/cli/monitoring_config.hpp"
#include "gsd/cli/monitoring_output.hpp"
#include "gsd/cli/monitoring_record.hpp"
#include "gsd/cli/monitoring_report.hpp"
#include "gsd/engine/monitoring/monitor.hpp"

namespace gsd::cli {

namespace {

struct AddLookArgs {
  double events = 0.0;
  double z = 0.0;
  double p_two_sided = 0.0;
  std::string direction;
  double hazard_ratio = 0.0;
  bool final_analysis = false;
  std::string date;
  std::string note;
  CLI::App* command = nullptr;
};

struct MonitorArgs {
  std::string config;
  std::string record;
  std::string report;
  OutputFormat format = OutputFormat::kText;
  AddLookArgs add;
};

struct Run {
  Config config;
  MonitoringInput input;
  monitoring::MonitoringResult result;
};

Run run_config(Config config) {
  Run run{std::move(config), {}, {}};
  run.input = parse_monitoring(run.config);
  run.result = with_monitoring_path([&] { return monitoring::monitor(run.input.plan, run.input.looks); });
  return run;
}

bool given(const AddLookArgs& a, const char* option) { return a.command->count(option) > 0; }

// The new look as a JSON object, validated like a config look at `path`.
nlohmann::json look_from_options(const AddLookArgs& a, std::size_t index) {
  const std::string path = "monitoring.looks[" + std::to_string(index) + "]";
  nlohmann::json look = {{"events", a.events}};
  // Whole event counts are written as integers, as a person would type them.
  if (std::isfinite(a.events) && std::fabs(a.events) < 1e15 &&
      std::fpclassify(a.events - std::round(a.events)) == FP_ZERO) {
    look["events"] = static_cast<long long>(std::llround(a.events));
  }
  if (given(a, "--z")) look["z"] = a.z;
  if (given(a, "--p-two-sided")) look["p_two_sided"] = a.p_two_sided;
  if (given(a, "--direction")) look["direction"] = a.direction;
  if (given(a, "--hazard-ratio")) look["hazard_ratio"] = a.hazard_ratio;
  if (a.final_analysis) look["final"] = true;
  if (!a.date.empty()) look["date"] = a.date;
  if (!a.note.empty()) look["note"] = a.note;
  // nlohmann stores NaN and infinity but cannot write them: catch them here
  // with the field's path, as the config parser would.
  for (const char* key : {"events", "z", "p_two_sided", "hazard_ratio"}) {
    if (look.contains(key) && look[key].is_number_float() && !std::isfinite(look[key].get<double>())) {
      throw ConfigError(path + "." + key + " = " + std::to_string(look[key].get<double>()) +
                        " must be finite");
    }
  }
  return look;
}

nlohmann::json record_entry(const nlohmann::json& input, const monitoring::LookResult& r,
                            const std::string& now) {
  return {{"recorded_at", now},
          {"input", input},
          {"z", r.look.z},
          {"efficacy_z", std::isfinite(r.efficacy_z) ? nlohmann::json(r.efficacy_z) : nlohmann::json(nullptr)},
          {"decision", monitoring::to_string(r.decision)},
          {"reason", r.reason}};
}

CommandResult render(const MonitorArgs& args, const Run& run, const nlohmann::json* record) {
  std::string text;
  if (args.format == OutputFormat::kJson) {
    nlohmann::json out;
    out["name"] = run.config.name;
    out["monitoring"] = monitoring_json(run.input, run.result);
    if (record) {
      const auto& entries = record->at("looks");
      for (std::size_t k = 0; k < entries.size(); ++k) {
        out["monitoring"]["looks"][k]["recorded_at"] = entries[k].at("recorded_at");
        out["monitoring"]["looks"][k]["recorded_decision"] = entries[k].value("decision", "");
      }
      out["record"] = {{"file", args.record}, {"looks", entries.size()}};
    }
    text = out.dump(2) + "\n";
  } else if (args.format == OutputFormat::kCsv) {
    text = monitoring_csv(run.result);
  } else {
    text = monitoring_text(run.input, run.result);
    if (record) {
      // A replay recomputes every look; say so if a decision differs from the
      // one recorded at the time (for instance after the record was edited).
      const auto& entries = record->at("looks");
      for (std::size_t k = 0; k < entries.size() && k < run.result.looks.size(); ++k) {
        const std::string then = entries[k].value("decision", "");
        const std::string now = monitoring::to_string(run.result.looks[k].decision);
        if (!then.empty() && then != now) {
          text += "\nNote: look " + std::to_string(k + 1) + " was recorded as " + then +
                  " but recomputes as " + now + ".";
        }
      }
      const std::size_t n = record->at("looks").size();
      text += "\nRecord " + args.record + ": " + std::to_string(n) + (n == 1 ? " look" : " looks") +
              ", last recorded " +
              record->at("looks").back().at("recorded_at").get<std::string>() + "\n";
    }
  }
  return {text};
}

std::string report_html(const MonitorArgs& args, const Run& run) {
  const std::string source = args.record.empty() ? args.config : args.record;
  return monitoring_report_html(run.input, run.result,
                                {run.config.name.empty() ? "gsd monitoring" : run.config.name,
                                 utc_now(), source});
}

// Fails with a ConfigError, before anything is written, if `path` cannot be
// created in its directory.
void check_writable(const std::string& path) {
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  if (::access(dir.c_str(), W_OK) != 0) {
    throw ConfigError("--report " + path + ": the directory " + dir.string() +
                      " does not exist or is not writable");
  }
}

CommandResult run_add_look(const MonitorArgs& args) {
  const bool exists = std::filesystem::exists(args.record);
  nlohmann::json record;
  const std::string now = utc_now();
  if (exists) {
    if (!args.config.empty()) {
      throw ConfigError(args.config + ": the record " + args.record +
                        " already holds its design; omit the config when adding a look");
    }
    record = load_record(args.record);
  } else {
    if (args.config.empty()) {
      throw ConfigError("--record " + args.record +
                        " does not exist; give a CONFIG to start a new record");
    }
    const Config config = load_config_file(args.config);
    record = new_record(config.root, now);
    // Looks already in the config become the first entries of the record.
    if (const auto m = config.root.find("monitoring");
        m != config.root.end() && m->is_object() && m->contains("looks")) {
      for (const auto& look : m->at("looks")) record["looks"].push_back({{"recorded_at", now}, {"input", look}});
    }
  }
  const std::size_t index = record["looks"].size();
  const nlohmann::json look = look_from_options(args.add, index);
  const Run run = run_config(record_config(record, args.record, look));
  // Earlier entries are kept as they are; entries created from the config
  // just now get their decisions.
  for (std::size_t k = 0; k < index; ++k) {
    if (!record["looks"][k].contains("decision")) {
      record["looks"][k] = record_entry(record["looks"][k]["input"], run.result.looks[k], now);
    }
  }
  record["looks"].push_back(record_entry(look, run.result.looks[index], now));
  const std::string report = args.report.empty() ? "" : report_html(args, run);
  CommandResult out = render(args, run, &record);
  // The record changes only if the report can follow it: check first.
  if (!args.report.empty()) check_writable(args.report);
  write_file_atomically(args.record, record.dump(2) + "\n");
  if (!args.report.empty()) write_file_atomically(args.report, report);
  return out;
}

CommandResult run_monitor(const MonitorArgs& args) {
  if (args.add.command->parsed()) {
    if (args.record.empty()) throw ConfigError("add-look needs --record FILE: the record to append to");
    return run_add_look(args);
  }
  nlohmann::json record;
  Run run;
  if (!args.record.empty()) {
    if (!args.config.empty()) {
      throw ConfigError(args.config + ": give either a CONFIG or --record to replay, not both");
    }
    record = load_record(args.record);
    if (record["looks"].empty()) {
      throw ConfigError(args.record + ": record.looks = [] holds no look yet; add one with add-look");
    }
    run = run_config(record_config(record, args.record));
  } else {
    if (args.config.empty()) throw ConfigError("gsd monitor needs a CONFIG or --record FILE");
    run = run_config(load_config_file(args.config));
  }
  const std::string report = args.report.empty() ? "" : report_html(args, run);
  CommandResult out = render(args, run, args.record.empty() ? nullptr : &record);
  if (!args.report.empty()) write_file_atomically(args.report, report);
  return out;
}

}  // namespace

void register_monitor_command(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<MonitorArgs>();
  CLI::App* cmd = app.add_subcommand(
      "monitor", "Monitor a trial: bounds at the observed information, decisions, inference");
  cmd->add_option("config", args->config, "Config file (JSON) with monitoring.looks");
  cmd->add_option("--record", args->record, "Monitoring record file (JSON) to replay or append to");
  cmd->add_option("--report", args->report, "Write a self-contained HTML report to this file");
  add_format_option(*cmd, args->format, {"text", "json", "csv"});
  AddLookArgs& a = args->add;
  a.command = cmd->add_subcommand("add-look", "Append a look to the --record file");
  a.command->fallthrough();  // --report and --format may follow the look's options
  a.command->add_option("--events", a.events, "Events observed at this look")->required();
  a.command->add_option("--z", a.z, "Log-rank z (positive favours the experimental arm)");
  a.command->add_option("--p-two-sided", a.p_two_sided, "Two-sided p-value (needs --direction)");
  a.command->add_option("--direction", a.direction, "favours-treatment or favours-control");
  a.command->add_option("--hazard-ratio", a.hazard_ratio, "Estimated hazard ratio");
  a.command->add_flag("--final", a.final_analysis, "This look is the final analysis");
  a.command->add_option("--date", a.date, "Date of the data cut (free text)");
  a.command->add_option("--note", a.note, "Note for the record");
  cmd->callback([args, &action] { action = [args] { return run_monitor(*args); }; });
}

}  // namespace gsd::cli
