// The calls from R (R/*.R call them through RcppExports): each takes a config
// (a list in the command line's JSON, or a file path) and returns what the
// command line would print, as R values (r_json.hpp). Failures come back as
// "gsd_failure" values (guard.hpp).
#include <Rcpp.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gsd/gsd.hpp"
#include "gsd/render/design_output.hpp"
#include "gsd/render/monitoring_output.hpp"
#include "gsd/render/monitoring_report.hpp"
#include "guard.hpp"
#include "new_look.hpp"
#include "r_json.hpp"
#include "simulation_call.hpp"

namespace gsd::r {

// A config given as a file path (a single string) or as an R list.
nlohmann::json config_json(SEXP config) {
  if (Rf_isString(config) && Rf_length(config) == 1 && Rf_isNull(Rf_getAttrib(config, R_NamesSymbol))) {
    return read_json_file(Rcpp::as<std::string>(config));
  }
  return from_r(config);
}

}  // namespace gsd::r

using gsd::r::config_json;
using gsd::r::guarded;
using gsd::r::to_r;

// gsd <command> CONFIG --format json. With `tables` (JSON pointers to arrays
// of per-look objects, e.g. "/boundaries/looks"), list(result, tables) with
// those arrays also as data frames, for the S3 objects. For design, a
// `request` with text = TRUE adds `text`, what --format text prints, from the
// same run (gsd_simon() prints it).
// [[Rcpp::export(.gsd_run)]]
SEXP gsd_run_call(SEXP config, std::string command, Rcpp::List request, SEXP map,
                  Rcpp::CharacterVector tables) {
  return guarded(map, [&]() -> SEXP {
    const gsd::Command cmd = gsd::parse_command(command);
    const nlohmann::json cfg = config_json(config);
    if (cmd == gsd::Command::kSimulate) {
      return gsd::r::simulate_call(gsd::load_trial(cfg), request);
    }
    const bool with_text = cmd == gsd::Command::kDesign && request.containsElementNamed("text") &&
                           Rcpp::as<bool>(request["text"]);
    nlohmann::json out;
    std::string text;
    if (with_text) {
      // As gsd::run() computes it (to_json of the design), with its text.
      const gsd::DesignResult design = gsd::design_trial(gsd::load_trial(cfg));
      out = gsd::to_json(design);
      text = gsd::render::design_text(design);
    } else {
      out = gsd::run(cfg, cmd);
    }
    if (tables.size() == 0 && !with_text) return to_r(out);
    Rcpp::List frames(tables.size());
    for (R_xlen_t i = 0; i < tables.size(); ++i) {
      const nlohmann::json::json_pointer at(Rcpp::as<std::string>(tables[i]));
      frames[i] = out.contains(at) ? gsd::r::to_r_frame(out.at(at)) : R_NilValue;
    }
    frames.names() = tables;
    if (with_text) {
      return Rcpp::List::create(Rcpp::Named("result") = to_r(out), Rcpp::Named("tables") = frames,
                                Rcpp::Named("text") = text);
    }
    return Rcpp::List::create(Rcpp::Named("result") = to_r(out), Rcpp::Named("tables") = frames);
  });
}

// The text the command line prints for design and monitor (--format text).
// [[Rcpp::export(.gsd_text)]]
SEXP gsd_text_call(SEXP config, std::string command, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    const gsd::Trial trial = gsd::load_trial(config_json(config));
    switch (gsd::parse_command(command)) {
      case gsd::Command::kMonitor:
        return Rcpp::wrap(gsd::render::monitoring_text(gsd::monitor_trial(trial)));
      default:
        return Rcpp::wrap(gsd::render::design_text(gsd::design_trial(trial)));
    }
  });
}

// The curves of the plots (plot_data.hpp) for design and monitor.
// [[Rcpp::export(.gsd_plot_data)]]
SEXP gsd_plot_data_call(SEXP config, std::string command, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    const gsd::Trial trial = gsd::load_trial(config_json(config));
    switch (gsd::parse_command(command)) {
      case gsd::Command::kMonitor:
        return to_r(gsd::monitoring_plot_data(gsd::monitor_trial(trial)));
      default:
        return to_r(gsd::design_plot_data(gsd::design_trial(trial)));
    }
  });
}

