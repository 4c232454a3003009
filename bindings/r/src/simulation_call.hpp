#pragma once
// gsd_simulate() and gsd_run(command = "simulate"): the simulator on the R
// thread, with R's interrupt and an optional progress bar.
#include <Rcpp.h>

#include "gsd/run_options.hpp"
#include "gsd/simulation.hpp"
#include "gsd/trial.hpp"

namespace gsd::r {

// `request`: list(replicates, seed, max_duration (each NULL for the
// config's own or the default), threads, progress (logical),
// keep_replicates (logical), plot_replicates (integer, 0 for none)) and the
// command line's outputs: format ("json", "text" or "csv"), replicate_data
// (a CSV file, written as --replicate-data writes it) and plot_file (the
// SVG charts, as --plot).
// Returns the command line's JSON result as R (or its text for "text" and
// "csv"); with keep_replicates or plot_replicates, list(result, replicates
// (data frame), plot (plot data), text) instead. A user interrupt stops the
// run between chunks, writes no file, and reaches R as an interrupt once
// every thread has stopped.
SEXP simulate_call(const Trial& trial, const Rcpp::List& request, const RunOptions& run = {});
// The request's replicates, seed, max_duration and threads (errors name them).
SimulationRequest request_from(const Rcpp::List& request);

}  // namespace gsd::r
