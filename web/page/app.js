// The page: the config in the URL, the form that edits it, and the redraw
// after every change (the engine on this thread for the boundaries and the
// monitoring looks; Web Workers for the survival plan, the power curve and
// the simulation: plan.js, simulation.js).

const App = {
  config: null,
  configText: "",
  design: null,  // the last good reply for the boundaries (with the plan when opened whole)
  full: null,    // {configText, reply}: the last whole design, what `gsd design` prints
  monitor: null,
  monitorText: "",  // the config text App.monitor was computed for
  sim: null,     // {reply, configText}
  simRunning: false,
  powerCurve: null,  // {configText, curve}
  scale: "z",
  timings: {firstDesign: null, firstPlan: null, redraws: []},
};
window.gsdTimings = App.timings;

const $ = (id) => document.getElementById(id);
const simEngine = new BackgroundEngine();
const planEngine = new BackgroundEngine();
const curveEngine = new BackgroundEngine();

function seedConfig() {
  return JSON.parse($("gsd-seed-config").textContent);
}

function showStatus(message, kind) {
  const s = $("status");
  s.textContent = message || "";
  s.className = "status" + (kind ? " " + kind : "");
}

// ------------------------------------------------------------- the state

// Replaces the whole state (opening the page, a link, a file, the seed): the
// whole design is computed before the first drawing, so a script that opens a
// #config= link finds #gsd-result filled once the page is ready.
function loadConfig(config) {
  App.config = config;
  syncForm();
  commit(true);
}

// After an edit of App.config: the URL, then the redraw (`whole`: with the
// survival plan on this thread; otherwise the plan follows from a worker).
function commit(whole = false) {
  App.configText = JSON.stringify(App.config);
  const hash = hashFromConfig(App.config);
  if (location.hash !== hash) history.replaceState(null, "", hash);
  recompute(whole);
}

function edit(mutate) {
  mutate(App.config);
  syncForm();
  commit();
}

// Each change: the engine computes the boundaries (the contract JSON and the
// plot data) at once and the survival plan in a worker (plan.js); only the
// visible tab is drawn, the others when shown.
const dirty = {design: true, survival: true, simulation: true, monitoring: true};

// The sample size of a survival model (another endpoint has no curves).
function survivalPlan(reply) {
  return reply && reply.plot.survival ? reply.result.sample_size : null;
}

function currentTab() {
  const b = document.querySelector("[role=tab][aria-selected=true]");
  return b ? b.dataset.tab : "design";
}

// A config the engine rejects: as the command line prints nothing on stdout,
// #gsd-result is emptied and names the error; the last outputs go grey.
// Lays the page out for the first time (style.css hides it until then).
function showPage() {
  document.body.dataset.shown = "1";
}

function showDesignError(error) {
  showPage();
  markReady();
  delete $("gsd-result").dataset.pending;
  $("gsd-result").textContent = "";
  $("gsd-result").dataset.error = error.message;
  showStatus("error: " + error.message, "error");
  markField(error.path);
  document.body.classList.add("stale");
}

// The boundaries at once; the survival plan, if any, after the first frame
// on this thread when a config is opened (`whole`), else from a worker.
function recompute(whole) {
  const t0 = performance.now();
  const reply = Engine.boundaries(App.configText);
  const tEngine = performance.now() - t0;
  document.querySelectorAll(".field-error").forEach((n) => n.classList.remove("field-error"));
  if (reply.error) {
    showDesignError(reply.error);
    App.timings.last = performance.now() - t0;
    return;
  }
  document.body.classList.remove("stale");
  showStatus("");
  App.design = reply;
  $("trial-name").textContent = reply.result.name || "";
  const complete = reply.complete;
  if (complete) setFullDesign(App.configText, reply);
  else awaitPlan(whole);
  for (const tab of Object.keys(dirty)) dirty[tab] = true;
  showPage();  // before drawing: the charts take their size from the page
  renderTab(currentTab());
  markSimulationStale();
  const ms = performance.now() - t0;
  App.timings.last = ms;
  App.timings.lastEngine = tEngine;
  if (App.timings.firstDesign === null) {
    App.timings.firstDesign = performance.now();
    performance.mark("gsd-first-design");  // for the browser test's CPU time
    document.body.dataset.drawn = "1";
  } else {
    App.timings.redraws.push(ms);
  }
  $("timing").textContent = `${complete ? "Computed" : "Bounds computed"} in ${tEngine.toFixed(0)} ms, ` +
                            `drawn in ${(ms - tEngine).toFixed(0)} ms${complete ? "" : "; the survival plan follows"}.`;
}

// Charts take their size from the page: draw again after a resize.
function redrawAll() {
  for (const tab of Object.keys(dirty)) dirty[tab] = true;
  renderTab(currentTab());
}