// The monitoring plot data of a record's replay. `document`: the record's
// JSON text as a result kept it (record_add and record_replay return it), so
// the plot shows that result's looks, not the file's later state.
// [[Rcpp::export(.gsd_record_plot_data)]]
SEXP gsd_record_plot_data_call(std::string document, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    return to_r(gsd::monitoring_plot_data(gsd::replay_record(nlohmann::json::parse(document))));
  });
}

// A config as the JSON text the command line reads (validated first).
// [[Rcpp::export(.gsd_config_text)]]
SEXP gsd_config_text_call(SEXP config, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    const nlohmann::json cfg = config_json(config);
    (void)gsd::load_trial(cfg);
    return Rcpp::wrap(cfg.dump(2) + "\n");
  });
}

// A config file as an R list that writes back to the same JSON.
// [[Rcpp::export(.gsd_read_config)]]
SEXP gsd_read_config_call(std::string path) {
  return guarded(R_NilValue, [&]() -> SEXP { return to_r(gsd::read_json_file(path), true); });
}

// gsd monitor [CONFIG] --record FILE add-look ... --format json, with the
// text of the record as it stands after this look (summary() of the result
// describes the looks decided then, not the file's later state); `config`
// NULL appends to an existing record. Errors about the new look are re-rooted
// at {"monitoring", "looks", "new"}, which the R side maps to its argument.
// [[Rcpp::export(.gsd_record_add)]]
SEXP gsd_record_add_call(std::string path, SEXP config, SEXP look, SEXP key_file, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    gsd::RecordAccess access;
    access.key = gsd::r::key_of(key_file);
    const gsd::r::NewLook to_add = gsd::r::new_look(config, path, look, access.key);
    return gsd::r::at_new_look(to_add.index, [&]() -> SEXP {
      const gsd::RecordUpdate update =
          gsd::add_look_to_file(path, to_add.config_or_null(), to_add.entry, {}, {}, access);
      return Rcpp::List::create(
          Rcpp::Named("result") = to_r(gsd::record_json(update.report, update.record, path)),
          Rcpp::Named("text") = gsd::render::monitoring_text(update.report),
          Rcpp::Named("document") = update.record.dump());
    });
  });
}

namespace {

// A record's looks replayed; one without looks is refused.
gsd::MonitoringReport replay_looks(const nlohmann::json& record, const std::string& path) {
  if (record["looks"].empty()) {
    throw gsd::InvalidInput({}, path + ": record.looks = [] holds no look yet; add one first");
  }
  return gsd::replay_record(record);
}

// The looks whose recorded decision the replay does not reproduce.
Rcpp::List changes_of(const nlohmann::json& record, const gsd::MonitoringReport& report) {
  Rcpp::List changes;
  for (const gsd::DecisionChange& c : gsd::decision_changes(record, report)) {
    changes.push_back(Rcpp::List::create(Rcpp::Named("look") = static_cast<int>(c.look),
                                         Rcpp::Named("recorded") = c.recorded,
                                         Rcpp::Named("recomputed") = c.recomputed));
  }
  return changes;
}

}  // namespace

// gsd monitor --record FILE --format json, with the text and the decisions
// that changed since they were recorded.
// [[Rcpp::export(.gsd_record_replay)]]
SEXP gsd_record_replay_call(std::string path, SEXP key_file, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    const nlohmann::json record = gsd::read_record_file(path, gsd::r::key_of(key_file));
    const gsd::MonitoringReport report = replay_looks(record, path);
    return Rcpp::List::create(Rcpp::Named("result") = to_r(gsd::record_json(report, record, path)),
                              Rcpp::Named("record") = to_r(record),
                              Rcpp::Named("changes") = changes_of(record, report),
                              Rcpp::Named("text") = gsd::render::monitoring_text(report),
                              Rcpp::Named("document") = record.dump());
  });
}

