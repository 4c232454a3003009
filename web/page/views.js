// What the page shows: cards, tables, charts and notes, each drawn from the
// engine's reply (the contract JSON and the plot data). Numbers are only
// rounded for display here; none is computed.

const COLORS = {
  efficacy: "#1a5fb4",
  lower: "#6f3fa0",
  futility: "#c64600",
  harm: "#8f1d5e",
  control: "#3d3d3d",
  treatment: "#0b7a55",
  observed: "#c01c28",
  analytic: "#8a8a8a",
  beta: "#c64600",
};

function fixed(x, digits) {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

function pvalue(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return x < 1e-4 ? x.toExponential(2) : x.toFixed(6);
}

// The nominal p at a bound: none at a look without one (a null z), where the
// library's p of 0 would read as a result, as gsd's own tables print it.
function nominalP(z, p) {
  return z === null || z === undefined ? "–" : pvalue(p);
}

// A whole number with thousands separators (toLocaleString would load the
// locale data on first use, which costs the first redraw tens of ms).
function count(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") node.className = v;
    else if (k === "html") node.innerHTML = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function card(label, value, detail, id) {
  return el("div", {class: "stat", "data-stat": id}, el("span", {class: "stat-label"}, label),
            el("span", {class: "stat-value"}, value), detail ? el("span", {class: "stat-detail"}, detail) : null);
}

// header: [labels]; rows: [[cells]]; cells may be strings or nodes.
function fillTable(table, header, rows, keys) {
  const thead = el("thead", {}, el("tr", {}, ...header.map((h) => el("th", {scope: "col"}, h))));
  const tbody = el("tbody");
  rows.forEach((row, i) => {
    const tr = el("tr", keys ? {"data-row": keys[i]} : {});
    row.forEach((cell, j) => tr.append(el(j === 0 ? "th" : "td", j === 0 ? {scope: "row"} : {}, cell)));
    tbody.append(tr);
  });
  table.replaceChildren(thead, tbody);
}

function note(host, title, paragraphs) {
  host.replaceChildren(el("h3", {}, title), ...paragraphs.map((p) => el("p", {html: p})));
}

// ------------------------------------------------------------------ design

function renderDesign(reply, scale) {
  const r = reply.result;
  const b = r.boundaries;
  const looks = b.looks;
  const twoSided = b.sided === 2;
  const cards = document.getElementById("design-cards");
  cards.replaceChildren(
    card("Drift θ√I_max", fixed(b.drift, 4), `gives power ${fixed(b.power, 4)}`, "drift"),
    card("Inflation factor", fixed(b.inflation_factor, 4), "I_max / I_fixed", "inflation"),
    card("E[information] under H0", fixed(b.average_sample_number_h0, 4),
         `× a fixed design's (${fixed(b.expected_information_fraction_h0, 3)} of I_max)`, "e0"),
    card("E[information] under H1", fixed(b.average_sample_number_h1, 4),
         `× a fixed design's (${fixed(b.expected_information_fraction_h1, 3)} of I_max)`, "e1"));
  drawBounds(reply, scale);
  drawSpending(reply);

  const hasFutility = looks.some((l) => l.futility_z !== null && l.futility_z !== undefined);
  fillDesignTable(looks, twoSided, hasFutility);
  renderDesignNotes(b, hasFutility);
}

function fillDesignTable(looks, twoSided, hasFutility) {
  const hasHarm = looks.some((l) => l.harm_z !== null && l.harm_z !== undefined);
  const header = ["Look", "Information fraction", "Efficacy z", `Nominal p (${twoSided ? "two" : "one"}-sided)`,
                  "Cumulative α"];
  if (hasHarm) header.push("Harm z");
  if (hasFutility) header.push("Futility z");
  header.push("P(stop, efficacy | H0)", "P(stop, efficacy | H1)");
  if (hasFutility) header.push("P(stop, futility | H0)", "P(stop, futility | H1)");
  const rows = looks.map((l, k) => {
    const row = [String(k + 1), fixed(l.information_fraction, 4), fixed(l.efficacy_z, 4),
                 nominalP(l.efficacy_z, twoSided ? l.nominal_p_two_sided : l.nominal_p_one_sided), pvalue(l.cumulative_alpha)];
    if (hasHarm) row.push(fixed(l.harm_z, 4));
    if (hasFutility) row.push(fixed(l.futility_z, 4));
    row.push(fixed(l.probability_efficacy_h0, 4), fixed(l.probability_efficacy_h1, 4));
    if (hasFutility) row.push(fixed(l.probability_futility_h0, 4), fixed(l.probability_futility_h1, 4));
    return row;
  });
  fillTable(document.getElementById("table-design"), header, rows, looks.map((_, k) => k + 1));
}

function drawBounds(reply, scale) {
  const r = reply.result;
  const plot = reply.plot.boundaries;
  const looks = r.boundaries.looks;
  const twoSided = r.boundaries.sided === 2;
  const host = document.getElementById("chart-bounds");
  const caption = document.getElementById("bounds-caption");
  const t = plot.information_fraction;
  const hasFutility = plot.futility_z.some((v) => v !== null);
  if (scale === "p") {
    const p = looks.map((l) => (twoSided ? l.nominal_p_two_sided : l.nominal_p_one_sided));
    const series = [{name: "efficacy", x: t, y: p, color: COLORS.efficacy, markers: "circle"}];
    if (hasFutility) {
      series.push({name: "futility", x: t, y: twoSided ? plot.futility_p_two_sided : plot.futility_p,
                   color: COLORS.futility, markers: "diamond"});
    }
    drawChart(host, {
      aspect: 0.42,
      x: {label: "information fraction", min: 0, max: 1},
      y: {label: `nominal p at the bound (${twoSided ? "two" : "one"}-sided)`, log: true},
      series,
    });
    caption.textContent = "A look rejects H0 when its p-value is below the efficacy line" +
      (hasFutility ? "; it stops for futility when its p-value is above the futility line." : ".");
    return;
  }
  if (scale === "hr") {
    const ss = currentPlan();
    const margin = nullHazardRatio(App.config);
    if (!ss) {
      host.replaceChildren(el("p", {class: "absent"}, App.config.survival ? "Computing the survival plan…" :
                                                      "The hazard-ratio scale needs a survival model (Survival tab)."));
      caption.textContent = "";
      return;
    }
    drawChart(host, {
      aspect: 0.42,
      x: {label: "events", min: 0},
      y: {label: "hazard ratio at the bound"},
      series: hrSeries(ss, currentFull().plot.boundaries, twoSided),
      hlines: margin === 1 ? [{y: 1, label: "HR 1"}] : [{y: 1, label: "HR 1"}, {y: margin, label: `margin ${margin}`, dash: "2 3"}],
    });
    caption.textContent = "An observed hazard ratio below the efficacy line at that look crosses the bound " +
                          `(${margin === 1 ? "" : "margin · "}exp(−z / √I), I = events · r / (1 + r)²)` +
                          (!hasFutility ? "." : twoSided ? "; one between the two futility lines stops for futility." :
                                                           "; one above the futility line stops for futility.");
    return;
  }
  const series = [{name: "efficacy", x: t, y: plot.efficacy_z, color: COLORS.efficacy, markers: "circle"}];
  if (plot.lower_z.some((v) => v !== null)) {
    series.push({name: "lower (two-sided)", x: t, y: plot.lower_z, color: COLORS.lower, markers: "circle"});
  }
  if (looks.some((l) => l.harm_z !== null && l.harm_z !== undefined)) {
    series.push({name: "harm", x: t, y: looks.map((l) => l.harm_z ?? null), color: COLORS.harm, markers: "square"});
  }
  if (hasFutility && twoSided) {
    // Two-sided: the trial stops for futility when |z| is below the bound.
    series.push({name: "futility (|z| below)", x: t, y: plot.futility_z, color: COLORS.futility, markers: "diamond"});
    series.push({x: t, y: plot.futility_lower_z, color: COLORS.futility, markers: "diamond"});
  } else if (hasFutility) {
    series.push({name: "futility", x: t, y: plot.futility_z, color: COLORS.futility, markers: "diamond"});
  }
  drawChart(host, {
    aspect: 0.42,
    x: {label: "information fraction", min: 0, max: 1},
    y: {label: "z"},
    series,
    hlines: [{y: 0, dash: "2 3"}],
  });
  caption.textContent = "Stop for benefit above the efficacy bound" +
    (twoSided ? ", for harm below the lower bound" : "") +
    (!hasFutility ? "." : twoSided ? ", for futility when z lies between the two futility lines (|z| below the bound)." :
                                     ", for futility below the futility bound.");
}

// The bounds of a survival plan on the hazard-ratio scale, at each look's
// events (the engine's plot data): efficacy, and futility where there is one
// (two-sided: both edges of the region between them).
function hrSeries(ss, plot, twoSided) {
  const events = ss.looks.map((l) => l.events);
  const series = [{name: "efficacy", x: events, y: ss.looks.map((l) => l.hazard_ratio_at_bound),
                   color: COLORS.efficacy, markers: "circle"}];
  if ((plot.futility_hazard_ratio || []).some((v) => v !== null)) {
    series.push({name: twoSided ? "futility (between)" : "futility", x: plot.events, y: plot.futility_hazard_ratio,
                 color: COLORS.futility, markers: "diamond"});
    if (twoSided) series.push({x: plot.events, y: plot.futility_lower_hazard_ratio, color: COLORS.futility, markers: "diamond"});
  }
  return series;
}

function drawSpending(reply) {
  const s = reply.plot.spending;
  const looks = reply.result.boundaries.looks;
  const series = [];
  if (s.alpha) series.push({name: "α spent", x: s.alpha.x, y: s.alpha.y, color: COLORS.efficacy});
  if (s.beta) series.push({name: "β spent (futility)", x: s.beta.x, y: s.beta.y, color: COLORS.beta, dash: "6 4"});
  drawChart(document.getElementById("chart-spending"), {
    x: {label: "information fraction", min: 0, max: 1},
    y: {label: "cumulative error spent", min: 0},
    series,
    points: looks.map((l) => ({x: l.information_fraction, y: l.cumulative_alpha, color: COLORS.efficacy})),
  });
  document.getElementById("spending-caption").textContent = s.alpha ?
    "Dots: α spent by each look." :
    "A classical family has no spending function; dots: α spent by each look.";
}

// ---------------------------------------------------------------- survival

function renderSurvival(reply, config) {
  const ss = survivalPlan(reply);
  const plot = reply.plot;
  const cards = document.getElementById("survival-cards");
  // Without a survival plan (bounds alone, or a normal or binary endpoint)
  // there are no curves, calendar or note to show: their cards are hidden,
  // and emptied, captions too, so that none of an earlier config's is left.
  document.querySelectorAll("#tab-survival [data-survival-output]").forEach((n) => {
    n.hidden = !ss;
  });
  if (!ss) {
    cards.replaceChildren();
    renderPlanWarnings([]);
    document.getElementById("survival-method-line").replaceChildren();
    for (const id of ["chart-survival", "chart-hazard", "chart-events", "chart-power"]) {
      document.getElementById(id).replaceChildren();
    }
    for (const id of ["hazard-caption", "events-caption", "power-caption"]) {
      document.getElementById(id).textContent = "";
    }
    document.getElementById("note-schoenfeld").replaceChildren();
    document.getElementById("table-survival").replaceChildren();
    return;
  }
  const unit = ss.time_unit || "months";
  const exact = ss.method.name === "exact";
  const solved = ss.solved_for === "power" ? "solved" : `target ${fixed(config.survival.power, 2)}`;
  const powers = [card(exact ? "Power, event-driven" : `Power, ${ss.method.name}`, fixed(ss.power, 4),
                       `${solved}; ${exact ? "looks at random calendar times" : "proportional hazards"}`, "power")];
  if (!exact) {
    powers.push(card("Power, event-driven", fixed(ss.power_event_driven, 4), "this model's, at these sizes", "power-event-driven"));
  }
  powers.push(card("Power at the expected look times", fixed(ss.power_fixed_times, 4),
                   "as if each look came at its expected calendar time", "power-fixed-times"));
  cards.replaceChildren(
    card("Patients", count(ss.patients), ss.solved_for === "patients" ? "solved" : "given", "patients"),
    card("Events", count(ss.events), ss.solved_for === "power" ? "given" : "solved", "events"),
    ...powers,
    card("Study duration", fixed(ss.study_duration, 2), durationDetail(ss, unit), "duration"),
    card("Expected events", fixed(ss.expected_events, 1), `with early stops; duration ${fixed(ss.expected_duration, 1)} ${unit}`, "expected"));
  renderPlanWarnings(ss.warnings);
  document.getElementById("survival-method-line").replaceChildren(
    el("b", {}, "Method: "), `${ss.method.description} (${ss.method.reference}).`);

  renderSchoenfeldNote(ss, plot);
  drawSurvivalCharts(ss, plot, config);
  fillSurvivalTable(ss);
}

// After the study duration, as gsd design says it: the follow-up after
// accrual ends, or, when the final look comes before accrual ends (a
// negative follow_up), how long before and how many patients are enrolled
// by then (the engine's patients_at_study_end).
function durationDetail(ss, unit) {
  if (ss.follow_up < 0) {
    return `${unit}, ${fixed(-ss.follow_up, 2)} before accrual ends: about ${fixed(ss.patients_at_study_end, 1)} ` +
           `of the ${count(ss.patients)} patients are enrolled by the final look`;
  }
  return `${unit}; follow-up ${fixed(ss.follow_up, 2)} after accrual ends`;
}

// A config without a survival model: bounds alone, or a normal or binary
// endpoint, which gsd design sizes in patients (it has no curves or calendar
// to draw here, and a survival model cannot be added beside it).
function describeNoSurvival(config, reply) {
  const text = document.getElementById("survival-absent-text");
  const endpoint = config.endpoint;
  document.getElementById("add-survival").hidden = !!endpoint;
  if (!endpoint) {
    text.textContent = "This config has no survival model, so it gives bounds but no sample size.";
    return;
  }
  const kind = `This config sizes a ${endpoint.type || ""} endpoint, not a survival model`;
  const ss = reply && reply.result.sample_size;
  if (!ss) {
    text.textContent = `${kind}: its sample size follows.`;
    return;
  }
  text.replaceChildren(`${kind}: `, el("b", {}, `${count(ss.patients)} patients`),
    ` (${ss.solved_for === "patients" ? "solved" : "given"}), power ${fixed(ss.power, 4)}; expected patients ` +
    `${fixed(ss.expected_patients_h0, 1)} under H0 and ${fixed(ss.expected_patients_h1, 1)} under H1, against ` +
    `${fixed(ss.fixed_patients, 1)} for a fixed design (gsd design's sample size).`);
}

// The plan's warnings, as the engine words them (the command line prints the
// same sentences after "warning:").
function renderPlanWarnings(warnings) {
  const host = document.getElementById("survival-warnings");
  host.hidden = !warnings.length;
  host.replaceChildren(...(warnings.length ?
    [el("h3", {}, warnings.length === 1 ? "Warning" : "Warnings"), el("ul", {}, ...warnings.map((w) => el("li", {}, w)))] : []));
}

// The Survival tab's button says when the plan has warnings, whatever tab is shown.
function markPlanWarnings(ss) {
  const n = ss ? ss.warnings.length : 0;
  const tab = document.querySelector("[role=tab][data-tab=survival]");
  tab.classList.toggle("has-warnings", n > 0);
  tab.title = n ? `${n} warning${n > 1 ? "s" : ""} about the plan: see the Survival tab` : "";
}

function drawSurvivalCharts(ss, plot, config) {
  const unit = ss.time_unit || "months";
  const surv = plot.survival;
  drawChart(document.getElementById("chart-survival"), {
    x: {label: unit, min: 0},
    y: {label: "S(t)", min: 0, max: 1},
    series: [{name: "control", x: surv.control.x, y: surv.control.y, color: COLORS.control},
             {name: "treatment", x: surv.treatment.x, y: surv.treatment.y, color: COLORS.treatment}],
    hlines: [{y: surv.control_cure, color: COLORS.control, label: `cured ${fixed(surv.control_cure, 3)}`},
             {y: surv.treatment_cure, color: COLORS.treatment, label: `cured ${fixed(surv.treatment_cure, 3)}`}],
  });
  const hz = plot.hazard_ratio;
  const hlines = [{y: 1, label: "HR 1"}];
  if (config.survival && typeof config.survival.hazard_ratio_noncured === "number") {
    hlines.push({y: config.survival.hazard_ratio_noncured, color: COLORS.treatment,
                 label: `noncured ${config.survival.hazard_ratio_noncured}`});
  }
  drawChart(document.getElementById("chart-hazard"), {
    x: {label: unit, min: 0},
    y: {label: "hazard ratio, treatment / control", min: 0},
    series: [{name: "population hazard ratio", x: hz.x, y: hz.y, color: COLORS.treatment}],
    hlines,
  });
  document.getElementById("hazard-caption").textContent =
    "The ratio of the two arms' population hazards h(t) = (1 − π) f(t) / S(t); cut where it exceeds 5.";
  const ev = plot.events;
  drawChart(document.getElementById("chart-events"), {
    x: {label: `calendar time (${unit})`, min: 0},
    y: {label: "expected events", min: 0},
    series: [{name: "expected events", x: ev.x, y: ev.y, color: COLORS.efficacy}],
    hlines: [{y: ev.event_limit, label: `limit ${fixed(ev.event_limit, 1)}`, color: COLORS.analytic}],
    vlines: ev.looks.map((l, k) => ({x: l.calendar_time, label: `look ${k + 1}`, color: COLORS.efficacy})),
    points: ev.looks.map((l) => ({x: l.calendar_time, y: l.events, color: COLORS.efficacy})),
  });
  document.getElementById("events-caption").textContent =
    `Looks at ${ev.looks.map((l) => `${l.events} events (${fixed(l.calendar_time, 1)} ${unit})`).join(", ")}. ` +
    `The limit is the events these ${count(ss.patients)} patients can ever produce.`;

}

function fillSurvivalTable(ss) {
  const unit = ss.time_unit || "months";
  // A design with a futility bound: its z, the hazard ratio at it, and the
  // chance of a first exit below the efficacy region (futility, harm, or a
  // two-sided design's lower bound) at each look.
  const futility = ss.looks.some((l) => l.futility_z !== null && l.futility_z !== undefined);
  const header = ["Look", "Events", `Calendar time (${unit})`, "Drift E[Z]", "Efficacy z", "HR at bound",
                  ...(futility ? ["Futility z", "HR at futility"] : []),
                  "P(cross) at look", "Cumulative P(cross)", ...(futility ? ["P(stop below) at look"] : [])];
  const rows = ss.looks.map((l, k) => [String(k + 1), count(l.events), fixed(l.calendar_time, 2), fixed(l.drift, 4),
                                       fixed(l.efficacy_z, 4), fixed(l.hazard_ratio_at_bound, 4),
                                       ...(futility ? [fixed(l.futility_z, 4), fixed(l.hazard_ratio_at_futility, 4)] : []),
                                       fixed(l.crossing_probability, 4), fixed(l.cumulative_crossing_probability, 4),
                                       ...(futility ? [fixed(l.crossing_probability_lower, 4)] : [])]);
  fillTable(document.getElementById("table-survival"), header, rows, ss.looks.map((_, k) => k + 1));
}

// The hazard ratio under H0: 1, or a non-inferiority margin.
function nullHazardRatio(config) {
  const m = getPath(config, "survival.hazard_ratio_h0");
  return typeof m === "number" ? m : 1;
}

// The power curve arrives later, from the worker.
function renderPowerCurve(curve, reply, config) {
  const host = document.getElementById("chart-power");
  const caption = document.getElementById("power-caption");
  if (!curve) {
    host.replaceChildren(el("p", {class: "absent"}, "Computing the power at 41 hazard ratios…"));
    caption.textContent = "";
    return;
  }
  const ss = reply.result.sample_size;
  const hr = config.survival && config.survival.hazard_ratio_noncured;
  const points = typeof hr === "number" ? [{x: hr, y: ss.power, color: COLORS.observed, label: `plan: ${fixed(ss.power, 3)}`}] : [];
  // With a non-inferiority margin the engine's curve runs up to the margin.
  const margin = nullHazardRatio(config);
  drawChart(host, {
    x: {label: "hazard ratio among the noncured", min: 0.3, max: Math.max(1.1, margin)},
    y: {label: "power", min: 0, max: 1},
    series: [{name: "power at these patients and events", x: curve.x, y: curve.y, color: COLORS.efficacy}],
    points,
    hlines: [{y: reply.result.boundaries.alpha, label: "α", dash: "2 3"}],
    vlines: margin === 1 ? [] : [{x: margin, label: `margin ${margin}`, dash: "2 3"}],
  });
  caption.textContent = "The cure fractions stay as given; only the noncured hazard ratio changes." +
                        (margin === 1 ? "" : " At the non-inferiority margin the power falls to α.");
}

// -------------------------------------------------------------- simulation

function renderSimulation(reply, designReply) {
  const s = reply.result.simulation;
  renderSideTests(s);  // hidden without simulation.tests (an endpoint's trials have none)
  // A normal or binary endpoint's trial looks at patients and has no curves.
  if (!s.look_events) {
    renderEndpointSimulation(reply);
    return;
  }
  const ss = survivalPlan(designReply);
  document.getElementById("gsd-simulation-result").textContent = reply.result_text;
  document.getElementById("sim-cards").replaceChildren(
    card("Simulated power", fixed(s.power, 4), `SE ${fixed(s.power_se, 4)}, ${count(s.replicates)} trials, seed ${s.seed}`, "power"),
    card("Analytic power", fixed(s.analytic_power, 4), "event-driven plan", "analytic"),
    card("Expected events", fixed(s.expected_events, 1), ss ? `analytic ${fixed(ss.expected_events, 1)}` : null, "events"),
    card("Expected duration", fixed(s.expected_duration, 1), ss ? `analytic ${fixed(ss.expected_duration, 1)}` : null, "duration"),
    card("Expected patients", fixed(s.expected_patients, 1), `of ${count(s.patients)}`, "patients"));
  const analytic = ss ? ss.looks.map((l) => l.crossing_probability) : s.reject_per_look.map(() => null);
  drawChart(document.getElementById("chart-stopping"), {
    x: {},
    y: {label: "probability of stopping for benefit", min: 0},
    bars: {groups: s.look_events.map((e, k) => `look ${k + 1} (${e} events)`),
           series: [{name: "simulated", values: s.reject_per_look, color: COLORS.efficacy},
                    {name: "analytic", values: analytic, color: COLORS.analytic}]},
  });
  const km = reply.plot;
  const series = [{name: "model, control", x: km.model.control.x, y: km.model.control.y, color: COLORS.control, width: 3},
                  {name: "model, treatment", x: km.model.treatment.x, y: km.model.treatment.y, color: COLORS.treatment, width: 3}];
  for (const rep of km.replicates) {
    series.push({x: rep.control.x, y: rep.control.y, color: COLORS.control, step: true, width: 1.2, opacity: 0.7, dash: "5 3", thin: true});
    series.push({x: rep.treatment.x, y: rep.treatment.y, color: COLORS.treatment, step: true, width: 1.2, opacity: 0.7, dash: "5 3", thin: true});
  }
  drawChart(document.getElementById("chart-km"), {
    x: {label: s.time_unit || "time", min: 0},
    y: {label: "S(t)", min: 0, max: 1},
    series,
  });
  // A two-sided design or a harm bound stops at its lower bound too: that
  // column, as gsd simulate prints it (P(harm)), only where it exists.
  const lower = s.reject_lower_per_look;
  // When the looks come: the share of trials that held each look and their
  // mean calendar time, beside the design's time of the look's events.
  const unit = s.time_unit || "time";
  const header = ["Look", "Events", "Stop for benefit, simulated", "Analytic",
                  ...(lower ? ["Stop for harm, simulated"] : []), "Futility stop, simulated", "Capped",
                  "Held", `Mean time (${unit}), simulated`, `Time (${unit}), design`];
  const rows = s.look_events.map((e, k) => [String(k + 1), count(e), fixed(s.reject_per_look[k], 4), fixed(analytic[k], 4),
                                           ...(lower ? [fixed(lower[k], 4)] : []),
                                           fixed(s.futility_per_look[k], 4), fixed(s.capped_per_look ? s.capped_per_look[k] : null, 4),
                                           fixed(s.held_per_look[k], 4), fixed(s.mean_time_per_look[k], 2),
                                           fixed(ss ? ss.looks[k].calendar_time : null, 2)]);
  rows.push(["All", "", fixed(s.power, 4), fixed(s.analytic_power, 4),
             ...(lower ? [fixed(s.reject_lower, 4)] : []), "", fixed(s.capped_fraction, 4), "", "", ""]);
  fillTable(document.getElementById("table-simulation"), header, rows, [...s.look_events.map((_, k) => k + 1), "all"]);
  renderSimulationNote(s);
}

function renderEndpointSimulation(reply) {
  const s = reply.result.simulation;
  const looks = s.look_patients || [];
  document.getElementById("gsd-simulation-result").textContent = reply.result_text;
  document.getElementById("sim-cards").replaceChildren(
    card("Simulated power", fixed(s.power, 4), `SE ${fixed(s.power_se, 4)}, ${count(s.replicates)} trials, seed ${s.seed}`, "power"),
    card("Analytic power", fixed(s.analytic_power, 4), "plan at these patients", "analytic"),
    card("Expected patients", fixed(s.expected_patients, 1), `of ${count(s.patients)}`, "patients"));
  drawChart(document.getElementById("chart-stopping"), {
    x: {},
    y: {label: "probability of stopping for benefit", min: 0},
    bars: {groups: looks.map((n, k) => `look ${k + 1} (${n} patients)`),
           series: [{name: "simulated", values: s.reject_per_look, color: COLORS.efficacy}]},
  });
  document.getElementById("chart-km").replaceChildren(
    el("p", {class: "absent"}, "A normal or binary endpoint has no survival curves."));
  const lower = s.reject_lower_per_look;
  const header = ["Look", "Patients", "Stop for benefit, simulated", ...(lower ? ["Stop for harm, simulated"] : []),
                  "Futility stop, simulated"];
  const rows = looks.map((n, k) => [String(k + 1), count(n), fixed(s.reject_per_look[k], 4),
                                    ...(lower ? [fixed(lower[k], 4)] : []),
                                    fixed(s.futility_per_look ? s.futility_per_look[k] : null, 4)]);
  rows.push(["All", "", fixed(s.power, 4), ...(lower ? [fixed(s.reject_lower, 4)] : []), ""]);
  fillTable(document.getElementById("table-simulation"), header, rows, [...looks.map((_, k) => k + 1), "all"]);
  renderSimulationNote(s);
}

// -------------------------------------------------------------- monitoring

// A survival trial's looks count events and estimate a hazard ratio; a normal
// or binary endpoint's count patients and estimate its effect
// (monitoring.effect_scale, e.g. a mean difference), with their own keys.
function monitoringScale(m) {
  if (m.planned_patients === undefined) {
    return {size: "events", sizeLabel: "Events", estimate: "hazard_ratio", estimateLabel: "HR",
            ci: "repeated_ci_hazard_ratio", finalEstimate: "median_unbiased_hazard_ratio", finalCi: "ci_hazard_ratio",
            estimateName: "hazard ratio"};
  }
  return {size: "patients", sizeLabel: "Patients", estimate: "effect", estimateLabel: "Estimate",
          ci: "repeated_ci_effect", finalEstimate: "median_unbiased_effect", finalCi: "ci_effect",
          estimateName: m.effect_scale || "effect"};
}

function renderMonitoring(reply) {
  const m = reply.result.monitoring;
  const sc = monitoringScale(m);
  const last = m.looks[m.looks.length - 1];
  document.getElementById("gsd-monitor-result").textContent = reply.result_text;
  const banner = document.getElementById("monitor-banner");
  banner.className = "banner decision-" + last.decision;
  banner.replaceChildren(el("strong", {}, last.decision.replace("-", " ")), " ", last.reason || "");
  if (last.advice) banner.append(el("span", {class: "advice"}, " " + last.advice));
  const header = ["Look", sc.sizeLabel, "Information fraction", "z", "Bound z", "Nominal p (bound)", "Decision", sc.estimateLabel,
                  `Repeated CI (${sc.estimateLabel})`, "Repeated p", "Conditional power", "CP (trend)", "Predictive power"];
  // A MaxCombo look is judged by its largest z (max_z); its bound carries
  // the error the multivariate normal probabilities leave in it.
  const bound = (l) => l.efficacy_z_error === undefined ? fixed(l.efficacy_z, 4) :
    `${fixed(l.efficacy_z, 4)} ± ${fixed(l.efficacy_z_error, 4)}`;
  const rows = m.looks.map((l, k) => [String(k + 1), fixed(l[sc.size], 0), fixed(l.information_fraction, 4), fixed(l.z ?? l.max_z, 4),
    bound(l), nominalP(l.efficacy_z, l.nominal_p_two_sided ?? l.nominal_p_one_sided), l.decision, fixed(l[sc.estimate], 4),
    l[sc.ci] ? `${fixed(l[sc.ci][0], 4)} to ${fixed(l[sc.ci][1], 4)}` : "–",
    pvalue(l.repeated_p_value), fixed(l.conditional_power, 4), fixed(l.conditional_power_trend, 4), fixed(l.predictive_power, 4)]);
  fillTable(document.getElementById("table-monitoring"), header, rows, m.looks.map((_, k) => k + 1));
  const fin = document.getElementById("monitor-final");
  if (m.final) {
    fin.replaceChildren(`After the stop at look ${m.final.look} (${m.final.ordering} ordering): p-value `,
      el("b", {}, pvalue(m.final.p_value)), `, median-unbiased ${sc.estimateName} `, el("b", {}, fixed(m.final[sc.finalEstimate], 4)),
      `, ${Math.round(100 * m.final.confidence_level)}% CI ${fixed(m.final[sc.finalCi][0], 4)} to ${fixed(m.final[sc.finalCi][1], 4)}.`);
  } else {
    fin.textContent = `Conditional power: ${m.conditional_power_basis || ""}.`;
  }
  const plot = reply.plot;
  drawChart(document.getElementById("chart-monitor"), {
    x: {label: sc.size, min: 0},
    y: {label: "z"},
    // The library says where the bounds were set (a weighted, MaxCombo, RMST
    // or milestone test: each at its own look, none beyond the last look).
    series: [{name: plot.bounds.set_at === "each_look" ? "bound at each look's information" : "bound at the last look's schedule",
              x: plot.bounds[sc.size], y: plot.bounds.efficacy_z, color: COLORS.efficacy, markers: "circle"},
             {name: "observed z", x: plot.observed[sc.size], y: plot.observed.z, color: COLORS.observed, markers: "square"}],
    points: m.looks.map((l) => ({x: l[sc.size], y: l.efficacy_z, color: COLORS.efficacy, shape: "ring"})),
    hlines: [{y: 0, dash: "2 3"}],
  });
  const cp = plot.conditional_power_by_hazard_ratio;
  const cpHost = document.getElementById("chart-cp");
  if (cp) {
    drawChart(cpHost, {
      x: {label: "true hazard ratio", min: 0.3, max: 1.2},
      y: {label: "conditional power", min: 0, max: 1},
      series: [{name: "conditional power", x: cp.x, y: cp.y, color: COLORS.efficacy}],
      vlines: [{x: last.hazard_ratio, label: "estimate", color: COLORS.observed}],
    });
    document.getElementById("cp-caption").textContent = "The probability of crossing a remaining planned bound, given the data so far.";
  } else {
    const why = m.test ?
      `The ${m.test.type} test is monitored on its own information scale, without conditional power.` :
      last.conditional_power === null || last.conditional_power === undefined ?
      "The trial has stopped: no conditional power." :
      "This endpoint has no curve against the hazard ratio: the table gives its conditional power at the " +
      "alternative and under the trend.";
    cpHost.replaceChildren(el("p", {class: "absent"}, why));
    document.getElementById("cp-caption").textContent = "";
  }
  renderMonitoringNote();
}

function renderMonitoringEmpty(message) {
  const banner = document.getElementById("monitor-banner");
  banner.className = "banner";
  banner.textContent = message;
  document.getElementById("gsd-monitor-result").textContent = "";
  document.getElementById("table-monitoring").replaceChildren();
  document.getElementById("monitor-final").textContent = "";
  document.getElementById("chart-monitor").replaceChildren();
  document.getElementById("chart-cp").replaceChildren();
  document.getElementById("cp-caption").textContent = "";
  // a Simon trial's (simon.js)
  for (const id of ["simon-monitor-cards", "table-simon-monitoring", "simon-monitor-reasons", "simon-monitor-warnings",
                    "chart-simon-monitor", "note-simon-monitoring"]) {
    document.getElementById(id).replaceChildren();
  }
  document.getElementById("simon-monitor-warnings").hidden = true;
  document.getElementById("simon-monitor-final").textContent = "";
  document.getElementById("simon-monitor-caption").textContent = "";
  renderMonitoringNote();
}
