// The Simulation tab: N trials of the config's model in a Web Worker, with
// progress and Cancel. The replicates and seed go into the config's
// simulation section, so the exported config repeats the run.

// As typed: a fraction goes to the engine, which refuses it as the command
// line does, rather than being rounded unseen.
function simulationRequest() {
  const replicates = readNumber($("sim-replicates")) ?? 2000;
  const seed = readNumber($("sim-seed")) ?? 1;
  return {replicates, seed};
}

// A seed may be any whole number up to 2^64 - 1 on the command line, but the
// config's JSON numbers pass through the page as doubles, which hold whole
// numbers exactly only up to 2^53 - 1: 9007199254740993 would have run as
// ...992, and 2^64 - 1 been refused under another value. Such a seed is
// refused as typed, with the command that takes it.
function exactSeed(input) {
  const seed = readNumber(input);
  if (seed === undefined || !Number.isInteger(seed) || seed <= Number.MAX_SAFE_INTEGER) return true;
  showStatus(`error: simulation.seed = ${input.value} is above ${Number.MAX_SAFE_INTEGER}, the largest seed ` +
             `the page passes on exactly; give a smaller seed, or run gsd simulate CONFIG.json --seed ${input.value}`, "error");
  input.classList.add("field-error");
  document.body.classList.add("stale");
  return false;
}

// The trials and the seed as the config holds them (an opened config's, or
// the last simulation's), so that the fields say what the exported config runs.
function syncSimulationFields(c) {
  const sim = c.simulation || {};
  if (typeof sim.replicates === "number") $("sim-replicates").value = sim.replicates;
  if (typeof sim.seed === "number") $("sim-seed").value = sim.seed;
  updateSimButton();
}

// A change of the trials or the seed: refused as typed like any field, else
// written into the config's simulation section when it has one (an earlier
// Simulate wrote it, or the config came with it), as the other fields write
// theirs; so correcting a value the engine refused clears its error and the
// outputs come back without simulating again. A config without the section
// gets it on Simulate.
function onSimulationField(input, key) {
  if (unreadable(input)) {
    refuseUnreadable(input, `simulation.${key}`);
    return;
  }
  if (key === "seed" && !exactSeed(input)) return;
  const v = readNumber(input);
  if (App.config.simulation && typeof App.config.simulation === "object") {
    edit((c) => {
      if (v === undefined) delete c.simulation[key];
      else c.simulation[key] = v;
    });
  } else if (document.body.classList.contains("stale") || input.classList.contains("field-error")) {
    commit();  // the page's own refusal of this field: the config is as it was, recomputed
  }
}

function updateSimButton() {
  const {replicates} = simulationRequest();
  $("sim-run").textContent = `Simulate ${Number.isInteger(replicates) ? count(replicates) : replicates} trials`;
}

async function runSimulation() {
  if (App.simRunning) return;
  for (const [id, key] of [["sim-replicates", "replicates"], ["sim-seed", "seed"]]) {
    if (unreadable($(id))) {
      refuseUnreadable($(id), `simulation.${key}`);
      return;
    }
  }
  if (!exactSeed($("sim-seed"))) return;
  if (!App.config.survival && !App.config.endpoint) {
    // Nothing to draw trials from: the simulation section would make the
    // engine refuse the whole config, bounds included, so it is not written.
    showStatus("error: survival is missing: gsd simulate draws trials from the survival model; " +
               "add one on the Survival tab", "error");
    return;
  }
  const {replicates, seed} = simulationRequest();
  edit((c) => {
    c.simulation = Object.assign({}, c.simulation, {replicates, seed});
  });
  if (document.body.classList.contains("stale")) return;
  const text = App.configText;
  App.simRunning = true;
  $("sim-run").disabled = true;
  $("sim-cancel").disabled = false;
  $("sim-progress").value = 0;
  $("sim-status").textContent = "Starting…";
  document.body.dataset.simulation = "running";
  const t0 = performance.now();
  let lastDone = 0;
  try {
    $("sim-progress").dataset.updates = "0";
    const reply = await simEngine.request("simulate", text, (done) => {
      $("sim-progress").dataset.updates = String(Number($("sim-progress").dataset.updates) + 1);
      lastDone = done;
      $("sim-progress").value = done / replicates;
      $("sim-status").textContent = `${count(done)} of ${count(replicates)} trials`;
    });
    if (reply.error) {
      $("sim-status").textContent = "error: " + reply.error.message;
      document.body.dataset.simulation = "error";
    } else {
      App.sim = {reply, configText: text};
      $("sim-progress").value = 1;
      $("sim-status").textContent = `${count(replicates)} trials in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
      dirty.simulation = true;
      renderTab(currentTab());
      document.body.dataset.simulation = "done";
      markSimulationStale();
    }
  } catch (e) {
    $("sim-status").textContent = e.message === "cancelled" ?
      `Cancelled after ${count(lastDone)} of ${count(replicates)} trials: ` +
      "no result, as the command line gives none when interrupted." :
      "The simulation failed: " + e.message;
    document.body.dataset.simulation = e.message === "cancelled" ? "cancelled" : "error";
  } finally {
    App.simRunning = false;
    $("sim-run").disabled = false;
    $("sim-cancel").disabled = true;
  }
}

// The tests of the config's simulation.tests, counted on the same trials
// (gsd simulate's "Tests on the same replicates"): each test's power beside
// its analytic power, its stops for benefit at each look and the mean bound
// it met there. The card is hidden for a config without such tests.
function renderSideTests(s) {
  const tests = s.tests || [];
  $("card-side-tests").hidden = tests.length === 0;
  if (tests.length === 0) return;
  const looks = s.look_events.map((_, k) => k + 1);
  const header = ["Test", "Power, simulated", "MC SE", "Analytic",
                  ...looks.map((k) => `Look ${k}: stop for benefit`), ...looks.map((k) => `Look ${k}: mean bound met (z)`)];
  const rows = tests.map((t) => [t.label, fixed(t.power, 4), fixed(t.power_se, 4), fixed(t.analytic_power, 4),
                                 ...t.reject_per_look.map((p) => fixed(p, 4)),
                                 ...t.mean_efficacy_z_per_look.map((z) => fixed(z, 4))]);
  fillTable($("table-side-tests"), header, rows, tests.map((_, j) => j + 1));
}

function markSimulationStale() {
  const stale = App.sim && App.sim.configText !== App.configText;
  $("tab-simulation").classList.toggle("results-stale", !!stale);
  if (stale && !App.simRunning) $("sim-status").textContent = "The inputs have changed since this simulation: simulate again.";
}

function wireSimulation() {
  $("sim-run").addEventListener("click", runSimulation);
  $("sim-cancel").addEventListener("click", () => simEngine.cancel());
  $("sim-replicates").addEventListener("input", updateSimButton);
  $("sim-replicates").addEventListener("change", () => onSimulationField($("sim-replicates"), "replicates"));
  $("sim-seed").addEventListener("change", () => onSimulationField($("sim-seed"), "seed"));
}