// gsd_record_verify(): the record read once, its looks replayed and its
// chain verified (gsd monitor --record FILE verify [--head HEAD]), so that
// the decisions and the verdict are of the same bytes even while another
// session adds a look. A record without hashes (version 1) is replayed
// unverified, unless a head noted in the minutes is given to check.
// [[Rcpp::export(.gsd_record_verify)]]
SEXP gsd_record_verify_call(std::string path, Rcpp::Nullable<Rcpp::String> head, SEXP key_file, SEXP map) {
  return guarded(map, [&]() -> SEXP {
    const std::optional<std::string> noted =
        head.isNull() ? std::nullopt : std::optional<std::string>(Rcpp::as<std::string>(head.get()));
    const gsd::FieldPath head_path{"options", "head"};
    // A typo in the head is named before the record is read.
    if (noted) (void)gsd::parse_chain_hash(head_path, *noted);
    const gsd::RecordVerification read = gsd::verify_record_file(path, gsd::r::key_of(key_file));
    gsd::require_intact_record(read, path);
    const gsd::MonitoringReport report = replay_looks(read.record, path);
    const nlohmann::json chain =
        read.chain.status == gsd::ChainStatus::kUnverified && !noted
            ? nlohmann::json{{"status", "unverified"}}
            : gsd::record_verdict_json(gsd::verify_record(read, path, noted, head_path), path)["record"]["chain"];
    return Rcpp::List::create(Rcpp::Named("looks") = static_cast<int>(read.record["looks"].size()),
                              Rcpp::Named("changes") = changes_of(read.record, report),
                              Rcpp::Named("chain") = to_r(chain));
  });
}

// gsd monitor (CONFIG | --record FILE) --report FILE.html. `record_document`:
// NULL, or the record's JSON text as a result kept it, reported instead of
// the file's current looks (the file still names the report's source).
// `source_file`: NULL, or the config file a monitoring result was read from
// (then `config` is its list, with the call's looks): the report's source,
// and an input the report must not replace.
// [[Rcpp::export(.gsd_report)]]
SEXP gsd_report_call(SEXP config, SEXP record_path, std::string file, SEXP map,
                     SEXP record_document, SEXP key_file, SEXP source_file) {
  return guarded(map, [&]() -> SEXP {
    gsd::MonitoringReport report;
    std::string source = "R";
    // The report replaces its file: one that is the record (or its lock, or
    // the config) would lose every look.
    std::vector<gsd::NamedFile> inputs;
    if (!Rf_isNull(record_path)) {
      const std::string record = Rcpp::as<std::string>(record_path);
      inputs.push_back({"record", record});
      inputs.push_back({"the record's lock file", gsd::resolve_target(record) + ".lock"});
    }
    if (Rf_isString(config)) inputs.push_back({"config", Rcpp::as<std::string>(config)});
    if (Rf_isString(source_file)) inputs.push_back({"config", Rcpp::as<std::string>(source_file)});
    gsd::check_output_files({{"file", file}}, inputs);
    if (!Rf_isNull(record_path)) {
      source = Rcpp::as<std::string>(record_path);
      report = gsd::replay_record(
          Rf_isNull(record_document)
              ? gsd::read_record_file(source, gsd::r::key_of(key_file))
              : nlohmann::json::parse(Rcpp::as<std::string>(record_document)));
    } else {
      if (Rf_isString(config)) source = Rcpp::as<std::string>(config);
      if (Rf_isString(source_file)) source = Rcpp::as<std::string>(source_file);
      report = gsd::monitor_trial(gsd::load_trial(config_json(config)));
    }
    const std::string html = gsd::render::monitoring_report_html(
        report, {report.name.empty() ? "gsd monitoring" : report.name, gsd::utc_now(), source});
    gsd::write_file_atomically(file, html);
    return Rcpp::wrap(file);
  });
}

// Refuses, by the library's rules for every output (check_output_files),
// a `file` that a rename must not replace: a directory, a FIFO or a device,
// or one in a directory where no file can be made. The message names the
// file by `argument`, the R argument that gave it.
// [[Rcpp::export(.gsd_check_output)]]
SEXP gsd_check_output_call(std::string file, std::string argument) {
  return guarded(R_NilValue, [&]() -> SEXP {
    gsd::check_output_files({{argument, file}});
    return Rcpp::wrap(file);
  });
}

// The library's version.
// [[Rcpp::export(.gsd_version)]]
std::string gsd_version_call() { return gsd::kVersion; }

// For the tests of the conditions (tests/testthat/test-conditions.R): a
// numerical failure thrown inside guarded() as the library throws one, since
// no valid input is known to make the library fail. Another kind is refused.
// [[Rcpp::export(.gsd_throw)]]
SEXP gsd_throw_call(std::string kind) {
  return guarded(R_NilValue, [&]() -> SEXP {
    if (kind == "numerical") throw gsd::NumericalError("no bracket for a test", 1.5, 0.25, 7);
    throw std::invalid_argument("kind = \"" + kind + "\" is not a kind of error this helper throws");
  });
}
