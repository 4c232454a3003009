// The survival plan and the power curve. Every change draws the boundaries
// at once (the engine's gsd_web_boundaries on the page's thread, a few ms).
// The plan of a survival model (gsd_web_design, what `gsd design` prints)
// can take far longer at many looks, so after an edit a Web Worker computes
// it, and the Survival tab, the hazard-ratio scale and #gsd-result follow
// when it arrives; meanwhile #gsd-result is empty with data-pending, and the
// Survival tab's outputs stay in grey. A config that is opened (the page, a
// link, a file, the seed) has its plan computed on the page's thread right
// after the first frame, so that body[data-ready] means #gsd-result is
// filled, also for a browser that dumps the page without waiting for
// workers. A newer config supersedes an older request in both queues.

// The page is ready for scripts: the design of the opened config is final.
function markReady() {
  if (document.body.dataset.ready === "1") return;
  App.timings.ready = performance.now();
  document.body.dataset.ready = "1";
}

// The whole design for the current config, once it is known.
function currentFull() {
  return App.full && App.full.configText === App.configText ? App.full.reply : null;
}

function currentPlan() {
  return survivalPlan(currentFull());
}

function setFullDesign(configText, reply) {
  App.full = {configText, reply};
  const result = $("gsd-result");
  delete result.dataset.pending;
  delete result.dataset.error;
  result.textContent = reply.result_text;
  markPlanWarnings(survivalPlan(reply));
  $("tab-survival").classList.remove("results-pending");
  markReady();
}

// A config with a survival model: the plan is asked for, on this thread
// after the next frame (`here`), or from the worker.
function awaitPlan(here) {
  const result = $("gsd-result");
  result.textContent = "";
  delete result.dataset.error;
  result.dataset.pending = "1";
  $("tab-survival").classList.add("results-pending");
  if (!here) {
    requestPlan();
    return;
  }
  const text = App.configText;
  requestAnimationFrame(() => setTimeout(() => {
    if (text !== App.configText) return;  // an edit came first and asked the worker
    const t0 = performance.now();
    onPlan(text, Engine.design(text), performance.now() - t0, "this thread");
  }, 0));
}

function onPlan(configText, reply, ms, where) {
  if (configText !== App.configText) return;  // superseded by a newer edit
  if (reply.error) {
    showDesignError(reply.error);
    return;
  }
  setFullDesign(configText, reply);
  App.timings.lastPlanAt = performance.now();
  if (App.timings.firstPlan === null) App.timings.firstPlan = App.timings.lastPlanAt;
  // Once per plan: a plan computed again for the same bounds replaces its line.
  const timing = $("timing").textContent.replace(/ Survival plan in \d+ ms \([^)]*\)\./g, "");
  $("timing").textContent = `${timing} Survival plan in ${ms.toFixed(0)} ms (${where}).`;
  const moved = takePlanBounds(reply);
  dirty.survival = true;
  dirty.simulation = true;
  const tab = currentTab();
  if (tab === "survival" || tab === "simulation" || (tab === "design" && moved)) renderTab(tab);
  else if (tab === "design" && App.scale === "hr" && !dirty.design) drawBounds(App.design, App.scale);
  if (survivalPlan(reply)) requestAnimationFrame(() => setTimeout(requestPowerCurve, 0));
}

// A plan can move the looks it was given (whole events in an integer plan,
// calendar looks, a cap): `gsd design` then prints the bounds recomputed at
// the plan's information fractions, not the planned ones that the boundaries
// alone drew at once. The Design tab takes the plan's bounds, so that it shows
// what #gsd-result and the command line hold. True when they differ.
function takePlanBounds(reply) {
  const moved = JSON.stringify(reply.result.boundaries) !== JSON.stringify(App.design.result.boundaries);
  if (moved) {
    App.design = reply;
    dirty.design = true;
  }
  return moved;
}

let planWanted = null;
let planBusy = false;
function requestPlan() {
  planWanted = App.configText;
  if (!planBusy) pumpPlan();
}

async function pumpPlan() {
  planBusy = true;
  while (planWanted !== null) {
    const text = planWanted;
    planWanted = null;
    const t0 = performance.now();
    try {
      const reply = await planEngine.request("design", text);
      onPlan(text, reply, performance.now() - t0, "worker");
    } catch (e) {
      // a failed worker: the next request starts a new one
    }
  }
  planBusy = false;
}

// The Survival tab: the current plan, or the last one in grey until it comes.
function renderSurvivalTab() {
  const hasSurvival = !!App.config.survival;
  $("survival-absent").hidden = hasSurvival;
  $("survival-fields").hidden = !hasSurvival;
  const full = currentFull();
  if (!hasSurvival) describeNoSurvival(App.config, full);
  $("tab-survival").classList.toggle("results-pending", hasSurvival && !full);
  if (!full) {
    if (!hasSurvival) renderSurvival(App.design, App.config);
    dirty.survival = true;  // drawn when the plan arrives
    return;
  }
  renderSurvival(full, App.config);
  if (survivalPlan(full)) {
    const ready = App.powerCurve && App.powerCurve.configText === App.configText;
    renderPowerCurve(ready ? App.powerCurve.curve : null, full, App.config);
  }
}

// The power curve (41 survival plans), from another worker.
let curveWanted = null;
let curveBusy = false;
function requestPowerCurve() {
  if (App.powerCurve && App.powerCurve.configText === App.configText) return;
  if (!currentPlan()) return;
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
        renderPowerCurve(App.powerCurve.curve, currentFull(), App.config);
      }
    } catch (e) {
      // a cancelled or failed worker: the next request starts a new one
    }
  }
  curveBusy = false;
}
