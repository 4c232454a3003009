#pragma once
// gsd: group-sequential designs, cure-mixture survival plans, simulation and
// monitoring of clinical trials. This umbrella header brings in the public
// API; see README.md, "The C++ library", for a worked example.
//
//   gsd::Trial trial = gsd::load_trial_file("configs/blinatumomab-20120215.json");
//   gsd::DesignResult result = gsd::design_trial(trial);
//   result.boundaries.efficacy;          // z bounds per look
//   result.sample_size->plan.power;      // power under the cure model
//
// Layers, each a library target (gsd::<name>) and a namespace:
//   numerics    normal tails, root finding, recursive integration, errors
//   spending    spending functions, boundaries, the design solver
//   survival    cure models, accrual, event projection, log-rank moments, sample size
//   endpoints   normal and binary endpoints: sample size, power, bounds on the estimate scale
//   monitoring  bounds at observed information, decisions, inference
//   simulate    the Monte Carlo trial simulator
//   engine      this API (namespace gsd): Trial, the JSON loader, the
//               workflows, the contract JSON, the words for people
#include "gsd/atomic_file.hpp"
#include "gsd/batch.hpp"
#include "gsd/curves.hpp"
#include "gsd/design.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/plot_data.hpp"
#include "gsd/presentation.hpp"
#include "gsd/record.hpp"
#include "gsd/record_key.hpp"
#include "gsd/record_verify.hpp"
#include "gsd/run.hpp"
#include "gsd/run_options.hpp"
#include "gsd/simulation.hpp"
#include "gsd/staged_file.hpp"
#include "gsd/thread_limit.hpp"
#include "gsd/trial.hpp"
#include "gsd/version.hpp"
