// Simon's two-stage design (design.type "simon-two-stage"): a single-arm
// trial of a response rate, n1 patients in stage 1, a stop after it with r1
// or fewer responders, and the treatment promising with more than r
// responders of all n. The engine gives its whole result at once (the
// boundaries call is complete); the Design tab then shows the chosen design's
// rules, the admissible designs, the operating characteristics and the
// probabilities over the true rate in place of the bounds. Every number is
// the engine's (simon_two_stage of the result, plot.simon), only rounded.

const SIMON_TYPE = "simon-two-stage";

function isSimonConfig(config) {
  return !!(config && config.design && typeof config.design === "object" && config.design.type === SIMON_TYPE);
}

function isSimonReply(reply) {
  return !!(reply && reply.result && reply.result.design_type === SIMON_TYPE);
}

// The page follows the config's design type: a Simon config has its own
// inputs and outputs on the Design and Monitoring tabs (style.css shows
// .simon-only and hides .gs-only), and no Survival or Simulation tab, as it
// has nothing to size in time or simulate. Called before the config is
// computed, so that a rejected Simon config keeps the Simon inputs to
// correct it.
function syncDesignType(config) {
  const simon = isSimonConfig(config);
  const type = simon ? SIMON_TYPE : "group-sequential";
  // The cards and the banner are shared: the other kind's must not stay in grey under an error.
  if (document.body.dataset.designType && document.body.dataset.designType !== type) {
    document.getElementById("design-cards").replaceChildren();
    renderMonitoringEmpty("");
  }
  document.body.dataset.designType = type;
  document.querySelectorAll("[role=tab][data-group-sequential]").forEach((b) => {
    b.hidden = simon;
  });
  syncSimonLooks(config);
  if (simon && document.querySelector(`[role=tab][data-tab="${currentTab()}"]`).hidden) {
    // back to the Design tab; it is drawn with the new config's reply
    document.querySelectorAll("[role=tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === "design")));
    document.querySelectorAll("[role=tabpanel]").forEach((p) => {
      p.hidden = p.id !== "tab-design";
    });
  }
}

// A weight q as the command line prints it: 0, 0.293, 1.
function weight(x) {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : String(+x.toFixed(3));
}

function rateText(x) {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : String(+x.toFixed(6));
}

function renderSimonDesign(reply) {
  const s = reply.result.simon_two_stage;
  const plot = reply.plot.simon;
  const d = s.design;
  document.getElementById("design-cards").replaceChildren(
    card("Stage 1", count(d.n1), d.r1 === 0 ? "patients; stop if none of them responds" :
                                              `patients; stop with ${count(d.r1)} or fewer responders`, "stage1"),
    card("Both stages", count(d.n), `patients in all; promising with more than ${count(d.r)} responders`, "total"),
    card("α", fixed(d.alpha, 4), `P(promising) at p0 = ${rateText(s.rate_h0)}; at most ${s.alpha}`, "alpha"),
    card("Power", fixed(d.power, 4), `P(promising) at p1 = ${rateText(s.rate_h1)}; at least ${rateText(plot.power_target)}`, "power"),
    card("Expected patients under p0", fixed(d.expected_patients_h0, 2),
         `stops after stage 1 with probability ${fixed(d.early_stop_h0, 4)}; under p1 ` +
         `${fixed(d.expected_patients_h1, 2)} patients, ${fixed(d.early_stop_h1, 4)}`, "en0"));
  renderSimonRules(s, plot);
  renderSimonWarnings(s.warnings);
  drawSimonCharts(s, plot);
  fillSimonTable(s);
  fillSimonCharacteristics(s);
  renderSimonNotes(s);
}

// The design's warnings, as the engine words them (an optimum near the
// search's bound).
function renderSimonWarnings(warnings) {
  const host = $("simon-warnings");
  host.hidden = !warnings.length;
  host.replaceChildren(...(warnings.length ?
    [el("h3", {}, "Warning"), el("ul", {}, ...warnings.map((w) => el("li", {}, w)))] : []));
}

// The chosen design's rules in words, as `gsd design` words them.
function renderSimonRules(s, plot) {
  const d = s.design;
  const both = s.admissible.length === 1;
  const name = both ? `The ${s.criterion} design (also the ${s.criterion === "optimal" ? "minimax" : "optimal"})` :
                      `The ${s.criterion} design`;
  $("simon-rules").replaceChildren(
    el("h2", {}, `${name}: ${d.r1}/${d.n1}, ${d.r}/${d.n}`),
    el("ol", {class: "rules"},
       el("li", {"data-stage": "1"}, el("b", {}, "Stage 1: "), "treat ", el("b", {"data-key": "n1"}, count(d.n1)),
          ...(d.r1 === 0 ? [" patients; stop if none of them responds (", el("b", {"data-key": "r1"}, "0"), " responders)."] :
                           [" patients; stop if ", el("b", {"data-key": "r1"}, count(d.r1)), " or fewer respond."])),
       el("li", {"data-stage": "2"}, el("b", {}, "Stage 2: "), `treat ${count(d.n - d.n1)} more, `,
          el("b", {"data-key": "n"}, count(d.n)), " in all; the treatment is promising if more than ",
          el("b", {"data-key": "r"}, count(d.r)), ` respond (${count(d.r + 1)} or more).`)),
    el("p", {class: "rules-summary"},
       `α ${fixed(d.alpha, 4)} (at most ${s.alpha}), power ${fixed(d.power, 4)} (at least ${rateText(plot.power_target)}). ` +
       `Under p0 = ${rateText(s.rate_h0)} the trial stops after stage 1 with probability ${fixed(d.early_stop_h0, 4)} ` +
       `and treats ${fixed(d.expected_patients_h0, 2)} patients on average; under p1 = ${rateText(s.rate_h1)}, ` +
       `${fixed(d.early_stop_h1, 4)} and ${fixed(d.expected_patients_h1, 2)}.`));
}

function drawSimonCharts(s, plot) {
  const d = s.design;
  const rates = [{x: plot.rate_h0, label: `p0 ${rateText(plot.rate_h0)}`, color: COLORS.control},
                 {x: plot.rate_h1, label: `p1 ${rateText(plot.rate_h1)}`, color: COLORS.treatment}];
  $("simon-chart-title").textContent = `The ${s.criterion} design ${d.r1}/${d.n1}, ${d.r}/${d.n} over the true response rate`;
  drawChart($("chart-simon"), {
    aspect: 0.42,
    x: {label: "true response rate", min: 0, max: 1},
    y: {label: "probability", min: 0, max: 1},
    series: [{name: "P(promising)", x: plot.rate, y: plot.promising, color: COLORS.efficacy},
             {name: "P(stop after stage 1)", x: plot.rate, y: plot.early_stop, color: COLORS.futility, dash: "6 4"}],
    vlines: rates,
    hlines: [{y: plot.alpha, label: `α ${plot.alpha}`, dash: "2 3"},
             {y: plot.power_target, label: `1 − β ${rateText(plot.power_target)}`, dash: "2 3"}],
    points: [{x: plot.rate_h0, y: d.alpha, color: COLORS.efficacy, label: `α ${fixed(d.alpha, 4)}`},
             {x: plot.rate_h1, y: d.power, color: COLORS.efficacy, label: `power ${fixed(d.power, 4)}`}],
  });
  $("simon-chart-caption").textContent =
    "The chance that the trial declares the treatment promising, and that it stops after stage 1, if the true " +
    "response rate is the one on the axis. At p0 the first is the design's α, at most the dashed α line; at p1 " +
    "it is its power, at least the 1 − β line.";
  drawChart($("chart-simon-patients"), {
    x: {label: "true response rate", min: 0, max: 1},
    y: {label: "expected patients", min: 0},
    series: [{name: "expected patients", x: plot.rate, y: plot.expected_patients, color: COLORS.efficacy}],
    // (the curve runs near the top, where the lines' labels would be: the caption names them)
    vlines: rates.map((v) => ({x: v.x, color: v.color})),
    hlines: [{y: d.n1, label: `stage 1: ${d.n1}`, color: COLORS.analytic},
             {y: d.n, label: `in all: ${d.n}`, color: COLORS.analytic}],
    points: [{x: plot.rate_h0, y: d.expected_patients_h0, color: COLORS.efficacy, label: fixed(d.expected_patients_h0, 2)},
             {x: plot.rate_h1, y: d.expected_patients_h1, color: COLORS.efficacy, label: fixed(d.expected_patients_h1, 2)}],
  });
  $("simon-patients-caption").textContent =
    `Between the ${d.n1} patients of stage 1 and the ${d.n} of both stages: the worse the treatment, the more ` +
    `often the trial stops early. Dashed: p0 = ${rateText(plot.rate_h0)} and p1 = ${rateText(plot.rate_h1)}, ` +
    "with the expected patients there.";
}

// The admissible designs, from the minimax design to the optimal, with the
// one the criterion picks highlighted.
function fillSimonTable(s) {
  const list = s.admissible;
  const chosen = s.criterion === "minimax" ? 0 : list.length - 1;
  const header = ["Design", "r1/n1", "r/n", "α", "Power", "PET(p0)", "EN(p0)", "PET(p1)", "EN(p1)", "Weight q"];
  const rows = list.map((a) => [a.kind, `${a.r1}/${a.n1}`, `${a.r}/${a.n}`,
                                fixed(a.alpha, 4), fixed(a.power, 4), fixed(a.early_stop_h0, 4), fixed(a.expected_patients_h0, 2),
                                fixed(a.early_stop_h1, 4), fixed(a.expected_patients_h1, 2),
                                `${weight(a.weight_low)} to ${weight(a.weight_high)}`]);
  let admissible = 0;
  const keys = list.map((a) => (a.kind === "admissible" ? `admissible-${++admissible}` : a.kind));
  const table = $("table-simon");
  fillTable(table, header, rows, keys);
  table.querySelectorAll("tbody tr")[chosen].classList.add("chosen");
  $("simon-table-caption").textContent =
    "r1/n1: stop after n1 patients with r1 or fewer responders; r/n: promising with more than r responders of n. " +
    "PET: the probability of stopping after stage 1; EN: the expected patients; under p0 and p1. Weight q: each " +
    "design is the best for q n + (1 − q) EN(p0) while q, the weight of the maximum patients n, lies in its range: " +
    "the minimax design (fewest n) at q = 1, the optimal (least EN(p0)) at q = 0, and the admissible designs " +
    `between them (Jung et al. 2004). Highlighted: the ${s.criterion} design, which design.criterion picks.`;
}

function fillSimonCharacteristics(s) {
  const marked = (rate) => (Math.abs(rate - s.rate_h0) < 1e-12 ? " (p0)" : Math.abs(rate - s.rate_h1) < 1e-12 ? " (p1)" : "");
  const oc = s.operating_characteristics;
  $("simon-oc-title").textContent = `Operating characteristics of the ${s.criterion} design`;
  fillTable($("table-simon-oc"), ["Rate", "P(promising)", "P(stop after stage 1)", "Expected patients"],
            oc.map((o) => [`${fixed(o.rate, 4)}${marked(o.rate)}`, fixed(o.promising, 4), fixed(o.early_stop, 4),
                           fixed(o.expected_patients, 2)]),
            oc.map((o) => fixed(o.rate, 4)));
  $("table-simon-oc").querySelectorAll("tbody th").forEach((th) => {
    if (/\(p[01]\)$/.test(th.textContent)) th.classList.add("marked-rate");
  });
}

// What gsd simulate says of the config (it refuses a Simon design), asked of
// the engine once per config.
const simonRefusals = {configText: null, simulate: ""};

function simonRefusalsOf(configText) {
  if (simonRefusals.configText !== configText) {
    const reply = Engine.run(configText, "simulate");
    simonRefusals.configText = configText;
    simonRefusals.simulate = reply.error ? reply.error.message : "";
  }
  return simonRefusals;
}

function renderSimonNotes(s) {
  const min = s.minimax;
  const opt = s.optimal;
  const single = s.single_stage ?
    `A single stage would need ${count(s.single_stage.n)} patients (promising with more than ${count(s.single_stage.r)}).` :
    `A single stage would need more than ${count(s.max_patients)} patients.`;
  const compare = s.admissible.length === 1 ?
    `Here one design is both: ${opt.r1}/${opt.n1}, ${opt.r}/${opt.n}, with ${fixed(opt.expected_patients_h0, 2)} patients ` +
    "on average under p0." :
    `Here the minimax design treats at most ${min.n} patients and ${fixed(min.expected_patients_h0, 2)} on average ` +
    `under p0; the optimal at most ${opt.n} and ${fixed(opt.expected_patients_h0, 2)}.`;
  note($("note-simon"), "Optimal or minimax", [
    "Both designs keep α and the power; they differ in what they save. The optimal design has the fewest " +
    "patients on average when the treatment is not worth pursuing (the least EN(p0)): it stops early as often " +
    "as it can. The minimax design has the fewest patients in all (n), at the price of more on average under p0.",
    compare + " " + single,
    `The engine searched every design of at most ${count(s.max_patients)} patients (design.max_patients), with exact ` +
    "binomial probabilities (Simon 1989).",
  ]);
  const refusals = simonRefusalsOf(App.configText);
  const host = $("note-simon-exact");
  const looks = App.config.monitoring && Array.isArray(App.config.monitoring.looks) ? App.config.monitoring.looks.length : 0;
  host.replaceChildren(el("h3", {}, "Nothing to simulate; two looks to monitor"),
    el("p", {}, "The probabilities of a Simon design are exact binomial sums, so the Survival and Simulation " +
       "tabs are hidden for it. The command line says:"),
    ...[["gsd simulate", refusals.simulate]].filter(([, m]) => m)
      .map(([command, m]) => el("p", {"data-refusal": command.split(" ")[1]}, el("code", {}, command), ": ", m)),
    el("p", {}, "The Monitoring tab takes the trial's looks, the patients and responders at the end of each " +
       "stage, and shows what ", el("code", {}, "gsd monitor"), " gives: each look's decision, while stage 2 " +
       "runs the chance of a promising end, and once the trial has ended the exact p-value, estimates and " +
       "interval." + (looks ? ` This config has ${looks === 1 ? "one look" : `${looks} looks`}.` : "")));
}

// ------------------------------------------------------------ monitoring

// The Monitoring tab's inputs of a Simon config: n and responders of the
// look at the end of each stage (monitoring.looks[0] and [1], counted from
// the first patient), from the config.
function syncSimonLooks(config) {
  const m = config && config.monitoring;
  const looks = m && typeof m === "object" && Array.isArray(m.looks) ? m.looks : [];
  document.querySelectorAll("[data-simon-look]").forEach((n) => {
    const look = looks[Number(n.dataset.simonLook)];
    n.value = numberText(look !== null && typeof look === "object" ? look[n.dataset.key] : undefined);
  });
}

// A stage's field writes its key of that stage's look (a look the config
// gives with a date or a note keeps them); a last look left without n and
// responders goes, so that emptying stage 2 leaves stage 1 alone. What the
// counts must be is the engine's to say.
function onSimonLookInput(event) {
  const n = event.target;
  const k = Number(n.dataset.simonLook);
  const key = n.dataset.key;
  if (unreadable(n)) {
    refuseUnreadable(n, `monitoring.looks[${k}].${key}`);
    return;
  }
  const v = readNumber(n);
  const c = App.config;
  if (c.monitoring === null || typeof c.monitoring !== "object" || Array.isArray(c.monitoring)) c.monitoring = {};
  if (!Array.isArray(c.monitoring.looks)) c.monitoring.looks = [];
  const looks = c.monitoring.looks;
  while (looks.length <= k) looks.push({});
  if (looks[k] === null || typeof looks[k] !== "object" || Array.isArray(looks[k])) looks[k] = {};
  if (v === undefined) delete looks[k][key];
  else looks[k][key] = v;
  const counted = (look) => look !== null && typeof look === "object" && ("n" in look || "responders" in look);
  while (looks.length && !counted(looks[looks.length - 1])) looks.pop();
  tidyMonitoring();
  commit();
}

// The stage fields an engine's error names (monitoring.looks[k] or one of its keys).
function simonLookFields(path) {
  const look = path.match(/^monitoring\.looks\[(\d+)\](?:\.(\w+))?/);
  if (!look) return [];
  const fields = [...document.querySelectorAll(`[data-simon-look="${look[1]}"]`)];
  const named = fields.filter((n) => n.dataset.key === look[2]);
  return named.length ? named : fields;
}

function wireSimonMonitoring() {
  document.querySelectorAll("[data-simon-look]").forEach((n) => n.addEventListener("input", onSimonLookInput));
}

function responderCount(r) {
  return `${count(r)} responder${r === 1 ? "" : "s"}`;
}

// A confidence level as a percentage, as the command line prints it (90, 97.5).
function percent(level) {
  return String(+(100 * level).toPrecision(6));
}

// What `gsd monitor` gives for a Simon trial (result.monitoring, plot), only
// rounded: each look's counts, decision and reason; while stage 2 runs, the
// chance of a promising end given stage 1; once the trial has ended, the
// p-value, the estimates and the interval; and the warnings.
function renderSimonMonitoring(reply) {
  const m = reply.result.monitoring;
  const d = m.design;
  const last = m.looks[m.looks.length - 1];
  $("gsd-monitor-result").textContent = reply.result_text;
  const banner = $("monitor-banner");
  banner.className = "banner decision-" + last.decision;
  banner.replaceChildren(el("strong", {}, last.verdict), ` Look ${last.look}: ${last.reason}.`);
  $("simon-monitor-title").textContent = `Looks of the ${m.criterion} design ${d.r1}/${d.n1}, ${d.r}/${d.n}`;
  const inputs = m.looks.map((l) => l.input || {});
  const dated = inputs.some((i) => i.date !== undefined);
  const noted = inputs.some((i) => i.note !== undefined);
  const header = ["Look", "Stage", "Patients", "Responders", "Rate", "Decision", ...(dated ? ["Date"] : []), ...(noted ? ["Note"] : [])];
  const rows = m.looks.map((l, k) => [String(l.look), String(l.stage), count(l.patients), count(l.responders), fixed(l.rate, 4),
                                      l.verdict, ...(dated ? [inputs[k].date ?? ""] : []),
                                      ...(noted ? [inputs[k].note ?? ""] : [])]);
  const table = $("table-simon-monitoring");
  fillTable(table, header, rows, m.looks.map((l) => l.look));
  table.querySelectorAll("tbody tr").forEach((tr, k) => {
    tr.dataset.decision = m.looks[k].decision;
    if (noted) tr.lastChild.classList.add("note-cell");
  });
  $("simon-monitor-reasons").replaceChildren(...m.looks.map((l) =>
    el("li", {"data-look": l.look, value: l.look}, `Look ${l.look}: ${l.reason}.`)));
  const p0 = rateText(m.rate_h0);
  const p1 = rateText(m.rate_h1);
  const fin = $("simon-monitor-final");
  const cp = last.conditional_probability;
  if (m.final) {
    const f = m.final;
    const level = percent(f.confidence_level);
    $("simon-monitor-cards").replaceChildren(
      card("p-value", pvalue(f.p_value), `one-sided, against p0 = ${p0}; ${f.ordering} ordering, exact binomial`, "p-value"),
      card(`${level}% confidence interval`, `${fixed(f.ci_rate[0], 4)} to ${fixed(f.ci_rate[1], 4)}`,
           "exact, for the response rate", "ci"),
      card("Median-unbiased rate", fixed(f.median_unbiased_rate, 4), `of the ${f.ordering} ordering`, "median-unbiased"),
      card("UMVUE", fixed(f.umvue_rate, 4), "unbiased, of least variance (Jung & Kim 2004)", "umvue"),
      card("Observed rate", fixed(f.observed_rate, 4), `${responderCount(last.responders)} of ${count(last.patients)}; ` +
           "biased by the stop rule", "observed"));
    fin.replaceChildren(
      `After ${m.looks.length === 1 ? "the stop after stage 1" : "stage 2"} (${f.ordering} ordering, exact binomial): p-value `,
      el("b", {"data-key": "p-value"}, pvalue(f.p_value)), ` (one-sided, against p0 ${p0}); response rate: observed `,
      el("b", {"data-key": "observed"}, fixed(f.observed_rate, 4)), ", UMVUE ", el("b", {"data-key": "umvue"}, fixed(f.umvue_rate, 4)),
      ", median-unbiased ", el("b", {"data-key": "median-unbiased"}, fixed(f.median_unbiased_rate, 4)), `, ${level}% CI `,
      el("b", {"data-key": "ci"}, `${fixed(f.ci_rate[0], 4)} to ${fixed(f.ci_rate[1], 4)}`),
      ". Method: Jennison & Turnbull (2000) ch. 8; UMVUE of Jung & Kim (2004); the observed rate is biased by the stop rule.");
  } else if (cp) {
    const given = `the chance of more than ${responderCount(d.r)} once stage 2's ${count(d.n - d.n1)} patients are in, given stage 1`;
    $("simon-monitor-cards").replaceChildren(
      card("P(promising) at p0", fixed(cp.rate_h0, 4), `${given}, if the true rate is p0 = ${p0}`, "cp-h0"),
      card("P(promising) at p1", fixed(cp.rate_h1, 4), `${given}, if the true rate is p1 = ${p1}`, "cp-h1"),
      card("P(promising) at stage 1's rate", fixed(cp.observed_rate, 4), `${given}, if the true rate is ${fixed(last.rate, 4)}`,
           "cp-observed"));
    fin.replaceChildren(`While stage 2 runs: ${given}: `, el("b", {"data-key": "cp-h0"}, fixed(cp.rate_h0, 4)), ` at p0 ${p0}, `,
      el("b", {"data-key": "cp-h1"}, fixed(cp.rate_h1, 4)), ` at p1 ${p1}, `,
      el("b", {"data-key": "cp-observed"}, fixed(cp.observed_rate, 4)), ` at stage 1's rate ${fixed(last.rate, 4)}.`);
  } else {
    $("simon-monitor-cards").replaceChildren();
    fin.textContent = "";
  }
  const warnings = m.warnings;
  const host = $("simon-monitor-warnings");
  host.hidden = !warnings.length;
  host.replaceChildren(...(warnings.length ?
    [el("h3", {}, warnings.length === 1 ? "Warning" : "Warnings"), el("ul", {}, ...warnings.map((w) => el("li", {}, w)))] : []));
  drawSimonMonitorChart(m, reply.plot);
  renderSimonMonitoringNote(m);
}

// The design's probabilities over the true rate (as on the Design tab), with
// the rate observed at each look and, once the trial has ended, the interval.
function drawSimonMonitorChart(m, plot) {
  const s = plot.simon;
  const obs = plot.observed;
  const series = [{name: "P(promising)", x: s.rate, y: s.promising, color: COLORS.efficacy},
                  {name: "P(stop after stage 1)", x: s.rate, y: s.early_stop, color: COLORS.futility, dash: "6 4"}];
  obs.rate.forEach((r, k) => {
    const lastLook = k === obs.rate.length - 1;
    series.push({name: `look ${k + 1}: ${fixed(r, 4)}`, x: [r, r], y: [0, 1],
                 color: COLORS.observed, width: lastLook ? 2.5 : 1.5, dash: lastLook ? undefined : "5 3"});
  });
  if (plot.ci_rate) {
    const [lo, hi] = plot.ci_rate;
    series.push({name: `${percent(m.final.confidence_level)}% CI`,
                 x: [lo, lo, null, hi, hi], y: [0, 1, null, 0, 1], color: COLORS.control, width: 1.5, dash: "2 3"});
  }
  drawChart($("chart-simon-monitor"), {
    aspect: 0.42,
    x: {label: "true response rate", min: 0, max: 1},
    y: {label: "probability", min: 0, max: 1},
    series,
    vlines: [{x: s.rate_h0, label: `p0 ${rateText(s.rate_h0)}`, color: COLORS.analytic},
             {x: s.rate_h1, label: `p1 ${rateText(s.rate_h1)}`, color: COLORS.analytic}],
  });
  $("simon-monitor-caption").textContent =
    "The design's chance of a promising end and of a stop after stage 1 over the true response rate (as on the " +
    "Design tab), with the rate observed at each look (responders / patients so far)" +
    (plot.ci_rate ? " and the exact interval once the trial has ended." : ".");
}

function renderSimonMonitoringNote(m) {
  const d = m.design;
  note($("note-simon-monitoring"), "Judging and estimating a Simon trial", [
    `The looks are judged by the design's counts: after stage 1 the trial stops with ${count(d.r1)} or fewer ` +
    `responders of ${count(d.n1)}; after stage 2 the treatment is promising with more than ${count(d.r)} of ` +
    `${count(d.n)}. While stage 2 runs, the chance of a promising end given stage 1 is exact, at p0, at p1 and ` +
    "at stage 1's rate.",
    "Once the trial has ended, the observed rate is biased by the stop rule: a trial that went on had a good " +
    "stage 1. The outcomes are ordered stage-wise (every stop after stage 1 below every trial that went on); " +
    "the p-value, the median-unbiased estimate and the exact interval follow that ordering (Jennison &amp; " +
    "Turnbull 2000, ch. 8), and the UMVUE is that of Jung &amp; Kim (2004). At the planned sizes the p-value " +
    "is at most α exactly when more than r respond.",
  ]);
}