function renderTab(tab) {
  if (!App.design || !dirty[tab]) return;
  dirty[tab] = false;
  measureChartHosts($("tab-" + tab));
  if (tab === "design") {
    // Simon's two-stage design has no bounds: its rules, designs and probabilities (simon.js)
    if (isSimonReply(App.design)) renderSimonDesign(App.design);
    else renderDesign(App.design, App.scale);
  } else if (tab === "survival") {
    renderSurvivalTab();
  } else if (tab === "monitoring") {
    recomputeMonitoring();
  } else if (tab === "simulation" && App.sim) {
    renderSimulation(App.sim.reply, App.full ? App.full.reply : App.design);
  }
}

// The inputs that write a list, a switch or a family: a key they set without
// a data-path of their own.
const FIELD_OF_KEY = {
  "design.information_fractions": "fractions",
  "design.efficacy_stops": "efficacy-stops",
  "design.futility_stops": "futility-stops",
  "design.harm_stops": "harm-stops",
  "design.spending_time": "spending-time",
  "survival.looks": "look-triggers",
  "survival.integer": "survival-integer",
  "simulation.replicates": "sim-replicates",
  "simulation.seed": "sim-seed",
};
// The input of each key of a monitoring look (the three statistics share one).
const LOOK_FIELD_OF_KEY = {events: "size", patients: "size", z: "value", p_two_sided: "value", hazard_ratio: "value",
                           direction: "direction", final: "final"};

// The inputs of the field an error names (its JSON path).
function fieldsOfPath(path) {
  // the key itself or a part of it, never another key that starts alike
  // (design.efficacy_stops is not design.efficacy)
  const within = (key) => path === key || path.startsWith(key + ".") || path.startsWith(key + "[");
  // a Simon trial's looks: the fields of its stages (simon.js)
  if (isSimonConfig(App.config) && simonLookFields(path).length) return simonLookFields(path);
  const byPath = [...document.querySelectorAll("[data-path]")].filter((n) => within(n.dataset.path));
  if (byPath.length) return byPath;
  for (const [key, id] of Object.entries(FIELD_OF_KEY)) {
    if (within(key)) return [$(id)];
  }
  for (const which of ["efficacy", "futility", "harm"]) {
    const key = `design.${which}`;
    if (!within(key)) continue;
    if (which === "futility" && fixedFutilityKey((App.config.design || {}).futility)) return [$("futility-fixed")];
    for (const part of ["parameter", "alpha", "binding"]) {
      if (within(`${key}.${part}`) && $(`${which}-${part}`)) return [$(`${which}-${part}`)];
    }
    return [$(`${which}-family`)];
  }
  const look = path.match(/^monitoring\.looks\[(\d+)\](?:\.(\w+))?/);
  const row = look && document.querySelector(`#looks-editor [data-look="${look[1]}"]`);
  if (row) {
    const field = LOOK_FIELD_OF_KEY[look[2]];
    return [...row.querySelectorAll(field ? `[data-field=${field}]` : "input, select")];
  }
  return [];
}

// Marks the inputs of the field an error names.
function markField(path) {
  if (!path) return;
  for (const n of fieldsOfPath(path)) n.classList.add("field-error");
}

function recomputeMonitoring() {
  const looks = App.config.monitoring && App.config.monitoring.looks;
  if (!looks || !looks.length) {
    App.monitor = null;
    renderMonitoringEmpty(isSimonConfig(App.config) ?
      "No looks yet: enter the patients and responders of stage 1, then, at its end, all patients so far with theirs." :
      "No looks yet: add the looks the committee has taken, or the committee's first look in the seed trial.");
    return;
  }
  const reply = Engine.monitor(App.configText);
  if (reply.error) {
    App.monitor = null;
    renderMonitoringEmpty("error: " + reply.error.message);
    $("monitor-banner").className = "banner error";
    markField(reply.error.path);
    return;
  }
  App.monitor = reply;
  App.monitorText = App.configText;
  // Simon's two-stage design: its looks by counts (simon.js)
  if (isSimonReply(reply)) renderSimonMonitoring(reply);
  else renderMonitoring(reply);
}

