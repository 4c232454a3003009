#include "handles.hpp"

#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <system_error>
#include <utility>

#include "convert.hpp"
#include "gsd/render/design_output.hpp"
#include "gsd/render/error_output.hpp"
#include "gsd/render/monitoring_output.hpp"
#include "gsd/render/monitoring_report.hpp"
#include "gsd/render/svg_chart.hpp"
#include "trace.hpp"

namespace gsd::python {

namespace {

// The contract JSON of a report, with the record's entries when it replays one.
nlohmann::json monitoring_json(const MonitoringHandle& h) {
  return h.record ? record_json(h.report, *h.record, h.record_file) : to_json(h.report);
}

std::unique_ptr<DesignHandle> design(py::handle config, int log_level) {
  const nlohmann::json j = config_json(config);
  py::gil_scoped_release release;
  const auto trace = make_trace(log_level);
  RunOptions options;
  options.trace = trace.get();
  return std::make_unique<DesignHandle>(DesignHandle{design_trial(load_trial(j), options)});
}

std::unique_ptr<MonitoringHandle> monitor(py::handle config, int log_level) {
  const nlohmann::json j = config_json(config);
  py::gil_scoped_release release;
  const auto trace = make_trace(log_level);
  RunOptions options;
  options.trace = trace.get();
  auto h = std::make_unique<MonitoringHandle>();
  h->report = monitor_trial(load_trial(j), options);
  return h;
}

std::unique_ptr<MonitoringHandle> replay(nlohmann::json record, const std::string& path,
                                         int log_level) {
  py::gil_scoped_release release;
  if (record["looks"].empty()) {
    // As the command line says it.
    throw InvalidInput({}, path + ": record.looks = [] holds no look yet; add one with add-look");
  }
  const auto trace = make_trace(log_level);
  RunOptions options;
  options.trace = trace.get();
  auto h = std::make_unique<MonitoringHandle>();
  h->report = replay_record(record, options);
  h->record = std::move(record);
  h->record_file = path;
  return h;
}

std::unique_ptr<MonitoringHandle> record_replay(const std::string& path, int log_level,
                                                const std::optional<std::string>& key_file) {
  return replay(read_record_file(path, read_key_file(key_file)), path, log_level);
}

std::unique_ptr<MonitoringHandle> record_replay_document(py::handle record, const std::string& path,
                                                         int log_level) {
  nlohmann::json doc = to_json(record, FieldPath{"record"});
  check_record(doc);
  return replay(std::move(doc), path, log_level);
}

std::string report_html(const MonitoringReport& report, const std::string& source) {
  const std::string title = report.name.empty() ? "gsd monitoring" : report.name;
  return render::monitoring_report_html(report, {title, utc_now(), source});
}

// With a report file, the report is written in full before the record
// changes and renamed into place after it, under the record's lock, as the
// command line does: a full disk refuses the look rather than leave it
// without its report, and reports follow the record's order.
std::unique_ptr<MonitoringHandle> record_add_look(const std::string& path, py::handle config,
                                                  py::handle look, int log_level,
                                                  const std::optional<std::string>& report_file,
                                                  const std::optional<std::string>& key_file) {
  std::optional<nlohmann::json> c;
  if (!config.is_none()) c = config_json(config);
  const nlohmann::json l = to_json(look, FieldPath{"look"});
  py::gil_scoped_release release;
  // A report over the record (or its lock) would lose every look.
  if (report_file) {
    check_output_files({{"report", *report_file}},
                       {{"record", path}, {"the record's lock file", resolve_target(path) + ".lock"}});
  }
  const auto trace = make_trace(log_level);
  RunOptions options;
  options.trace = trace.get();
  std::optional<PreparedFile> report;
  RecordAccess access;
  access.key = read_key_file(key_file);
  if (report_file) access.after_commit = [&](const RecordUpdate&) { report->install(); };
  const auto prepare = [&](const RecordUpdate& update) {
    if (report_file) report.emplace(*report_file, report_html(update.report, path));
  };
  RecordUpdate update = add_look_to_file(path, c ? &*c : nullptr, l, options, prepare, access);
  auto h = std::make_unique<MonitoringHandle>();
  h->report = std::move(update.report);
  h->record = std::move(update.record);
  h->record_file = path;
  return h;
}

py::object run(py::handle config, const std::string& command, int log_level) {
  const nlohmann::json j = config_json(config);
  const Command c = parse_command(command);
  nlohmann::json out;
  {
    py::gil_scoped_release release;
    const auto trace = make_trace(log_level);
    RunOptions options;
    options.trace = trace.get();
    out = gsd::run(j, c, {}, options);
  }
  return from_json(out);
}

// Python's pending signals, looked at now and then while a batch runs (the
// batch's poll, on the calling thread without the GIL): Ctrl-C's handler
// raises KeyboardInterrupt there, which stops the batch and is raised again
// when the batch has returned.
class SignalWatch {
 public:
  SignalWatch() = default;
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;
  ~SignalWatch() {
    if (error_) {
      py::gil_scoped_acquire gil;
      error_.reset();
    }
  }

