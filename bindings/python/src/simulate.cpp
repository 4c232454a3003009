// gsd.simulate: the simulation runs with the GIL released, on `threads`
// OpenMP threads of a worker thread. The simulator's progress hook, called
// from whichever thread it chooses, only stores the count in an atomic. The
// calling thread meanwhile waits for the worker; every `interval` seconds it
// takes the GIL, lets Python handle pending signals (Ctrl-C raises
// KeyboardInterrupt, seen only on Python's main thread) and calls the user's
// progress callback. An exception from either sets the simulator's stop flag:
// the run ends after the chunks in flight, writes no file, and the exception
// is raised again once the GIL is back.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "convert.hpp"
#include "errors.hpp"
#include "gsd/render/simulation_output.hpp"
#include "gsd/render/simulation_plot.hpp"
#include "gsd/render/svg_chart.hpp"
#include "handles.hpp"
#include "trace.hpp"

namespace gsd::python {

namespace {

using Clock = std::chrono::steady_clock;

class Watch {
 public:
  Watch(py::object callback, double interval_seconds)
      : callback_(std::move(callback)),
        interval_(std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(interval_seconds))) {}
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;
  ~Watch() {
    // Drops the callback (and any pending error) with the GIL held.
    py::gil_scoped_acquire gil;
    callback_ = py::object();
    error_ = nullptr;
  }

  // Before run().
  void set_total(std::int64_t total) { total_ = total; }
  const std::atomic<bool>* flag() const { return &stop_; }

  // The simulator's hook: any thread, no GIL, no Python.
  void report(std::int64_t done) { done_.store(done, std::memory_order_relaxed); }

  // On the calling thread, without the GIL: runs `work` on a worker thread
  // and polls until it returns. Exceptions of `work` are thrown here.
  template <class Work>
  void run(Work&& work) {
    std::exception_ptr failure;
    std::thread worker([&] {
      try {
        work();
      } catch (...) {
        failure = std::current_exception();
      }
      const std::lock_guard<std::mutex> lock(mutex_);
      finished_ = true;
      wake_.notify_one();
    });
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, interval_, [this] { return finished_; })) {
      lock.unlock();
      poll();
      lock.lock();
    }
    lock.unlock();
    worker.join();
    if (failure) std::rethrow_exception(failure);
  }

  // With the GIL held: raises what stopped the run.
  void rethrow() {
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  // Signals and the user's callback, on the calling thread.
  void poll() {
    if (stop_.load()) return;
    py::gil_scoped_acquire gil;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (callback_ && !callback_.is_none()) {
        callback_(done_.load(std::memory_order_relaxed), total_);
      }
    } catch (...) {
      error_ = std::current_exception();
      stop_.store(true);
    }
  }

  py::object callback_;
  Clock::duration interval_;
  std::int64_t total_ = 0;
  std::atomic<std::int64_t> done_{0};
  std::atomic<bool> stop_{false};
  std::exception_ptr error_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finished_ = false;
};

// Any integral number (Python's int, numpy's integer scalars: whatever has
// __index__, PEP 357), but not a bool (True is an int in Python, numpy's
// bool_ is not one, and neither is a count) nor a float.
bool is_integer(py::handle v) {
  if (PyBool_Check(v.ptr()) || PyFloat_Check(v.ptr())) return false;
  if (PyLong_Check(v.ptr())) return true;
  const py::handle type = reinterpret_cast<PyObject*>(Py_TYPE(v.ptr()));
  if (py::str(type.attr("__name__")).cast<std::string>().rfind("bool", 0) == 0) return false;
  if (PyIndex_Check(v.ptr()) == 0) return false;
  // A numpy array has __index__ but raises TypeError in it unless it is a
  // single integer with no dimensions: such an array is not a count.
  PyObject* i = PyNumber_Index(v.ptr());
  if (i == nullptr) {
    PyErr_Clear();
    return false;
  }
  Py_DECREF(i);
  return true;
}