// ------------------------------------------------------------- downloads

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = el("a", {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem() {
  const name = (App.config.name || "gsd-design").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return name.slice(0, 60) || "gsd-design";
}

// --------------------------------------------------------------- wiring

function selectTab(name) {
  document.querySelectorAll("[role=tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
  document.querySelectorAll("[role=tabpanel]").forEach((p) => {
    p.hidden = p.id !== "tab-" + name;
  });
  renderTab(name);
}

// Copy link, export and open a config, back to the seed trial.
function wireSharing() {
  $("copy-link").addEventListener("click", async () => {
    const box = $("link-box");
    box.value = location.href;
    box.hidden = false;
    box.select();
    try {
      await navigator.clipboard.writeText(location.href);
      showStatus("Link copied: it reopens the page with these inputs.");
    } catch (e) {
      showStatus("Copy the selected link: it reopens the page with these inputs.");
    }
  });
  $("export-config").addEventListener("click", () => download(fileStem() + ".json", JSON.stringify(App.config, null, 2) + "\n", "application/json"));
  // A button, reachable by the keyboard, opens the hidden file input's dialog
  // (a label around the input was not in the tab order).
  $("open-config-button").addEventListener("click", () => $("open-config").click());
  $("open-config").addEventListener("change", (e) => {
    const file = e.target.files[0];
    if (!file) return;
    file.text().then((text) => {
      try {
        const config = JSON.parse(text);
        if (config === null || typeof config !== "object" || Array.isArray(config)) throw new Error("not a JSON object");
        loadConfig(config);
      } catch (err) {
        showStatus(`${file.name}: ${err.message}`, "error");
      }
      e.target.value = "";
    });
  });
  $("reset-seed").addEventListener("click", () => loadConfig(seedConfig()));
}

// The CSV of each table and the committee's report, as the command line writes them.
function wireDownloads() {
  // gsd design's CSV: the bounds, with the sample size's looks in more columns
  // (a design without a survival plan comes from the boundaries alone, which
  // carry no CSV: the engine writes it on demand)
  const designCsv = () => currentFull().csv ?? Engine.design(App.configText).csv;
  $("csv-design").addEventListener("click", () => currentFull() && download(fileStem() + "-bounds.csv", designCsv(), "text/csv"));
  // a Simon design's: one row per admissible design
  $("csv-simon").addEventListener("click", () => currentFull() && download(fileStem() + "-designs.csv", designCsv(), "text/csv"));
  $("csv-survival").addEventListener("click", () => currentPlan() &&
                                     download(fileStem() + "-looks.csv", currentFull().csv, "text/csv"));
  $("csv-simulation").addEventListener("click", () => {
    if (!App.sim) return;
    if (App.sim.configText !== App.configText) {
      showStatus("Simulation CSV not saved: the inputs have changed since this simulation " +
                 "(the exported config would not repeat it); simulate again.", "error");
      return;
    }
    download(fileStem() + "-simulation.csv", App.sim.reply.csv, "text/csv");
  });
  const monitoringCsv = () => {
    if (!App.monitor) return;
    if (App.monitorText !== App.configText) {
      showStatus("Monitoring CSV not saved: the looks in grey are of an earlier input, not of the config " +
                 "in the link; correct the field marked in red first.", "error");
      return;
    }
    download(fileStem() + "-monitoring.csv", App.monitor.csv, "text/csv");
  };
  const monitoringReport = () => {
    if (!App.monitor) return;
    const reply = Engine.monitorReport(App.configText, new Date().toISOString().replace(/\.\d+Z$/, "Z"));
    if (reply.error) showStatus("error: " + reply.error.message, "error");
    else download(fileStem() + "-dmc-report.html", reply.html, "text/html");
  };
  // (a Simon trial's looks have buttons of their own, in their card)
  for (const id of ["csv-monitoring", "csv-simon-monitoring"]) $(id).addEventListener("click", monitoringCsv);
  for (const id of ["report-monitoring", "report-simon-monitoring"]) $(id).addEventListener("click", monitoringReport);
}

function wire() {
  document.querySelectorAll("[role=tab]").forEach((b) => b.addEventListener("click", () => selectTab(b.dataset.tab)));
  wireForm();
  wireLooksEditor();
  wireSimonMonitoring();
  wireSimulation();
  document.querySelectorAll("input[name=bound-scale]").forEach((r) => r.addEventListener("change", () => {
    App.scale = r.value;
    if (App.design && !dirty.design && !isSimonReply(App.design)) drawBounds(App.design, App.scale);
  }));

  wireSharing();
  wireDownloads();
  $("projector").addEventListener("click", () => {
    const on = document.body.classList.toggle("projector");
    $("projector").setAttribute("aria-pressed", String(on));
    redrawAll();
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(redrawAll, 150);
  });
  window.addEventListener("hashchange", () => {
    if (location.hash === hashFromConfig(App.config)) return;
    openFromHash();
  });
}

function openFromHash() {
  let config = null;
  let problem = null;
  try {
    config = configFromHash(location.hash);
  } catch (e) {
    problem = e.message + "; showing the seed trial instead.";
  }
  loadConfig(config || seedConfig());
  if (problem) showStatus(problem, "error");
}

async function main() {
  App.timings.scriptStart = performance.now();
  wire();
  updateSimButton();
  await Engine.start();
  App.timings.engineReady = performance.now();
  openFromHash();
}

main().catch((e) => {
  showPage();
  showStatus("The engine could not start: " + e.message, "error");
});