  // At most every kInterval: takes the GIL and runs Python's signal handlers.
  void check() noexcept {
    if (stop_.load()) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < kInterval) return;
    last_ = now;
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) {
      error_.emplace();  // takes the pending error (KeyboardInterrupt)
      stop_.store(true);
    }
  }
  const std::atomic<bool>* flag() const { return &stop_; }
  // With the GIL: the error a handler raised, raised again.
  void rethrow() {
    if (error_) {
      py::error_already_set e = std::move(*error_);
      error_.reset();
      throw e;
    }
  }

 private:
  static constexpr std::chrono::milliseconds kInterval{100};
  std::atomic<bool> stop_{false};
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::optional<py::error_already_set> error_;
};

// `gsd design|simulate --batch FILE --threads T`: the lines run with the GIL
// released; each result becomes Python on the calling thread, in input order.
// Ctrl-C stops the batch (BatchOptions::stop) and raises KeyboardInterrupt.
py::list batch(const std::string& path, const std::string& command, int threads,
               std::optional<std::int64_t> replicates, std::optional<std::uint64_t> seed,
               std::optional<double> max_duration, int log_level) {
  const Command c = parse_command(command);
  BatchOptions options;
  options.threads = threads;
  options.request.replicates = replicates;
  options.request.seed = seed;
  options.request.max_duration = max_duration;
  SignalWatch watch;
  options.stop = watch.flag();
  options.poll = [&watch] { watch.check(); };
  py::list out;
  bool finished = false;
  {
    py::gil_scoped_release release;
    const auto trace = make_trace(log_level);
    RunOptions run;
    run.trace = trace.get();
    finished = run_batch_file(path, FieldPath{"batch"}, c, options, [&](const BatchLine& line) {
      // An error becomes its line's JSON; a result's tree is converted where
      // it is, not copied first.
      const nlohmann::json error =
          line.error ? render::batch_error_line(line, batch_line_source(path, line.number))
                     : nlohmann::json();
      py::gil_scoped_acquire gil;
      out.append(from_json(line.error ? error : line.result));
    }, run);
  }
  watch.rethrow();
  if (!finished) {  // only the watch stops a batch, and it keeps its reason
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    throw py::error_already_set();
  }
  return out;
}

void write_file(const std::string& path, const std::string& content) {
  py::gil_scoped_release release;
  write_file_atomically(path, content);
}

}  // namespace

nlohmann::json config_json(py::handle config) { return to_json(config, FieldPath{}); }

