// gsd_run(): the command line's three commands with every output option of
// theirs, on the library calls the command line makes (cli/src/*_command.cpp):
//   design   --format json|text|csv, --plot FILE.svg, --batch FILE.jsonl --threads
//   simulate --format, --replicates, --seed, --threads, --max-duration,
//            --replicate-data FILE.csv, --plot FILE.svg, --batch FILE.jsonl
//   monitor  --format, --report FILE.html, --record FILE [add-look ...],
//            --key-file FILE
//   and --log-level. R/run.R checks which options go with which command.
#include <Rcpp.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "gsd/gsd.hpp"
#include "gsd/render/design_output.hpp"
#include "gsd/render/error_output.hpp"
#include "gsd/render/monitoring_output.hpp"
#include "gsd/render/monitoring_report.hpp"
#include "gsd/render/svg_chart.hpp"
#include "guard.hpp"
#include "new_look.hpp"
#include "r_interrupt.hpp"
#include "r_json.hpp"
#include "r_trace.hpp"
#include "simulation_call.hpp"

namespace gsd::r {

nlohmann::json config_json(SEXP config);  // entry.cpp

namespace {

std::string text_option(const Rcpp::List& options, const char* name) {
  if (!options.containsElementNamed(name)) return "";
  SEXP v = options[name];
  return Rf_isNull(v) ? "" : Rcpp::as<std::string>(v);
}

// The committee's key from the key_file option (none when absent or NULL).
std::optional<std::string> key_option(const Rcpp::List& options) {
  if (!options.containsElementNamed("key_file")) return std::nullopt;
  return key_of(options["key_file"]);
}

// What a command prints: JSON as R, or the text / CSV as one string.
SEXP printed(const std::string& format, const nlohmann::json& json, const std::string& text,
             const std::string& csv) {
  if (format == "text") return Rcpp::wrap(text);
  if (format == "csv") return Rcpp::wrap(csv);
  return to_r(json);
}

// `gsd design|simulate --batch FILE --threads T`: one result per line, in
// input order (gsd::run_batch_file opens the file and runs the lines; the list is
// built on R's thread). R's interrupt is looked for while the lines run
// (r_interrupt.hpp): Ctrl-C stops the batch, and the call ends with R's
// interrupt and no result.
SEXP batch(const std::string& path, Command command, const Rcpp::List& options,
           const RunOptions& run) {
  BatchOptions batch;
  batch.request = request_from(options);
  batch.threads = batch.request.threads;
  batch.request.threads = 1;
  InterruptWatch watch;
  batch.stop = watch.stop_flag();
  batch.poll = [&watch] { watch.check(); };
  // Held one by one (Rcpp::List::push_back would copy the whole list for
  // each line), then put in one list of the right length.
  std::vector<Rcpp::RObject> results;
  const bool finished = run_batch_file(path, FieldPath{"batch"}, command, batch, [&](const BatchLine& line) {
    // The line's tree is converted where it is, not copied first.
    results.emplace_back(line.error ? to_r(render::batch_error_line(
                                          line, batch_line_source(path, line.number)))
                                    : to_r(line.result));
  }, run);
  if (!finished || watch.jumped()) {
    watch.resume_jump();
    throw Rcpp::internal::InterruptedException();
  }
  Rcpp::List out(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) out[static_cast<R_xlen_t>(i)] = results[i];
  return out;
}

SEXP design(SEXP config, const Rcpp::List& options, const RunOptions& run) {
  const DesignResult result = design_trial(load_trial(config_json(config)), run);
  const std::string format = text_option(options, "format");
  const Rcpp::RObject out(printed(format, format == "json" ? to_json(result) : nlohmann::json(),
                                  format == "text" ? render::design_text(result) : "",
                                  format == "csv" ? render::design_csv(result) : ""));
  if (const std::string plot = text_option(options, "plot"); !plot.empty()) {
    write_file_atomically(plot, render::stack_charts(render::design_charts(result)));
  }
  return out;
}

std::string report_html(const MonitoringReport& report, const std::string& source) {
  return render::monitoring_report_html(
      report, {report.name.empty() ? "gsd monitoring" : report.name, utc_now(), source});
}

// The monitor command's outputs: what it prints and the HTML report.
struct MonitorOutput {
  nlohmann::json json;
  std::string text;
  std::string csv;
  std::string html;
};

MonitorOutput monitor_output(const MonitoringReport& report, const nlohmann::json* record,
                             const std::string& source, const Rcpp::List& options) {
  const std::string format = text_option(options, "format");
  MonitorOutput out;
  if (format == "json") out.json = record ? record_json(report, *record, source) : to_json(report);
  if (format == "text") {
    out.text = render::monitoring_text(report);
    if (record) out.text += render::record_text(report, *record, source);
  }
  if (format == "csv") out.csv = render::monitoring_csv(report);
  if (!text_option(options, "report").empty()) out.html = report_html(report, source);
  return out;
}

// The printed value; the report too unless `report_written` (add_look
// installs its own after the record).
SEXP finish(const MonitorOutput& out, const Rcpp::List& options, bool report_written = false) {
  const Rcpp::RObject value(printed(text_option(options, "format"), out.json, out.text, out.csv));
  if (const std::string file = text_option(options, "report"); !file.empty() && !report_written) {
    write_file_atomically(file, out.html);
  }
  return value;
}

// --record FILE add-look: errors about the new look name it from
// {"monitoring", "looks", "new"} (R/arguments.R maps that to add_look).
SEXP add_look(SEXP config, const std::string& path, SEXP look, const Rcpp::List& options,
              const RunOptions& run) {
  RecordAccess access;
  access.key = key_option(options);
  const NewLook look_to_add = new_look(config, path, look, access.key);
  MonitorOutput out;
  // The report (its directory checked by monitor()) is written in full before
  // the record changes and renamed into place after it, under the record's
  // lock, as the command line does: a full disk refuses the look rather than
  // leave it without its report.
  const std::string report_file = text_option(options, "report");
  std::optional<PreparedFile> report;
  if (!report_file.empty()) access.after_commit = [&](const RecordUpdate&) { report->install(); };
  const auto prepare = [&](const RecordUpdate& update) {
    out = monitor_output(update.report, &update.record, path, options);
    if (!report_file.empty()) report.emplace(report_file, out.html);
  };
  at_new_look(look_to_add.index, [&] {
    add_look_to_file(path, look_to_add.config_or_null(), look_to_add.entry, run, prepare, access);
  });
  return finish(out, options, true);
}

SEXP monitor(SEXP config, const Rcpp::List& options, const RunOptions& run) {
  const std::string record_file = text_option(options, "record");
  // The report replaces its file: one that is the record (or its lock, or
  // the config) would lose every look. Checked before the record changes.
  std::vector<NamedFile> inputs;
  if (!record_file.empty()) {
    inputs.push_back({"record", record_file});
    inputs.push_back({"the record's lock file", resolve_target(record_file) + ".lock"});
  }
  if (Rf_isString(config)) inputs.push_back({"config", Rcpp::as<std::string>(config)});
  check_output_files({{"report", text_option(options, "report")}}, inputs);
  if (record_file.empty()) {
    const MonitoringReport report = monitor_trial(load_trial(config_json(config)), run);
    const std::string source = Rf_isString(config) ? Rcpp::as<std::string>(config) : "R";
    return finish(monitor_output(report, nullptr, source, options), options);
  }
  if (options.containsElementNamed("add_look") && !Rf_isNull(options["add_look"])) {
    return add_look(config, record_file, options["add_look"], options, run);
  }
  const nlohmann::json record = read_record_file(record_file, key_option(options));
  if (record["looks"].empty()) {
    throw InvalidInput({}, record_file + ": record.looks = [] holds no look yet; add one with add_look");
  }
  const MonitoringReport report = replay_record(record, run);
  return finish(monitor_output(report, &record, record_file, options), options);
}

}  // namespace

}  // namespace gsd::r

