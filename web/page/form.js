// The inputs of the Design and Survival tabs: each writes its field of the
// config (data-path="design.alpha" and the like), or, for the looks, the
// families and the solve mode, several fields at once. A Simon design's
// inputs (index.html, #simon-form) are all of the first kind.

const EFFICACY_FAMILIES = [
  {name: "lan-demets-obf", label: "Lan-DeMets O'Brien-Fleming"},
  {name: "lan-demets-pocock", label: "Lan-DeMets Pocock"},
  {name: "hsd", label: "Hwang-Shih-DeCani", parameter: "γ (gamma)", value: -4},
  {name: "power", label: "Kim-DeMets power", parameter: "ρ (rho)", value: 3},
  {name: "obrien-fleming", label: "O'Brien-Fleming (classical)"},
  {name: "pocock", label: "Pocock (classical)"},
  {name: "wang-tsiatis", label: "Wang-Tsiatis (classical)", parameter: "Δ (Delta)", value: 0.25},
  {name: "haybittle-peto", label: "Haybittle-Peto", parameter: "interim z", value: 3},
];
const FUTILITY_FAMILIES = [
  {name: "", label: "none"},
  {name: "lan-demets-obf", label: "Lan-DeMets O'Brien-Fleming"},
  {name: "lan-demets-pocock", label: "Lan-DeMets Pocock"},
  {name: "hsd", label: "Hwang-Shih-DeCani", parameter: "γ (gamma)", value: -2},
  {name: "power", label: "Kim-DeMets power", parameter: "ρ (rho)", value: 2},
];

function fillSelect(select, families, current) {
  const options = families.map((f) => new Option(f.label, f.name));
  if (current !== undefined && !families.some((f) => f.name === current)) {
    options.push(new Option(`${current} (from the config)`, current));
  }
  select.replaceChildren(...options);
  select.value = current === undefined ? families[0].name : current;
}

function family(list, name) {
  return list.find((f) => f.name === name) || {name, parameter: "parameter"};
}

function numberText(v) {
  return v === undefined || v === null ? "" : String(v);
}

// The Monitoring tab's plan of a normal or binary endpoint counts patients
// (monitoring.planned_patients) and takes no hazard ratio: its fields follow
// the config, so that none writes a key the engine refuses for it.
function syncMonitoringPlan(c) {
  const size = c.endpoint ? "patients" : "events";
  $("planned-events").dataset.path = `monitoring.planned_${size}`;
  $("planned-label").firstChild.textContent = `Planned ${size} `;
  $("assumed-hr-label").hidden = !!c.endpoint;
}

function syncForm() {
  const c = App.config;
  syncDesignType(c);
  syncMonitoringPlan(c);
  document.querySelectorAll("[data-path]").forEach((n) => {
    const v = getPath(c, n.dataset.path);
    if (n.type === "range") {
      if (typeof v === "number") n.value = v;
    } else if (n.tagName === "SELECT") {
      n.value = v === undefined ? n.options[0].value : String(v);
    } else {
      n.value = numberText(v);
    }
  });
  const design = c.design || {};
  const t = Array.isArray(design.information_fractions) ? design.information_fractions : [1];
  $("looks-count").value = t.length;
  $("looks-slider").value = Math.min(10, t.length);
  if (document.activeElement !== $("fractions")) {
    $("fractions").value = t.map((x) => (typeof x === "number" ? +x.toFixed(4) : x)).join(", ");
  }
  const eff = design.efficacy || {spending: "lan-demets-obf"};
  fillSelect($("efficacy-family"), EFFICACY_FAMILIES, eff.spending);
  syncParameter("efficacy", EFFICACY_FAMILIES, eff);
  const fut = design.futility;
  fillSelect($("futility-family"), FUTILITY_FAMILIES, fut && !fixedFutilityKey(fut) ? fut.spending : "");
  syncParameter("futility", FUTILITY_FAMILIES, fut && !fixedFutilityKey(fut) ? fut : {spending: ""});
  $("futility-binding").checked = !!(fut && fut.binding);
  $("futility-binding").disabled = !fut;

  const s = c.survival;
  if (s) {
    const ctl = s.control || {};
    const latencyKey = ["hazard", "weibull", "piecewise"].find((k) => k in ctl);
    $("control-median-label").hidden = !!latencyKey;
    $("control-latency-note").hidden = !latencyKey;
    $("control-latency-note").textContent = latencyKey ? `Control latency: ${latencyKey}, as in the config.` : "";
    const byHr = !("treatment" in s && s.treatment && "median_noncured" in s.treatment) || "hazard_ratio_noncured" in s;
    document.querySelector(`input[name=effect][value=${byHr ? "hr" : "median"}]`).checked = true;
    $("hr-label").hidden = !byHr;
    $("treatment-median-label").hidden = byHr;
    const piecewise = s.accrual && "piecewise" in s.accrual;
    $("accrual-label").hidden = !!piecewise;
    $("accrual-note").hidden = !piecewise;
    $("accrual-note").textContent = piecewise ? "Accrual: piecewise rates, as in the config." : "";
    const mode = solveMode(s);
    $("solve-mode").value = mode;
    document.querySelectorAll("[data-mode]").forEach((n) => {
      n.hidden = !n.dataset.mode.split(" ").includes(mode);
    });
    if (!("cure_fraction" in (s.treatment || {}))) {
      $("survival-fields").querySelector('[data-path="survival.treatment.cure_fraction"]').placeholder =
        numberText(ctl.cure_fraction);
    }
  }
  const mon = c.monitoring || {};
  $("planned-events").placeholder = s && s.events ? String(s.events) : c.endpoint ? "the plan's" : "";
  renderLooksEditor(mon.looks || []);
  syncBoundaryForm();
  syncSimulationFields(c);
}

