// The engine for the web page (docs/web.md): a handful of C functions that
// take a config as JSON text and return JSON text. Thin by design: each one
// parses the config, calls the public API (gsd/gsd.hpp) and writes what it
// returns; the page computes nothing itself, so its numbers are those of
// `gsd <command> --format json`.
//
// Every function returns JSON text that stays valid until the next call (the
// page copies it at once):
//   {"result_text": <what the command line prints with --format json>,
//    "csv": <what it prints with --format csv>, "plot": <gsd/plot_data.hpp>}
// or {"error": {"kind": "input" | "numerical", "message": "...", "path": "..."}}.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>

#include "gsd/gsd.hpp"
#include "gsd/render/design_output.hpp"
#include "gsd/render/monitoring_output.hpp"
#include "gsd/render/monitoring_report.hpp"
#include "gsd/render/simulation_output.hpp"

namespace {

using nlohmann::json;

// Replicates' Kaplan-Meier curves returned with a simulation.
constexpr int kKaplanMeierShown = 3;

std::string& out_buffer() {
  static std::string buffer;
  return buffer;
}

const char* reply(const json& value) {
  out_buffer() = value.dump();
  return out_buffer().c_str();
}

json error_json(const char* kind, const std::string& message, const std::string& path) {
  return {{"error", {{"kind", kind}, {"message", message}, {"path", path}}}};
}

// Runs `body` (which returns the reply) and maps gsd's failures as the command
// line does: bad input (with the JSON path of the field) or a numerical failure.
template <class F>
const char* guarded(F&& body) {
  try {
    return reply(body());
  } catch (const gsd::InvalidInput& e) {
    return reply(error_json("input", e.message(gsd::PathStyle::kJson),
                            gsd::to_string(e.path(), gsd::PathStyle::kJson)));
  } catch (const gsd::NumericalError& e) {
    return reply(error_json("numerical", std::string("numerical failure: ") + e.what(), ""));
  } catch (const std::invalid_argument& e) {
    return reply(error_json("input", e.what(), ""));
  } catch (const std::domain_error& e) {
    return reply(error_json("input", e.what(), ""));
  } catch (const std::bad_alloc&) {
    return reply(error_json("numerical", "out of memory", ""));
  } catch (const std::exception& e) {
    return reply(error_json("numerical", e.what(), ""));
  }
}

// The JSON text exactly as `gsd <command> --format json` prints it.
std::string contract_text(const json& result) { return result.dump(2) + "\n"; }

gsd::Trial load(const char* config) {
  return gsd::load_trial(gsd::parse_json(config, "config"));
}

}  // namespace

// Tells the page how many replicates are done (Module.onSimulationProgress);
// called from the simulator's progress hook, inside the running call.
EM_JS(void, gsd_web_report_progress, (double done), {
  if (Module["onSimulationProgress"]) Module["onSimulationProgress"](done);
});

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* gsd_web_version() { return gsd::kVersion; }

// `gsd design`: the contract JSON, the CSV, and the data of the design plots;
// the power against the hazard ratio only when `power_curve` is nonzero (it
// costs some hundred milliseconds, so the page asks for it in a worker).
EMSCRIPTEN_KEEPALIVE const char* gsd_web_design(const char* config, int power_curve) {
  return guarded([&] {
    const gsd::DesignResult result = gsd::design_trial(load(config));
    gsd::DesignPlotOptions plot;
    plot.power_by_hazard_ratio = power_curve != 0;
    return json{{"result_text", contract_text(gsd::to_json(result))},
                {"csv", gsd::render::design_csv(result)},
                {"plot", gsd::design_plot_data(result, plot)}};
  });
}

// The boundaries alone (gsd::solve_boundaries), for a redraw at once: the
// contract JSON of a design without its survival plan, and the boundary and
// spending plot data. For a config without a survival model or endpoint that is what
// `gsd design` prints ("complete": true); with one, the page asks
// gsd_web_design for the plan in a worker. No CSV: the page asks
// gsd_web_design for it when it is downloaded, so that a redraw (and the
// page's first design, whose CPU time includes compiling every function it
// calls) does not format a table nobody reads.
EMSCRIPTEN_KEEPALIVE const char* gsd_web_boundaries(const char* config) {
  return guarded([&] {
    const gsd::Trial trial = load(config);
    if (trial.simon) {
      // Simon's two-stage design has no boundaries to draw first: its whole
      // result takes milliseconds.
      const gsd::DesignResult result = gsd::design_trial(trial);
      return json{{"result_text", contract_text(gsd::to_json(result))},
                  {"plot", gsd::design_plot_data(result)},
                  {"complete", true}};
    }
    gsd::DesignResult result;
    result.name = trial.name;
    result.boundaries = gsd::solve_boundaries(trial);
    gsd::DesignPlotOptions plot;
    plot.power_by_hazard_ratio = false;
    return json{{"result_text", contract_text(gsd::to_json(result))},
                {"plot", gsd::design_plot_data(result, plot)},
                {"complete", !trial.survival.has_value() && !trial.endpoint.has_value()}};
  });
}

// `gsd monitor`: the looks of monitoring.looks, with the conditional power curve.
EMSCRIPTEN_KEEPALIVE const char* gsd_web_monitor(const char* config) {
  return guarded([&] {
    const gsd::MonitoringReport report = gsd::monitor_trial(load(config));
    return json{{"result_text", contract_text(gsd::to_json(report))},
                {"csv", gsd::render::monitoring_csv(report)},
                {"plot", gsd::monitoring_plot_data(report)}};
  });
}

// `gsd monitor --report`: the committee's self-contained HTML report.
EMSCRIPTEN_KEEPALIVE const char* gsd_web_monitor_report(const char* config, const char* generated_at) {
  return guarded([&] {
    const gsd::Trial trial = load(config);
    const gsd::MonitoringReport report = gsd::monitor_trial(trial);
    const gsd::render::ReportContext context{trial.name, generated_at, "the web page"};
    return json{{"html", gsd::render::monitoring_report_html(report, context)}};
  });
}

// `gsd simulate` with the replicates and seed of the config's simulation
// section (so the exported config reproduces the run on the command line),
// reporting progress as it goes, and a few replicates' Kaplan-Meier curves.
EMSCRIPTEN_KEEPALIVE const char* gsd_web_simulate(const char* config) {
  return guarded([&] {
    const gsd::SimulationSetup setup = gsd::prepare_simulation(load(config));
    const gsd::simulate::Simulator simulator = gsd::make_simulator(setup);
    gsd::simulate::RunControl control;
    control.progress = [](std::int64_t done) {
      gsd_web_report_progress(static_cast<double>(done));
    };
    const gsd::SimulationReport report = gsd::run_simulation(setup, simulator, control);
    return json{{"result_text", contract_text(gsd::to_json(report))},
                {"csv", gsd::render::simulation_csv(report)},
                {"plot", gsd::simulation_plot_data(simulator, report, kKaplanMeierShown)}};
  });
}

// gsd::run as it is: exactly what `gsd <command> CONFIG --format json` prints
// (a simulation with the config's replicates and seed).
EMSCRIPTEN_KEEPALIVE const char* gsd_web_run(const char* config, const char* command) {
  return guarded([&] {
    const json result = gsd::run(gsd::parse_json(config, "config"), gsd::parse_command(command));
    return json{{"result_text", contract_text(result)}};
  });
}

}  // extern "C"