// gsd_run(): `options` holds format, log_level, the simulation request
// (replicates, seed, threads, max_duration, progress), plot, replicate_data,
// report, record, add_look, key_file and batch; NULL or absent where not given.
// [[Rcpp::export(.gsd_cli)]]
SEXP gsd_cli_call(SEXP config, std::string command, Rcpp::List options, SEXP map) {
  return gsd::r::guarded(map, [&]() -> SEXP {
    const gsd::Command cmd = gsd::parse_command(command);
    const std::unique_ptr<gsd::SolverTrace> trace =
        gsd::r::make_r_trace(gsd::r::text_option(options, "log_level"));
    gsd::RunOptions run;
    run.trace = trace.get();
    if (const std::string file = gsd::r::text_option(options, "batch"); !file.empty()) {
      return gsd::r::batch(file, cmd, options, run);
    }
    // Every output is checked before anything runs, as the command line
    // checks --plot and --replicate-data: a chart aimed at the config file
    // would replace the config, and a simulation would run in vain.
    std::vector<gsd::NamedFile> inputs;
    if (Rf_isString(config)) inputs.push_back({"config", Rcpp::as<std::string>(config)});
    gsd::check_output_files({{"plot", gsd::r::text_option(options, "plot")},
                             {"replicate_data", gsd::r::text_option(options, "replicate_data")}},
                            inputs);
    switch (cmd) {
      case gsd::Command::kSimulate: {
        Rcpp::List request = Rcpp::clone(options);
        request["plot_file"] = options["plot"];
        return gsd::r::simulate_call(gsd::load_trial(gsd::r::config_json(config)), request, run);
      }
      case gsd::Command::kMonitor:
        return gsd::r::monitor(config, options, run);
      default:
        return gsd::r::design(config, options, run);
    }
  });
}