function syncParameter(which, families, spec) {
  const f = family(families, spec.spending);
  const label = $(`${which}-parameter-label`);
  const input = $(`${which}-parameter`);
  const hasParameter = !!f.parameter || spec.parameter !== undefined;
  label.hidden = !hasParameter;
  label.firstChild.textContent = (f.parameter || "Parameter") + " ";
  input.value = numberText(spec.parameter);
  input.placeholder = f.value !== undefined ? String(f.value) : "";
}

function solveMode(s) {
  if ("follow_up" in s) return "patients";
  if ("power" in s) return "events";
  return "power";
}

function readNumber(input) {
  if (input.value === "") return undefined;
  const v = Number(input.value);
  return Number.isFinite(v) ? v : undefined;
}

// Text that is not a (finite) number. A browser gives a number input holding
// such text the value "" (validity.badInput), which must not be read as an
// empty field: that would leave the key out and run on the engine's default.
function unreadable(input) {
  return input.validity.badInput || (input.value !== "" && !Number.isFinite(Number(input.value)));
}

// Refuses a field's unreadable text as the engine refuses a value: the status
// names the key, the field is marked, the config stays as it was and the
// outputs of the last config go grey.
function refuseUnreadable(input, path) {
  showStatus(`error: ${path} is not a number; type a number, or empty the field to leave the key out`, "error");
  input.classList.add("field-error");
  document.body.classList.add("stale");
}

function onPathInput(event) {
  const n = event.target;
  const path = n.dataset.path;
  let v;
  if (n.tagName === "SELECT") {
    v = n.dataset.type === "int" ? parseInt(n.value, 10) : n.value;
    if (n.value === n.dataset.default) v = undefined;  // the engine's default: the key is left out
  } else {
    if (unreadable(n)) {
      refuseUnreadable(n, path);
      return;
    }
    // A whole-number field passes 202.4 on as typed, for the engine to
    // refuse as the command line does, rather than rounding it unseen.
    v = readNumber(n);
  }
  if (v === undefined) deletePath(App.config, path);
  else setPath(App.config, path, v);
  // keep the twin (number box or slider) of this field in step
  document.querySelectorAll(`[data-path="${path}"]`).forEach((m) => {
    if (m !== n && m.tagName !== "SELECT") m.value = v === undefined ? "" : v;
  });
  if (path.startsWith("monitoring.")) tidyMonitoring();
  commit();
}

// The number of looks as typed, refused unless it is a whole number from 1 to
// the field's max (the engine's most looks), rather than rounded or clamped
// unseen (26 had become 25, an empty field or -1 one look).
function onLooksCount() {
  const input = $("looks-count");
  const most = Number(input.max);
  const k = Number(input.value);
  if (input.value !== "" && !unreadable(input) && Number.isInteger(k) && k >= 1 && k <= most) {
    setLooks(k);
    return;
  }
  const rule = `a whole number from 1 to ${most}`;
  const given = unreadable(input) ? ` is not a number; type ${rule}` : input.value === "" ? ` is empty; type ${rule}` :
    ` = ${input.value} must be ${rule}; type how many looks`;
  showStatus(`error: the number of looks K${given}, or list the information fractions`, "error");
  input.classList.add("field-error");
  document.body.classList.add("stale");
}

