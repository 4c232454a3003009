// gsd._core: the compiled half of the Python package gsd. It converts
// between Python values and gsd's JSON, calls the library, keeps its results
// (handles.hpp) and translates its errors (errors.hpp). Everything a user
// calls is in the pure-Python package around it (gsd/__init__.py).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>

#include "errors.hpp"
#include "gsd/gsd.hpp"
#include "gsd/numerics/normal.hpp"
#include "handles.hpp"

namespace py = pybind11;

namespace {

// The nominal p-value axis of the boundary plot: z <-> one-sided p, by the
// library's normal tails.
py::array_t<double> upper_tail(const py::array_t<double, py::array::forcecast>& z) {
  py::array_t<double> out(z.request().shape);
  const double* src = z.data();
  double* dst = out.mutable_data();
  for (py::ssize_t i = 0; i < z.size(); ++i) dst[i] = gsd::numerics::normal_upper_tail(src[i]);
  return out;
}

py::array_t<double> upper_quantile(const py::array_t<double, py::array::forcecast>& p) {
  py::array_t<double> out(p.request().shape);
  const double* src = p.data();
  double* dst = out.mutable_data();
  for (py::ssize_t i = 0; i < p.size(); ++i) {
    dst[i] = src[i] > 0.0 && src[i] < 1.0 ? gsd::numerics::normal_upper_quantile(src[i])
                                          : std::nan("");
  }
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "The compiled part of gsd; use the functions of the package gsd.";
  m.attr("version") = gsd::kVersion;
  gsd::python::register_error_translator();
  gsd::python::bind_handles(m);
  gsd::python::bind_simulation(m);
  m.def("invalid_message", &gsd::python::invalid_message, py::arg("path"), py::arg("value"),
        py::arg("rule"), py::arg("json_style") = false);
  m.def(
      "parse_command",
      [](const std::string& name) {
        (void)gsd::parse_command(name);
        return name;
      },
      py::arg("name"));
  m.def("normal_upper_tail", &upper_tail, py::arg("z"));
  // For the tests of the error translation: throws the C++ error of a kind
  // that valid input cannot provoke (a numerical failure, a bug).
  m.def(
      "_throw",
      [](const std::string& kind) {
        if (kind == "numerical") throw gsd::NumericalError("no bracket for a test", 1.5, 0.25, 7);
        if (kind == "logic") throw std::logic_error("a broken invariant");
        if (kind == "io") throw std::runtime_error("cannot write /nowhere/x: No such file");
        if (kind == "memory") throw std::bad_alloc();
        if (kind == "domain") throw std::domain_error("x = -1 is outside the domain");
        if (kind == "json") (void)nlohmann::json::parse("{").size();
        throw gsd::InvalidInput({"kind"}, "\"" + kind + "\"", "is not a kind of error");
      },
      py::arg("kind"));
  m.def("normal_upper_quantile", &upper_quantile, py::arg("p"));
  // For the speed comparison (bindings/python/benchmarks/speed.py): the
  // seconds per call of the C++ work behind gsd.design, the config already
  // JSON: design_trial(load_trial(config)), GIL released.
  m.def(
      "_benchmark_design",
      [](py::handle config, int repeats) {
        const nlohmann::json j = gsd::python::config_json(config);
        py::gil_scoped_release release;
        double sink = 0.0;
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < repeats; ++i) {
          sink += gsd::design_trial(gsd::load_trial(j)).boundaries.drift;
        }
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (!(sink > 0.0)) throw std::logic_error("no design computed");
        return elapsed.count() / repeats;
      },
      py::arg("config"), py::arg("repeats"));
}
