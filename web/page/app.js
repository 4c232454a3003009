// The page: the config in the URL, the form that edits it, and the redraw
// after every change (the engine on this thread for the design and the
// monitoring looks; Web Workers for the power curve and the simulation).

const App = {
  config: null,
  configText: "",
  design: null,  // the last good design reply
  monitor: null,
  sim: null,     // {reply, configText}
  simRunning: false,
  powerCurve: null,  // {configText, curve}
  scale: "z",
  timings: {firstDesign: null, redraws: []},
};
window.gsdTimings = App.timings;

const $ = (id) => document.getElementById(id);
const simEngine = new BackgroundEngine();
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

// Replaces the whole state (opening the page, a link, a file, the seed).
function loadConfig(config) {
  App.config = config;
  syncForm();
  commit();
}

// After an edit of App.config: the URL, then the redraw.
function commit() {
  App.configText = JSON.stringify(App.config);
  const hash = hashFromConfig(App.config);
  if (location.hash !== hash) history.replaceState(null, "", hash);
  recompute();
}

function edit(mutate) {
  mutate(App.config);
  syncForm();
  commit();
}

// Each change: the engine computes the design (the contract JSON and the
// plot data) at once; only the visible tab is drawn, the others when shown.
const dirty = {design: true, survival: true, simulation: true, monitoring: true};

// The sample size of a survival model (another endpoint has no curves).
function survivalPlan(reply) {
  return reply && reply.plot.survival ? reply.result.sample_size : null;
}

function currentTab() {
  const b = document.querySelector("[role=tab][aria-selected=true]");
  return b ? b.dataset.tab : "design";
}

function recompute() {
  const t0 = performance.now();
  const reply = Engine.design(App.configText);
  const tEngine = performance.now() - t0;
  document.querySelectorAll(".field-error").forEach((n) => n.classList.remove("field-error"));
  if (reply.error) {
    // as the command line prints nothing on stdout for a bad config
    $("gsd-result").textContent = "";
    $("gsd-result").dataset.error = reply.error.message;
    showStatus("error: " + reply.error.message, "error");
    markField(reply.error.path);
    document.body.classList.add("stale");
    App.timings.last = performance.now() - t0;
    return;
  }
  document.body.classList.remove("stale");
  showStatus("");
  App.design = reply;
  $("gsd-result").textContent = reply.result_text;
  delete $("gsd-result").dataset.error;
  $("trial-name").textContent = reply.result.name || "";
  for (const tab of Object.keys(dirty)) dirty[tab] = true;
  renderTab(currentTab());
  // the worker starts after the first frame, which it would otherwise delay
  if (survivalPlan(reply)) requestAnimationFrame(() => setTimeout(requestPowerCurve, 0));
  markSimulationStale();
  const ms = performance.now() - t0;
  App.timings.last = ms;
  App.timings.lastEngine = tEngine;
  if (App.timings.firstDesign === null) {
    App.timings.firstDesign = performance.now();
  } else {
    App.timings.redraws.push(ms);
  }
  $("timing").textContent = `Computed in ${tEngine.toFixed(0)} ms, drawn in ${(ms - tEngine).toFixed(0)} ms.`;
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
    renderDesign(App.design, App.scale);
  } else if (tab === "survival") {
    const hasSurvival = !!survivalPlan(App.design);
    $("survival-absent").hidden = hasSurvival;
    $("survival-fields").hidden = !hasSurvival && !App.config.survival;
    renderSurvival(App.design, App.config);
    if (hasSurvival) {
      const ready = App.powerCurve && App.powerCurve.configText === App.configText;
      renderPowerCurve(ready ? App.powerCurve.curve : null, App.design, App.config);
    }
  } else if (tab === "monitoring") {
    recomputeMonitoring();
  } else if (tab === "simulation" && App.sim) {
    renderSimulation(App.sim.reply, App.design);
  }
}

