#pragma once
// The data of every gsd plot as JSON, for the front ends that draw their own
// pictures (the web page, the R and Python packages): each curve is
// {"x": [...], "y": [...]} with the quantities named by its key. The SVG
// charts of the command line are drawn from the same curves (curves.hpp).
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "gsd/curves.hpp"
#include "gsd/design.hpp"
#include "gsd/monitor.hpp"
#include "gsd/simulation.hpp"
#include "gsd/trial.hpp"

namespace gsd {

// {"boundaries": {"information_fraction": [...], "efficacy_z": [...] (null
//  where none), "lower_z": [...], "futility_z": [...], the one-sided nominal
//  p-values "efficacy_p" and "futility_p", and with a survival plan the look
//  "events" and the bounds on the hazard-ratio scale, "efficacy_hazard_ratio",
//  "lower_hazard_ratio" and "futility_hazard_ratio" (exp(-z / sqrt(I)),
//  I = events r / (1 + r)^2)},
//  "spending": {"alpha": curve, "beta": curve} (absent where none),
//  and with a survival plan "survival": {"control": curve, "treatment": curve,
//  "control_cure": x, "treatment_cure": x}, "events": curve with "looks":
//  [{"events", "calendar_time"}] and "event_limit", "hazard_ratio": curve,
//  "power_by_hazard_ratio": curve}
// With Simon's two-stage design instead: {"simon": {"rate": [...],
//  "promising": [...], "early_stop": [...], "expected_patients": [...] (the
//  chosen design over the true rate, simon_curve), "rate_h0", "rate_h1",
//  "alpha", "power_target" (1 - beta), "patients" (the design's n)}}.
nlohmann::json design_plot_data(const DesignResult& result, int points = 200);

// What design_plot_data computes. The power against the hazard ratio takes
// one survival plan per ratio, far more than everything else together; a
// front end that must redraw at once (the web page) leaves it out and asks
// for it separately, in the background.
struct DesignPlotOptions {
  int points = 200;  // each survival curve has points + 1 times
  bool power_by_hazard_ratio = true;
};
nlohmann::json design_plot_data(const DesignResult& result, const DesignPlotOptions& options);

// {"conditional_power_by_hazard_ratio": curve at the last look (absent once
//  the trial has stopped), "observed": {"events", "z", "hazard_ratio"}, and the
//  bounds at the last look's schedule: {"events", "efficacy_z", "set_at":
//  "last_look_schedule"}}. A weighted, MaxCombo, RMST or milestone
//  survival.test: each look's z (MaxCombo's largest) and its bound at the
//  look ("set_at": "each_look"), hazard ratios null, no curve.
nlohmann::json monitoring_plot_data(const MonitoringReport& report, int points = 101);

// Kaplan-Meier curves of replicates 0 .. shown - 1 at their stopping
// analysis, and the model's population survival:
// {"replicates": [{"replicate", "control": curve, "treatment": curve}],
//  "model": {"control": curve, "treatment": curve}}
nlohmann::json simulation_plot_data(const simulate::Simulator& simulator,
                                    const SimulationReport& report, int shown = 3);

}  // namespace gsd