// The integer as a Python int (numpy's scalars converted by __index__).
py::object as_int(py::handle v) {
  PyObject* i = PyNumber_Index(v.ptr());
  if (i == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(i);
}

[[noreturn]] void bad_option(const char* name, py::handle v, const std::string& rule) {
  throw InvalidInput(FieldPath{"options", name}, shown(v), rule);
}

// A count that is not an integer. A float is refused even when whole (as
// range() refuses 10.0), and "100.0 must be a whole number" would deny what
// it shows: the rule names the type instead.
[[noreturn]] void bad_count(const char* name, py::handle v) {
  const bool is_float = PyFloat_Check(v.ptr()) != 0;
  bad_option(name, v, is_float ? "must be an int, not a float" : "must be a whole number");
}

[[noreturn]] void bad_replicate(py::handle v, const std::string& rule) {
  throw InvalidInput(FieldPath{"replicate"}, shown(v), rule);
}

// The call's options as the command line's flags give them; the library
// checks the ranges (paths {"options", name}).
SimulationRequest request_from(py::handle replicates, py::handle seed, py::handle threads,
                               py::handle max_duration) {
  SimulationRequest r;
  if (!replicates.is_none()) {
    if (!is_integer(replicates)) bad_count("replicates", replicates);
    int overflow = 0;
    const long long n = PyLong_AsLongLongAndOverflow(as_int(replicates).ptr(), &overflow);
    if (overflow != 0) bad_option("replicates", replicates, "is too large");
    if (n < 1) bad_option("replicates", replicates, "must be at least 1");
    r.replicates = n;
  }
  if (!seed.is_none()) {
    if (!is_integer(seed)) bad_count("seed", seed);
    const py::object seed_int = as_int(seed);
    if (PyObject_RichCompareBool(seed_int.ptr(), py::int_(0).ptr(), Py_LT) == 1) {
      bad_option("seed", seed, "must be a non-negative integer");
    }
    const unsigned long long s = PyLong_AsUnsignedLongLong(seed_int.ptr());
    if (PyErr_Occurred()) {
      PyErr_Clear();
      bad_option("seed", seed, "must be below 2^64");
    }
    r.seed = s;
  }
  if (!is_integer(threads)) bad_count("threads", threads);
  int overflow = 0;
  const long long t = PyLong_AsLongLongAndOverflow(as_int(threads).ptr(), &overflow);
  if (overflow != 0 || t < INT_MIN || t > INT_MAX) bad_option("threads", threads, "is out of range");
  r.threads = static_cast<int>(t);
  if (!max_duration.is_none()) {
    if (PyBool_Check(max_duration.ptr()) || !(PyFloat_Check(max_duration.ptr()) || is_integer(max_duration))) {
      bad_option("max_duration", max_duration, "must be a number");
    }
    r.max_duration = is_integer(max_duration) ? as_int(max_duration).cast<double>()
                                              : max_duration.cast<double>();
  }
  return r;
}

std::unique_ptr<SimulationHandle> simulate(py::handle config, py::handle replicates, py::handle seed,
                                           py::handle threads, py::handle max_duration,
                                           py::object progress, double interval,
                                           const std::string& replicate_data, int log_level) {
  const nlohmann::json j = config_json(config);
  const SimulationRequest request = request_from(replicates, seed, threads, max_duration);
  auto h = std::make_unique<SimulationHandle>();
  Watch watch(std::move(progress), interval);
  {
    py::gil_scoped_release release;
    const auto trace = make_trace(log_level);
    RunOptions options;
    options.trace = trace.get();
    h->setup = prepare_simulation(load_trial(j), request, options);
    h->simulator = std::make_unique<simulate::Simulator>(make_simulator(h->setup));
    watch.set_total(h->setup.options.replicates);
    simulate::RunControl control;
    control.stop = watch.flag();
    control.progress = [&watch](std::int64_t done) { watch.report(done); };
    // The replicate CSV, as the command line writes it: staged, renamed
    // into place only when the run completes.
    std::optional<StagedFile> data;
    std::string rows;
    if (!replicate_data.empty()) {
      data.emplace(replicate_data);
      data->write(render::replicate_csv_header());
      control.replicate_sink = [&](std::int64_t i, std::span<const simulate::LookRecord> looks) {
        rows.clear();
        render::append_replicate_csv(rows, i, looks);
        data->write(rows);
      };
    }
    watch.run([&] {
      h->report = std::make_unique<SimulationReport>(
          run_simulation(h->setup, *h->simulator, control, options));
    });
    if (data) {
      if (h->report->result.interrupted) {
        data->discard();
      } else {
        data->commit();
      }
    }
  }
  watch.rethrow();
  if (h->report->result.interrupted) {  // only the watch stops a run, and it keeps its reason
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    throw py::error_already_set();
  }
  return h;
}

py::dict look_records(const std::vector<simulate::LookRecord>& looks) {
  const auto n = static_cast<py::ssize_t>(looks.size());
  py::array_t<int> look(n), events(n), patients(n);
  py::array_t<double> time(n), z(n), efficacy(n), futility(n), harm(n), hr(n), variance(n);
  py::array_t<bool> capped(n);
  py::list decision;
  for (py::ssize_t i = 0; i < n; ++i) {
    const auto& r = looks[static_cast<std::size_t>(i)];
    look.mutable_at(i) = r.look + 1;
    events.mutable_at(i) = r.events;
    patients.mutable_at(i) = r.patients;
    time.mutable_at(i) = r.calendar_time;
    z.mutable_at(i) = r.z;
    efficacy.mutable_at(i) = std::isfinite(r.efficacy_z) ? r.efficacy_z : std::nan("");
    futility.mutable_at(i) = r.futility_z.value_or(std::nan(""));
    harm.mutable_at(i) = r.harm_z.value_or(std::nan(""));
    hr.mutable_at(i) = r.hazard_ratio.value_or(std::nan(""));
    variance.mutable_at(i) = r.variance.value_or(std::nan(""));
    capped.mutable_at(i) = r.capped;
    decision.append(decision_name(r.decision));
  }
  py::dict out;
  out["look"] = look;
  out["events"] = events;
  out["calendar_time"] = time;
  out["patients"] = patients;
  out["z"] = z;
  out["hazard_ratio"] = hr;
  out["efficacy_z"] = efficacy;
  out["futility_z"] = futility;
  out["harm_z"] = harm;
  out["decision"] = decision;
  out["capped"] = capped;
  out["variance"] = variance;
  return out;
}

py::dict patient_records(const std::vector<simulate::PatientRecord>& patients) {
  const auto n = static_cast<py::ssize_t>(patients.size());
  py::array_t<double> entry(n), time(n);
  py::array_t<int> stratum(n);
  py::array_t<bool> treatment(n), cured(n), event(n);
  for (py::ssize_t i = 0; i < n; ++i) {
    const auto& p = patients[static_cast<std::size_t>(i)];
    entry.mutable_at(i) = p.entry;
    stratum.mutable_at(i) = p.stratum;
    treatment.mutable_at(i) = p.treatment;
    cured.mutable_at(i) = p.cured;
    time.mutable_at(i) = p.time;
    event.mutable_at(i) = p.event;
  }
  py::dict out;
  out["entry"] = entry;
  out["stratum"] = stratum;
  out["treatment"] = treatment;
  out["cured"] = cured;
  out["time"] = time;
  out["event"] = event;
  return out;
}

// A replicate of this run, 0 to replicates - 1: an index past the run
// would draw a trial that was never part of it.
std::int64_t replicate_index(const SimulationHandle& h, py::handle replicate) {
  const std::int64_t n = h.report->result.replicates;
  const std::string rule = "must be a whole number in [0, " + std::to_string(n - 1) +
                           "]: a replicate of this run of " + std::to_string(n);
  if (!is_integer(replicate)) bad_replicate(replicate, rule);
  int overflow = 0;
  const long long i = PyLong_AsLongLongAndOverflow(as_int(replicate).ptr(), &overflow);
  if (overflow != 0 || i < 0 || i >= n) bad_replicate(replicate, rule);
  return i;
}

}  // namespace