// Marks the inputs of the field an error names (its JSON path).
function markField(path) {
  if (!path) return;
  const marked = [...document.querySelectorAll("[data-path]")].filter((n) =>
    path === n.dataset.path || path.startsWith(n.dataset.path + ".") || path.startsWith(n.dataset.path + "["));
  if (!marked.length && path.startsWith("design.information_fractions")) marked.push($("fractions"));
  for (const which of ["efficacy", "futility"]) {
    if (!marked.length && path.startsWith(`design.${which}`)) {
      marked.push($(path.includes("parameter") ? `${which}-parameter` : `${which}-family`));
    }
  }
  for (const n of marked) n.classList.add("field-error");
}

function recomputeMonitoring() {
  const looks = App.config.monitoring && App.config.monitoring.looks;
  if (!looks || !looks.length) {
    App.monitor = null;
    renderMonitoringEmpty("No looks yet: add the looks the committee has taken, or the committee's first look in the seed trial.");
    return;
  }
  const reply = Engine.monitor(App.configText);
  if (reply.error) {
    App.monitor = null;
    renderMonitoringEmpty("error: " + reply.error.message);
    $("monitor-banner").className = "banner error";
    return;
  }
  App.monitor = reply;
  renderMonitoring(reply);
}

// The power curve, from a worker; a newer config supersedes an older request.
let curveWanted = null;
let curveBusy = false;
function requestPowerCurve() {
  if (App.powerCurve && App.powerCurve.configText === App.configText) return;
  curveWanted = App.configText;
  if (!curveBusy) pumpPowerCurve();
}

async function pumpPowerCurve() {
  curveBusy = true;
  while (curveWanted !== null) {
    const text = curveWanted;
    curveWanted = null;
    try {
      const reply = await curveEngine.request("power-curve", text);
      if (!reply.error) App.powerCurve = {configText: text, curve: reply.plot.power_by_hazard_ratio};
      if (!reply.error && text === App.configText && currentTab() === "survival" && !dirty.survival) {
        renderPowerCurve(App.powerCurve.curve, App.design, App.config);
      }
    } catch (e) {
      // a cancelled or failed worker: the next request starts a new one
    }
  }
  curveBusy = false;
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

function survivalCsv() {
  const ss = App.design.result.sample_size;
  const keys = ["events", "calendar_time", "information_fraction", "drift", "efficacy_z", "hazard_ratio_at_bound",
                "crossing_probability", "cumulative_crossing_probability"];
  const lines = ["look," + keys.join(",")];
  ss.looks.forEach((l, k) => lines.push([k + 1, ...keys.map((key) => (l[key] === null || l[key] === undefined ? "" : l[key]))].join(",")));
  return lines.join("\n") + "\n";
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
  $("csv-design").addEventListener("click", () => App.design && download(fileStem() + "-bounds.csv", App.design.csv, "text/csv"));
  $("csv-survival").addEventListener("click", () => survivalPlan(App.design) &&
                                     download(fileStem() + "-looks.csv", survivalCsv(), "text/csv"));
  $("csv-simulation").addEventListener("click", () => App.sim && download(fileStem() + "-simulation.csv", App.sim.reply.csv, "text/csv"));
  $("csv-monitoring").addEventListener("click", () => App.monitor && download(fileStem() + "-monitoring.csv", App.monitor.csv, "text/csv"));
  $("report-monitoring").addEventListener("click", () => {
    if (!App.monitor) return;
    const reply = Engine.monitorReport(App.configText, new Date().toISOString().replace(/\.\d+Z$/, "Z"));
    if (reply.error) showStatus("error: " + reply.error.message, "error");
    else download(fileStem() + "-dmc-report.html", reply.html, "text/html");
  });
}

function wire() {
  document.querySelectorAll("[role=tab]").forEach((b) => b.addEventListener("click", () => selectTab(b.dataset.tab)));
  wireForm();
  wireLooksEditor();
  wireSimulation();
  document.querySelectorAll("input[name=bound-scale]").forEach((r) => r.addEventListener("change", () => {
    App.scale = r.value;
    if (App.design && !dirty.design) drawBounds(App.design, App.scale);
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
  document.body.dataset.ready = "1";
}

main().catch((e) => showStatus("The engine could not start: " + e.message, "error"));