function setLooks(k) {
  edit((c) => {
    c.design = c.design || {};
    c.design.information_fractions = Array.from({length: k}, (_, i) => (i + 1) / k);
    for (const key of ["efficacy_stops", "futility_stops", "harm_stops", "spending_time"]) delete c.design[key];
    if (c.survival) delete c.survival.looks;
  });
}

function onFractions() {
  const text = $("fractions").value.trim();
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  const values = parts.map(Number);
  if (!parts.length || values.some((v) => !Number.isFinite(v))) {
    refuseList($("fractions"), "Information fractions: numbers separated by commas, e.g. 0.5, 0.75, 1");
    return;
  }
  App.config.design = App.config.design || {};
  App.config.design.information_fractions = values;
  $("looks-count").value = values.length;
  $("looks-slider").value = Math.min(10, values.length);
  commit();
}

function onFamily(which, families) {
  const name = $(`${which}-family`).value;
  edit((c) => {
    c.design = c.design || {};
    if (!name) {
      delete c.design.futility;
      return;
    }
    const f = family(families, name);
    const spec = {spending: name};
    if (f.value !== undefined) spec.parameter = f.value;
    if (which === "futility" && c.design.futility && c.design.futility.binding) spec.binding = true;
    c.design[which] = spec;
  });
}

function onParameter(which) {
  const input = $(`${which}-parameter`);
  const spec = App.config.design && App.config.design[which];
  if (!spec) return;
  if (unreadable(input)) {
    refuseUnreadable(input, `design.${which}.parameter`);
    return;
  }
  const v = readNumber(input);
  if (v === undefined) delete spec.parameter;
  else spec.parameter = v;
  commit();
}

// The last plan known (perhaps of the config before this edit), or null.
function lastPlan() {
  return App.full ? App.full.reply.result.sample_size || null : null;
}

function onEffect() {
  const byHr = document.querySelector("input[name=effect]:checked").value === "hr";
  const plan = lastPlan();
  edit((c) => {
    const s = c.survival;
    s.treatment = s.treatment || {};
    if (byHr) {
      delete s.treatment.median_noncured;
      s.hazard_ratio_noncured = s.hazard_ratio_noncured ?? 0.63;
    } else {
      delete s.hazard_ratio_noncured;
      s.treatment.median_noncured = plan ? +plan.treatment.median_noncured.toFixed(2) : 11;
    }
  });
}

// Switching what is solved for keeps the numbers of the current plan, as far
// as the engine takes them: a target power inside (0, 1) (a plan's 0.9969
// is not written as 1) and a follow-up of at least 0 (a final look before
// accrual ends has a negative one).
function onSolveMode() {
  const mode = $("solve-mode").value;
  const plan = lastPlan();
  edit((c) => {
    const s = c.survival;
    const power = s.power ?? (plan ? Math.min(0.99, Math.max(0.05, +plan.power.toFixed(2))) : 0.8);
    for (const key of ["patients", "events", "power", "follow_up"]) delete s[key];
    if (mode === "power") {
      s.patients = plan ? plan.patients : 200;
      s.events = plan ? plan.events : 100;
    } else if (mode === "patients") {
      s.power = power;
      s.follow_up = plan ? Math.max(0, +plan.follow_up.toFixed(1)) : 12;
    } else {
      s.power = power;
      s.patients = plan ? plan.patients : 200;
    }
  });
}

function wireForm() {
  document.querySelectorAll("[data-path]").forEach((n) => {
    n.addEventListener(n.tagName === "SELECT" ? "change" : "input", onPathInput);
  });
  $("looks-slider").addEventListener("input", (e) => setLooks(Number(e.target.value)));
  $("looks-count").addEventListener("change", onLooksCount);
  $("fractions").addEventListener("change", onFractions);
  $("equal-spacing").addEventListener("click", onLooksCount);
  $("efficacy-family").addEventListener("change", () => onFamily("efficacy", EFFICACY_FAMILIES));
  $("futility-family").addEventListener("change", () => onFamily("futility", FUTILITY_FAMILIES));
  $("efficacy-parameter").addEventListener("input", () => onParameter("efficacy"));
  $("futility-parameter").addEventListener("input", () => onParameter("futility"));
  $("futility-binding").addEventListener("change", (e) => edit((c) => {
    if (e.target.checked) c.design.futility.binding = true;
    else delete c.design.futility.binding;
  }));
  document.querySelectorAll("input[name=effect]").forEach((r) => r.addEventListener("change", onEffect));
  $("solve-mode").addEventListener("change", onSolveMode);
  $("add-survival").addEventListener("click", () => edit((c) => {
    c.survival = clone(seedConfig().survival);
  }));
  wireBoundaryForm();
}