void bind_simulation(py::module_& m) {
  py::class_<SimulationHandle>(m, "SimulationHandle")
      .def_property_readonly("replicates",
                             [](const SimulationHandle& h) { return h.report->result.replicates; })
      .def("json", [](const SimulationHandle& h) { return from_json(to_json(*h.report)); })
      .def(
          "json_text",
          [](const SimulationHandle& h, int indent) { return json_text(to_json(*h.report), indent); },
          py::arg("indent") = 2)
      .def("text", [](const SimulationHandle& h) { return render::simulation_text(*h.report); })
      .def("csv", [](const SimulationHandle& h) { return render::simulation_csv(*h.report); })
      .def(
          "svg",
          [](const SimulationHandle& h, int shown) {
            py::gil_scoped_release release;
            return render::stack_charts(render::simulation_charts(*h.simulator, *h.report, shown));
          },
          py::arg("shown") = 3)
      .def(
          "plot_data",
          [](const SimulationHandle& h, int shown) {
            nlohmann::json out;
            {
              py::gil_scoped_release release;
              out = simulation_plot_data(*h.simulator, *h.report, shown);
            }
            return from_json(out);
          },
          py::arg("shown") = 3)
      .def(
          "replicate_looks",
          [](const SimulationHandle& h, py::handle replicate) {
            const std::int64_t i = replicate_index(h, replicate);
            return look_records(h.simulator->looks(h.report->result.seed, i));
          },
          py::arg("replicate"))
      .def(
          "replicate_patients",
          [](const SimulationHandle& h, py::handle replicate) {
            const std::int64_t i = replicate_index(h, replicate);
            return patient_records(h.simulator->patients(h.report->result.seed, i));
          },
          py::arg("replicate"));

  m.def("simulate", &simulate, py::arg("config"), py::arg("replicates") = py::none(),
        py::arg("seed") = py::none(), py::arg("threads") = 1, py::arg("max_duration") = py::none(),
        py::arg("progress") = py::none(), py::arg("interval") = 0.1,
        py::arg("replicate_data") = "", py::arg("log_level") = 0);
}

}  // namespace gsd::python