void bind_handles(py::module_& m) {
  py::class_<DesignHandle>(m, "DesignHandle")
      .def("json", [](const DesignHandle& h) { return from_json(to_json(h.result)); })
      .def("json_text", [](const DesignHandle& h, int indent) { return json_text(to_json(h.result), indent); },
           py::arg("indent") = 2)
      .def("text", [](const DesignHandle& h) { return render::design_text(h.result); })
      .def("csv", [](const DesignHandle& h) { return render::design_csv(h.result); })
      .def("svg",
           [](const DesignHandle& h) {
             return render::stack_charts(render::design_charts(h.result));
           })
      .def(
          "plot_data",
          [](const DesignHandle& h, int points) {
            nlohmann::json out;
            {
              py::gil_scoped_release release;
              out = design_plot_data(h.result, points);
            }
            return from_json(out);
          },
          py::arg("points") = 200);

  py::class_<MonitoringHandle>(m, "MonitoringHandle")
      .def("json", [](const MonitoringHandle& h) { return from_json(monitoring_json(h)); })
      .def(
          "json_text",
          [](const MonitoringHandle& h, int indent) { return json_text(monitoring_json(h), indent); },
          py::arg("indent") = 2)
      .def("text",
           [](const MonitoringHandle& h) {
             std::string text = render::monitoring_text(h.report);
             if (h.record) text += render::record_text(h.report, *h.record, h.record_file);
             return text;
           })
      .def("csv", [](const MonitoringHandle& h) { return render::monitoring_csv(h.report); })
      .def("record", [](const MonitoringHandle& h) {
        return h.record ? from_json(*h.record) : py::object(py::none());
      })
      .def(
          "report_html",
          [](const MonitoringHandle& h, const std::string& source) {
            return report_html(h.report, source);
          },
          py::arg("source"))
      .def(
          "plot_data",
          [](const MonitoringHandle& h, int points) {
            nlohmann::json out;
            {
              py::gil_scoped_release release;
              out = monitoring_plot_data(h.report, points);
            }
            return from_json(out);
          },
          py::arg("points") = 101);

  m.def("design", &design, py::arg("config"), py::arg("log_level") = 0);
  m.def("monitor", &monitor, py::arg("config"), py::arg("log_level") = 0);
  m.def("record_replay", &record_replay, py::arg("path"), py::arg("log_level") = 0,
        py::arg("key_file") = py::none());
  m.def("record_replay_document", &record_replay_document, py::arg("record"), py::arg("path"),
        py::arg("log_level") = 0);
  m.def("record_add_look", &record_add_look, py::arg("path"), py::arg("config"), py::arg("look"),
        py::arg("log_level") = 0, py::arg("report") = py::none(), py::arg("key_file") = py::none());
  m.def(
      "check_output_files",
      [](const std::vector<std::pair<std::string, std::string>>& outputs,
         const std::vector<std::pair<std::string, std::string>>& inputs) {
        const auto named = [](const std::vector<std::pair<std::string, std::string>>& files) {
          std::vector<NamedFile> out;
          for (const auto& [name, file] : files) out.push_back({name, file});
          return out;
        };
        check_output_files(named(outputs), named(inputs));
      },
      py::arg("outputs"), py::arg("inputs"),
      "Refuses, before anything is written, an output (name, path) that is a directory, sits "
      "in an unwritable directory, or is the same file as an input or another output.");
  m.def(
      "record_read",
      [](const std::string& path, const std::optional<std::string>& key_file) {
        return from_json(read_record_file(path, read_key_file(key_file)));
      },
      py::arg("path"), py::arg("key_file") = py::none());
  m.def(
      "record_verify",
      [](const std::string& path, const std::optional<std::string>& head,
         const std::optional<std::string>& key_file) {
        return from_json(record_verdict_json(verify_record(path, read_key_file(key_file), head, {"options", "head"}), path));
      },
      py::arg("path"), py::arg("head") = py::none(), py::arg("key_file") = py::none(),
      "gsd monitor --record PATH verify [--head HEAD] --format json.");
  m.def("run", &run, py::arg("config"), py::arg("command"), py::arg("log_level") = 0);
  m.def("batch", &batch, py::arg("path"), py::arg("command"), py::arg("threads") = 1,
        py::arg("replicates") = py::none(), py::arg("seed") = py::none(),
        py::arg("max_duration") = py::none(), py::arg("log_level") = 0);
  m.def("write_file", &write_file, py::arg("path"), py::arg("content"),
        "Writes a file atomically (a temporary file renamed onto the target).");
  m.def("read_config", [](const std::string& path) { return from_json(read_json_file(path)); },
        py::arg("path"));
  m.def(
      "parse_config",
      [](const std::string& text, const std::string& source) {
        return from_json(parse_json(text, source));
      },
      py::arg("text"), py::arg("source"));
}

}  // namespace gsd::python
