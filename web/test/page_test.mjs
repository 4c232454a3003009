// The page in a real browser (Debian's Chromium, driven by playwright-core
// over the DevTools protocol; no browser is downloaded). It opens the built
// page from file:// and checks it against the command line:
//   - the seed trial's design: #gsd-result equals `gsd design --format json`;
//     the table and the cards show the same bounds and power;
//   - a new alpha redraws the bounds with the numbers the command line gives
//     for the page's own config (taken from its #config= link);
//   - the link reopens the same page;
//   - bad input shows the engine's message and marks the field;
//   - the monitoring panel on the committee's look at 49 of 94 events;
//   - 2,000 simulated trials in the Web Worker: progress, power within Monte
//     Carlo error of the analytic power, and the command line's numbers for
//     the exported config; a long run is cancelled;
//   - the plan's warnings and its power at the expected look times beside
//     the event-driven power (the form's other fields: form_test.mjs);
//   - Export config, each CSV and the committee's report: the downloads equal
//     what the command line writes for the exported config;
//   - the simulated Kaplan-Meier curves against the command line's
//     replicate data (events and patients at each replicate's last look);
//   - a screenshot that is not blank, no request leaves the file, and the
//     file is under 3 MB.
// It measures the first design and the redraws (K = 1..10) and compares them
// with the targets: the first design within 300 ms and a redraw within 50 ms
// of the page thread's CPU time (docs/web.md, "Speed", says why CPU time).
// Like the engine's benchmarks, the targets are a pass/fail condition only
// when asked for, on a quiet machine (GSD_CHECK_SPEED=1): on a shared or
// virtual machine the same page's first design varies by a quarter from one
// opening to the next, so the test suite reports them ("target met" or
// "target missed") without failing on them.
//   [GSD_CHECK_SPEED=1] node web/test/page_test.mjs PAGE.html GSD_BINARY [SCREENSHOT.png]
import {readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {cell, configOfUrl, designResult, harness, launch, root} from "./harness.mjs";

const [pagePath, gsdPath, screenshotPath] = process.argv.slice(2);
if (!gsdPath) {
  console.error("usage: node web/test/page_test.mjs PAGE.html GSD_BINARY [SCREENSHOT.png]");
  process.exit(2);
}
const {work, check, gsd, gsdText, sameJson, sameCsv, downloadOf, exportedConfig, done} = harness(gsdPath);
const pageUrl = pathToFileURL(resolve(pagePath)).href;
const kMaxPageBytes = 3e6;
// Speed targets, in CPU time of the page's thread (docs/web.md, "Speed").
const kFirstDesignMs = 300;
const kRedrawMs = 50;

// A speed target: checked with GSD_CHECK_SPEED=1, else reported.
const kCheckSpeed = process.env.GSD_CHECK_SPEED === "1";
function speedTarget(ok, what) {
  if (kCheckSpeed) check(ok, what);
  else console.log(`${ok ? "target met   " : "target missed"} ${what} (reported; GSD_CHECK_SPEED=1 checks it)`);
}

// From the slider's input event to the next frame, for K = 1..10: wall-clock
// time, the engine call's share of it, and the CPU time of the page's thread
// (the workers run on others); then, with a survival model, the wall-clock
// time until the plan from the worker is shown. The least of two tries each.
async function measureRedraws(page, cpu, label) {
  const settled = () => page.waitForSelector("#gsd-result:not([data-pending])", {state: "attached"});
  const rows = [];
  for (let k = 1; k <= 10; ++k) {
    let best = null;
    for (let rep = 0; rep < 2; ++rep) {
      await page.evaluate((value) => {
        const slider = document.getElementById("looks-slider");
        slider.value = String(value);
        slider.dispatchEvent(new Event("input", {bubbles: true}));
      }, (k % 10) + 1);
      await settled();
      const before = await cpu();
      const t = await page.evaluate((value) => new Promise((done) => {
        const slider = document.getElementById("looks-slider");
        slider.value = String(value);
        const t0 = performance.now();
        slider.dispatchEvent(new Event("input", {bubbles: true}));
        const error = document.getElementById("status").textContent;
        const pending = !!document.getElementById("gsd-result").dataset.pending;
        requestAnimationFrame(() => setTimeout(() => done({t0, pending, wall: performance.now() - t0,
                                                           engine: window.gsdTimings.lastEngine, error}), 0));
      }), k);
      t.thread = (await cpu()).thread - before.thread;
      await settled();
      t.plan = t.pending ? await page.evaluate((t0) => window.gsdTimings.lastPlanAt - t0, t.t0) : null;
      if (!best || t.thread < best.thread) best = t;
    }
    rows.push(best);
  }
  const show = (f) => rows.map((r) => (r.error ? "err" : f(r) === null ? "-" : f(r).toFixed(0)).padStart(6)).join("");
  console.log(`measure: redraw after a K change, ${label}`);
  console.log(`measure:   K =                           ${rows.map((_, k) => String(k + 1).padStart(6)).join("")}`);
  console.log(`measure:   wall-clock to the next frame  ${show((r) => r.wall)} ms`);
  console.log(`measure:   of which the engine call      ${show((r) => r.engine)} ms`);
  console.log(`measure:   CPU time of the page's thread ${show((r) => r.thread)} ms`);
  if (rows.some((r) => r.plan !== null)) console.log(`measure:   survival plan shown (worker)  ${show((r) => r.plan)} ms`);
  for (const [k, r] of rows.entries()) if (r.error) console.log(`measure:   (K = ${k + 1}: ${r.error})`);
  const worst = Math.max(...rows.map((r) => r.thread));
  check(rows.every((r) => !r.error), `every redraw for K = 1..10, ${label}, without an error`);
  speedTarget(worst <= kRedrawMs,
              `speed: every redraw for K = 1..10, ${label}, within ${kRedrawMs} ms of CPU time (at most ${worst.toFixed(0)} ms)`);
}

// The Kaplan-Meier chart: two model curves and both arms of three replicates,
// drawn as steps. Each replicate's curves are checked against the command
// line's --replicate-data for the same run: their drops are the events at the
// replicate's last look, and the patients at risk at the first drop, read
// from its size (S falls by the factor 1 - 1/n), are at most those enrolled.
async function checkKaplanMeier(page, replicateData) {
  const {km, paths} = await page.evaluate(() => ({
    km: App.sim.reply.plot,
    paths: [...document.querySelectorAll("#chart-km path.series")].map((p) => p.getAttribute("d")),
  }));
  check(km.replicates.length === 3 && paths.length === 2 + 2 * km.replicates.length &&
        paths.slice(2).every((d) => /H[^V]*V/.test(d)),
        `Kaplan-Meier chart: the model's two curves and ${2 * km.replicates.length} step curves of three simulated trials`);
  const rows = readFileSync(replicateData, "utf8").trim().split("\n");
  const header = rows[0].split(",");
  const field = (row, name) => Number(row.split(",")[header.indexOf(name)]);
  for (const rep of km.replicates) {
    const looks = rows.filter((r) => Number(r.split(",")[0]) === rep.replicate);
    const last = looks[looks.length - 1];
    const drops = (c) => c.y.filter((v, j) => j > 0 && v < c.y[j - 1]).length;
    const atRisk = (c) => (c.y.length > 1 && c.y[1] < 1 ? Math.round(1 / (1 - c.y[1])) : 0);
    const monotone = (c) => c.y[0] === 1 && c.y.every((v, j) => v >= 0 && (j === 0 || v <= c.y[j - 1]));
    const events = drops(rep.control) + drops(rep.treatment);
    check(looks.length > 0 && monotone(rep.control) && monotone(rep.treatment) &&
          events === field(last, "events") && atRisk(rep.control) + atRisk(rep.treatment) <= field(last, "patients"),
          `Kaplan-Meier, replicate ${rep.replicate}: ${events} drops = the ${field(last, "events")} events of its last look ` +
          `(look ${field(last, "look")}, ${field(last, "patients")} patients) in gsd simulate --replicate-data`);
  }
}

const seed = JSON.parse(readFileSync(join(root, "configs/blinatumomab-20120215.json"), "utf8"));
const bytes = statSync(pagePath).size;
check(bytes < kMaxPageBytes, `page size ${(bytes / 1e6).toFixed(2)} MB < 3 MB`);

// CPU time of a page's thread (and of its whole renderer process), from the
// DevTools protocol: unlike wall-clock time, it does not grow while other
// programs hold the machine's cores.
async function cpuMeter(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const cpu = async () => {
    const {metrics} = await cdp.send("Performance.getMetrics");
    const get = (name) => metrics.find((m) => m.name === name).value * 1000;
    return {thread: get("ThreadTime"), process: get("ProcessTime")};
  };
  return {cdp, cpu};
}

// Opens the page on the seed trial and measures the CPU time to the first
// design: the page marks that moment (performance.mark "gsd-first-design"),
// and a trace of user-timing marks, which carry the thread's CPU clock, gives
// the CPU time between it and a probe mark made once the page is ready;
// subtracted from the thread's CPU time at the probe, that leaves the CPU
// time to the first design.
async function openMeasured(context, page) {
  const {cdp, cpu} = await cpuMeter(context, page);
  const atStart = await cpu();
  const marks = [];
  cdp.on("Tracing.dataCollected", (event) => marks.push(...event.value.filter((e) => e.ph === "I" || e.ph === "R")));
  const traced = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
  await cdp.send("Tracing.start", {categories: "blink.user_timing", transferMode: "ReportEvents"});
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");
  await page.evaluate(() => performance.mark("gsd-test-probe"));
  await cdp.send("Tracing.end");
  await traced;
  const atReady = await cpu();
  const timings = await page.evaluate(() => window.gsdTimings);
  const markCpu = (name) => (marks.find((e) => e.name === name) || {}).tts / 1000;
  const firstCpu = atReady.thread - atStart.thread - (markCpu("gsd-test-probe") - markCpu("gsd-first-design"));
  console.log(`measure: first design shown ${timings.firstDesign.toFixed(0)} ms after navigation start ` +
              `(page script ran at ${timings.scriptStart.toFixed(0)} ms, engine ready at ${timings.engineReady.toFixed(0)} ms, ` +
              `its first call ${timings.lastEngine.toFixed(0)} ms), ` +
              `its survival plan at ${timings.firstPlan.toFixed(0)} ms; CPU time of the page's thread: ` +
              `${firstCpu.toFixed(0)} ms to the first design, ${(atReady.thread - atStart.thread).toFixed(0)} ms with the plan; ` +
              `${(atReady.process - atStart.process).toFixed(0)} ms in its renderer process`);
  return {cpu, firstCpu};
}

const {profile, context} = await launch();
const requests = [];
context.on("request", (r) => requests.push(r.url()));
const errors = [];
try {
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.setDefaultTimeout(60000);

  // ------------------------------------------------------------ seed trial
  // The first design, as a person opening the page sees it, measured twice:
  // here, and in a second browser (nothing compiled or cached is shared).
  // The least of the two is checked, as for the redraws below.
  const {cpu, firstCpu} = await openMeasured(context, page);
  const other = await launch();
  let secondCpu = Infinity;
  try {
    secondCpu = (await openMeasured(other.context, await other.context.newPage())).firstCpu;
  } finally {
    await other.context.close();
    rmSync(other.profile, {recursive: true, force: true});
  }
  const leastCpu = Math.min(firstCpu, secondCpu);
  check(Number.isFinite(leastCpu), "the first design's CPU time was measured");
  speedTarget(leastCpu <= kFirstDesignMs,
        `speed: the first design shown within ${kFirstDesignMs} ms of CPU time ` +
        `(the least of two openings: ${firstCpu.toFixed(0)} and ${secondCpu.toFixed(0)} ms)`);
  const seedCli = gsd("design", seed);
  sameJson(JSON.parse(await page.textContent("#gsd-result")), seedCli, "seed design: #gsd-result = gsd design --format json");
  check(JSON.stringify(configOfUrl(page.url())) === JSON.stringify(seed), "the #config= fragment holds the seed config");
  const looks = seedCli.boundaries.looks;
  for (let k = 0; k < looks.length; ++k) {
    check(await cell(page, "table-design", k + 1, 3) === looks[k].efficacy_z.toFixed(4),
          `table: efficacy z at look ${k + 1} = ${looks[k].efficacy_z.toFixed(4)}`);
  }
  // Export config and the design's CSV, through the command line
  const seedFile = await exportedConfig(page, "seed trial");
  sameJson(JSON.parse(await page.textContent("#gsd-result")), JSON.parse(gsdText("design", seedFile, "--format", "json")),
           "seed trial: gsd design on the exported config = #gsd-result");
  const seedCsv = gsdText("design", seedFile, "--format", "csv");
  sameCsv((await downloadOf(page, "#csv-design")).text, seedCsv, "CSV of the bounds table = gsd design --format csv");

  await page.click("[data-tab=survival]");
  const plan = seedCli.sample_size;
  check(await page.textContent("#survival-cards [data-stat=power] .stat-value") === plan.power.toFixed(4),
        `survival: power card = ${plan.power.toFixed(4)} (event-driven)`);
  check(await page.textContent("#survival-cards [data-stat=power-fixed-times] .stat-value") === plan.power_fixed_times.toFixed(4) &&
        plan.power_fixed_times.toFixed(4) !== plan.power.toFixed(4),
        `survival: power at the expected look times beside it = ${plan.power_fixed_times.toFixed(4)}`);
  const shownWarnings = await page.$$eval("#survival-warnings li", (items) => items.map((li) => li.textContent));
  check(plan.warnings.length === 1 && JSON.stringify(shownWarnings) === JSON.stringify(plan.warnings) &&
        await page.isVisible("#survival-warnings"),
        `survival: the plan's warning, as the command line words it ("${plan.warnings[0].slice(0, 40)}...")`);
  check(await page.evaluate(() => document.querySelector("[data-tab=survival]").classList.contains("has-warnings")),
        "the Survival tab's button is marked while the plan has a warning");
  check(await page.inputValue("#survival-method") === "exact" &&
        (await page.textContent("#survival-method-line")).includes(plan.method.reference),
        "survival: method exact, with its description and reference");
  sameCsv((await downloadOf(page, "#csv-survival")).text, seedCsv, "CSV of the looks in calendar time = gsd design --format csv");
  check(await page.textContent("#survival-cards [data-stat=events] .stat-value") === String(plan.events),
        `survival: events card = ${plan.events}`);
  const seedNote = await page.textContent("#note-schoenfeld");
  check(seedNote.includes(`${plan.schoenfeld.fixed_events} events`) && seedNote.includes(`${plan.power.toFixed(4)} with ${plan.events} events`),
        `survival: the note compares ${plan.schoenfeld.fixed_events} Schoenfeld events with the cure model's power ${plan.power.toFixed(4)} at ${plan.events}`);
  await page.waitForSelector("#chart-power path.series");
  check(true, "survival: the power curve came from the worker");
  await page.click("[data-tab=design]");

  // ------------------------------------------------ alpha redraws the bounds
  const pathBefore = await page.getAttribute("#chart-bounds path.series", "d");
  await page.fill("input[type=number][data-path='design.alpha']", "0.025");
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"alpha": 0.025'));
  const alphaConfig = configOfUrl(page.url());
  check(alphaConfig.design.alpha === 0.025, "the link now says alpha 0.025");
  const alphaCli = gsd("design", alphaConfig);
  sameJson(await designResult(page), alphaCli, "alpha 0.025: #gsd-result = gsd design on the page's config");
  const newZ = alphaCli.boundaries.looks[0].efficacy_z.toFixed(4);
  check(newZ !== looks[0].efficacy_z.toFixed(4) && await cell(page, "table-design", 1, 3) === newZ,
        `table redrawn: first bound ${looks[0].efficacy_z.toFixed(4)} -> ${newZ}`);
  check(await page.getAttribute("#chart-bounds path.series", "d") !== pathBefore, "boundary chart redrawn");
  // the boundary chart's three scales, each with a point per look
  for (const [scale, label] of [["p", "nominal p at the bound (two-sided)"],
                                ["hr", "hazard ratio at the bound"], ["z", "z"]]) {
    await page.check(`input[name=bound-scale][value=${scale}]`);
    await page.waitForFunction((l) => [...document.querySelectorAll("#chart-bounds .axis-label")].some((t) => t.textContent === l), label);
    const vertices = (await page.getAttribute("#chart-bounds path.series", "d")).split(/[ML]/).filter(Boolean).length;
    check(vertices === alphaCli.boundaries.looks.length, `boundary chart on the ${scale} scale: ${label}, ${vertices} looks`);
  }

  // A two-sided futility bound stops the trial when |z| is below it: both
  // edges are drawn on the z and hazard-ratio scales, and the caption says
  // so; the p scale has the futility line beside the efficacy one.
  await page.selectOption("#futility-family", "lan-demets-pocock");
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes('"futility_spending"'));
  const seriesOf = async () => page.$$eval("#chart-bounds path.series", (paths) => paths.length);
  const futilityPlot = gsd("design", configOfUrl(page.url()));
  check(futilityPlot.boundaries.looks[0].futility_z > 0 && await seriesOf() === 4 &&
        (await page.textContent("#bounds-caption")).includes("between the two futility lines (|z| below the bound)"),
        "two-sided futility: efficacy, lower and both futility edges drawn; the caption gives |z| below the bound");
  // The table gives the chance of a futility stop under H0 (bounds obeyed)
  // beside the one under H1, as gsd design does.
  for (const [k, l] of futilityPlot.boundaries.looks.entries()) {
    check(await cell(page, "table-design", k + 1, 9) === l.probability_futility_h0.toFixed(4) &&
          await cell(page, "table-design", k + 1, 10) === l.probability_futility_h1.toFixed(4),
          `table: P(stop, futility) under H0 and H1 at look ${k + 1}`);
  }
  for (const [scale, count] of [["p", 2], ["hr", 3], ["z", 4]]) {
    await page.check(`input[name=bound-scale][value=${scale}]`);
    await page.waitForFunction((n) => document.querySelectorAll("#chart-bounds path.series").length === n, count,
                               {timeout: 20000}).catch(() => {});
    check(await seriesOf() === count, `two-sided futility on the ${scale} scale: ${count} lines`);
  }
  await page.selectOption("#futility-family", "");
  await page.waitForFunction(() => !document.getElementById("gsd-result").textContent.includes('"futility_spending"'));

  // the link reopens the same page
  const again = await context.newPage();
  await again.goto(page.url());
  await again.waitForSelector("body[data-ready='1']");
  check(await again.textContent("#gsd-result") === await page.textContent("#gsd-result"), "the link reopens the same design");
  await again.close();

  // ------------------------------------------------------ redraw speed, K
  await measureRedraws(page, cpu, "the seed trial (with its survival model)");
  check((await designResult(page)).boundaries.looks.length === 10, "K = 10 looks drawn");
  const designOnly = Object.assign({}, seed);
  delete designOnly.survival;
  // a new fragment on the open page (a same-document navigation: hashchange)
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(designOnly)).toString("base64url"));
  await page.waitForFunction(() => !document.getElementById("gsd-result").textContent.includes("sample_size"));
  sameJson(JSON.parse(await page.textContent("#gsd-result")), gsd("design", designOnly),
           "a #config= link of the seed design without survival: = gsd design");
  // (its bounds come from the bounds-only call, which writes no CSV: the
  // download asks the engine for it)
  const designOnlyFile = join(work, "design-only.json");
  writeFileSync(designOnlyFile, JSON.stringify(designOnly));
  sameCsv((await downloadOf(page, "#csv-design")).text, gsdText("design", designOnlyFile, "--format", "csv"),
          "CSV of the bounds table without survival = gsd design --format csv");
  await measureRedraws(page, cpu, "the seed design without survival");
  await page.goto(pageUrl);
  await page.waitForSelector("body[data-ready='1']");

  // ------------------------------------------------------------ bad input
  await page.fill("input[type=number][data-path='design.alpha']", "0.7");
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("design.alpha"));
  check(await page.textContent("#status") === "error: design.alpha = 0.7 must lie in (0, 0.5); give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)",
        "bad alpha: the engine's message (" + await page.textContent("#status") + ")");
  check(await page.evaluate(() => document.querySelector("input[type=number][data-path='design.alpha']")
    .classList.contains("field-error")), "bad alpha: the field is marked");
  check(await page.textContent("#gsd-result") === "" &&
        await page.getAttribute("#gsd-result", "data-error") === "design.alpha = 0.7 must lie in (0, 0.5); give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)",
        "bad alpha: #gsd-result is empty and names the error");

  // ------------------------------------------------------------ Open config
  // A config with fields the page has no input for (strata): kept and used.
  // Reached by the keyboard: Tab from Export config, then Enter clicks the
  // file input (which opens the file dialog; the file is then given to it).
  const stratifiedFile = join(root, "configs/blinatumomab-stratified.json");
  await page.focus("#export-config");
  await page.keyboard.press("Tab");
  const openFocused = await page.evaluate(() => document.activeElement.textContent.trim() === "Open config");
  await page.evaluate(() => {
    window.gsdFileDialog = false;
    document.getElementById("open-config").addEventListener("click", (e) => {
      window.gsdFileDialog = true;
      e.preventDefault();  // no dialog in a headless test
    }, {once: true});
  });
  await page.keyboard.press("Enter");
  const dialog = await page.evaluate(() => window.gsdFileDialog);
  check(openFocused && dialog, "Open config: Tab from Export config reaches it, and Enter opens the file dialog" +
        (openFocused ? "" : " (Tab reached another element)") + (dialog ? "" : " (no file dialog)"));
  await page.setInputFiles("#open-config", stratifiedFile);
  await page.waitForFunction(() => document.getElementById("gsd-result").textContent.includes("strat") ||
                                   document.getElementById("trial-name").textContent.toLowerCase().includes("strat"));
  const stratified = JSON.parse(readFileSync(stratifiedFile, "utf8"));
  sameJson(await designResult(page), gsd("design", stratified), "Open config (a stratified trial): #gsd-result = gsd design on the file");
  check(JSON.stringify(JSON.parse((await downloadOf(page, "#export-config")).text)) === JSON.stringify(stratified),
        "Open config, then Export config: the same config, strata kept");

  // --------------------------------------------------- monitoring, 49 events
  await page.click("#reset-seed");
  await page.waitForFunction(() => document.getElementById("status").textContent === "");
  await page.click("[data-tab=monitoring]");
  await page.click("#committee-look");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent !== "");
  const monitorConfig = configOfUrl(page.url());
  check(JSON.stringify(monitorConfig.monitoring.looks) === '[{"events":49,"p_two_sided":0.001,"direction":"favours-treatment"}]',
        "the committee's look is in the config");
  const monitorCli = gsd("monitor", monitorConfig);
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), monitorCli, "monitoring: = gsd monitor --format json");
  const look = monitorCli.monitoring.looks[0];
  check(await cell(page, "table-monitoring", 1, 5) === look.efficacy_z.toFixed(4) && look.efficacy_z.toFixed(4) === "2.8933",
        "recomputed bound at 49 of 94 events: z 2.8933");
  check(await cell(page, "table-monitoring", 1, 6) === "0.003813", "two-sided nominal p at the bound 0.003813 (the paper's .004)");
  check(await cell(page, "table-monitoring", 1, 7) === "stop-efficacy", "decision: stop-efficacy");
  check(await cell(page, "table-monitoring", 1, 9) ===
        `${look.repeated_ci_hazard_ratio[0].toFixed(4)} to ${look.repeated_ci_hazard_ratio[1].toFixed(4)}`,
        "repeated confidence interval as the command line's");
  check((await page.textContent("#monitor-banner")).startsWith("stop efficacy"), "banner: stop efficacy");
  const monitorFile = await exportedConfig(page, "monitoring");
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), JSON.parse(gsdText("monitor", monitorFile, "--format", "json")),
           "monitoring: gsd monitor on the exported config = #gsd-monitor-result");
  sameCsv((await downloadOf(page, "#csv-monitoring")).text, gsdText("monitor", monitorFile, "--format", "csv"),
          "CSV of the monitoring table = gsd monitor --format csv");

  // The committee's report: the command line's, but for when and from what it was made.
  const reportFile = join(work, "report.html");
  gsdText("monitor", monitorFile, "--report", reportFile);
  const stamp = (html) => html.replace(/(<div class=meta>[^<]*?, generated ).*?( from ).*?(<\/div>)/, "$1T$2S$3");
  const pageReport = (await downloadOf(page, "#report-monitoring")).text;
  check(pageReport.includes("<div class=meta>") && stamp(pageReport) === stamp(readFileSync(reportFile, "utf8")),
        "DMC report = gsd monitor --report (but for its time stamp and source)");

  check((await page.textContent("#chart-monitor .legend")).includes("bound at the last look's schedule"),
        "the log-rank bounds are labelled as the last look's schedule");

  // A weighted log-rank test's looks (the FH(0, 1) example), monitored on the
  // test's own information scale: each look's z against its own bound.
  const fh01File = join(root, "examples/weighted-monitoring/fh01.json");
  await page.setInputFiles("#open-config", fh01File);
  await page.click("[data-tab=monitoring]");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes("fleming-harrington"));
  const fh01Cli = JSON.parse(gsdText("monitor", fh01File, "--format", "json"));
  sameJson(JSON.parse(await page.textContent("#gsd-monitor-result")), fh01Cli,
           "a weighted test's monitoring: = gsd monitor --format json");
  for (let k = 0; k < fh01Cli.monitoring.looks.length; ++k) {
    check(await cell(page, "table-monitoring", k + 1, 5) === fh01Cli.monitoring.looks[k].efficacy_z.toFixed(4),
          `weighted test, look ${k + 1}: bound ${fh01Cli.monitoring.looks[k].efficacy_z.toFixed(4)} as gsd monitor`);
  }
  check((await page.textContent("#chart-monitor .legend")).includes("bound at each look's information"),
        "a weighted test's bounds are labelled as set at each look");
  check((await page.textContent("#chart-cp")).includes("own information scale"),
        "a weighted test's monitoring says why it has no conditional-power curve");
  // A MaxCombo look is judged by its largest z.
  const maxcomboFile = join(root, "examples/weighted-monitoring/maxcombo.json");
  await page.setInputFiles("#open-config", maxcomboFile);
  await page.click("[data-tab=monitoring]");
  await page.waitForFunction(() => document.getElementById("gsd-monitor-result").textContent.includes("max_z"),
                             null, {timeout: 120000});
  const maxcomboCli = JSON.parse(gsdText("monitor", maxcomboFile, "--format", "json"));
  for (let k = 0; k < maxcomboCli.monitoring.looks.length; ++k) {
    const l = maxcomboCli.monitoring.looks[k];
    const bound = `${l.efficacy_z.toFixed(4)} ± ${l.efficacy_z_error.toFixed(4)}`;
    check(await cell(page, "table-monitoring", k + 1, 4) === l.max_z.toFixed(4) &&
          await cell(page, "table-monitoring", k + 1, 5) === bound,
          `MaxCombo, look ${k + 1}: largest z ${l.max_z.toFixed(4)} against ${bound} as gsd monitor`);
  }

  // ------------------------------------------------ simulation in a worker
  await page.click("#reset-seed");
  await page.click("[data-tab=simulation]");
  await page.fill("#sim-replicates", "2000");
  await page.fill("#sim-seed", "1");
  const t0 = Date.now();
  await page.click("#sim-run");
  await page.waitForSelector("body[data-simulation='done']", {timeout: 300000});
  console.log(`measure: 2,000 simulated trials in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const simPage = JSON.parse(await page.textContent("#gsd-simulation-result")).simulation;
  const simConfig = configOfUrl(page.url());
  check(simConfig.simulation.replicates === 2000 && simConfig.simulation.seed === 1, "the config holds 2,000 trials, seed 1");
  check(Number(await page.getAttribute("#sim-progress", "data-updates")) >= 1, "progress was reported while it ran");
  const p = simPage.analytic_power;
  const se = Math.sqrt(p * (1 - p) / simPage.replicates);
  check(simPage.replicates === 2000 && Math.abs(simPage.power - p) <= 4 * se,
        `simulated power ${simPage.power} within 4 SE (${(4 * se).toFixed(4)}) of the analytic ${p.toFixed(4)}`);
  const simFile = await exportedConfig(page, "simulation");
  const replicateData = join(work, "replicates.csv");
  sameJson({simulation: simPage},
           {simulation: JSON.parse(gsdText("simulate", simFile, "--format", "json", "--quiet", "--replicate-data", replicateData)).simulation},
           "simulation: = gsd simulate on the exported config");
  sameCsv((await downloadOf(page, "#csv-simulation")).text, gsdText("simulate", simFile, "--format", "csv", "--quiet"),
          "CSV of the simulation table = gsd simulate --format csv");
  await checkKaplanMeier(page, replicateData);
  // The seed design is two-sided: its lower bound stops trials too, and the
  // table shows how often, as gsd simulate does.
  const simHeader = await page.$$eval("#table-simulation thead th", (ths) => ths.map((th) => th.textContent));
  const harmColumn = simHeader.indexOf("Stop for harm, simulated");
  check(harmColumn > 0 && simPage.reject_lower_per_look.length === 3, "the simulation table has a column for harm stops");
  for (let k = 0; k < 3; ++k) {
    check(await cell(page, "table-simulation", k + 1, harmColumn + 1) === simPage.reject_lower_per_look[k].toFixed(4),
          `look ${k + 1}: harm stops ${simPage.reject_lower_per_look[k]} as simulated`);
  }
  check(await cell(page, "table-simulation", 4, harmColumn + 1) === simPage.reject_lower.toFixed(4),
        `all looks: harm stops ${simPage.reject_lower}, the engine's total`);
  // When the looks come: the share of trials that held each look and their
  // mean time, as simulated, beside the design's time of its events.
  const heldColumn = simHeader.indexOf("Held");
  const timeColumn = simHeader.indexOf("Mean time (months), simulated");
  const designTimeColumn = simHeader.indexOf("Time (months), design");
  check(heldColumn > 0 && timeColumn > 0 && designTimeColumn > 0, "the simulation table has the looks' held share and times");
  const designLooks = JSON.parse(gsdText("design", simFile, "--format", "json")).sample_size.looks;
  for (let k = 0; k < 3; ++k) {
    check(await cell(page, "table-simulation", k + 1, heldColumn + 1) === simPage.held_per_look[k].toFixed(4) &&
          await cell(page, "table-simulation", k + 1, timeColumn + 1) === simPage.mean_time_per_look[k].toFixed(2) &&
          await cell(page, "table-simulation", k + 1, designTimeColumn + 1) === designLooks[k].calendar_time.toFixed(2),
          `look ${k + 1}: held ${simPage.held_per_look[k]} at month ${simPage.mean_time_per_look[k].toFixed(2)} ` +
          `(design ${designLooks[k].calendar_time.toFixed(2)})`);
  }

  check(await page.isHidden("#card-side-tests"), "without simulation.tests the side tests' card is hidden");

  // cancel a long run
  await page.fill("#sim-replicates", "1000000");
  await page.click("#sim-run");
  await page.waitForFunction(() => Number(document.getElementById("sim-progress").dataset.updates) >= 1);
  await page.click("#sim-cancel");
  await page.waitForSelector("body[data-simulation='cancelled']", {timeout: 10000});
  check((await page.textContent("#sim-status")).startsWith("Cancelled after"), "a long simulation is cancelled");
  check(!(await page.isDisabled("#sim-run")), "Simulate is available again");

  // Tests on the same replicates (simulation.tests): each test's row as gsd simulate counts it.
  const side = JSON.parse(readFileSync(join(root, "tests/cli/simulate/weighted_observed.json"), "utf8"));
  side.simulation = {...side.simulation, replicates: 300, seed: 2};
  await page.goto(pageUrl + "#config=" + Buffer.from(JSON.stringify(side)).toString("base64url"));
  await page.waitForFunction(() => document.getElementById("sim-replicates").value === "300");
  await page.click("#sim-run");
  await page.waitForSelector("body[data-simulation='done']", {timeout: 300000});
  check(await page.isVisible("#card-side-tests"), "with simulation.tests the side tests' card is shown");
  const sideTests = gsd("simulate", side, "--quiet").simulation.tests;
  for (let j = 0; j < sideTests.length; ++j) {
    const t = sideTests[j];
    const want = [t.label, ...[t.power, t.power_se, t.analytic_power, ...t.reject_per_look, ...t.mean_efficacy_z_per_look]
      .map((x) => x.toFixed(4))];
    const got = await page.$$eval(`#table-side-tests tbody tr:nth-child(${j + 1}) > *`, (cells) => cells.map((c) => c.textContent));
    check(JSON.stringify(got) === JSON.stringify(want), `side test ${got.join(" ")}: = gsd simulate`);
  }
  const simNote = await page.textContent("#note-simulation");
  check(simNote.includes("with the config's fleming-harrington test and bounds recomputed at the variance each look observes"),
        "the simulation note names the trial's own test and its recomputed bounds");

  // --------------------------------------------------------- projector mode
  await page.click("[data-tab=design]");
  const tickSize = () => page.$eval("#chart-bounds svg.chart .tick", (t) => parseFloat(getComputedStyle(t).fontSize));
  const normalTicks = await tickSize();
  await page.click("#projector");
  check(await page.getAttribute("#projector", "aria-pressed") === "true" && await tickSize() > normalTicks,
        `projector: larger chart type (${normalTicks} px -> ${await tickSize()} px)`);
  await page.click("#projector");

  // ------------------------------------------------------------ screenshot
  // the Survival tab of the seed trial, with the power curve (docs/web-page.png)
  await page.click("#reset-seed");
  await page.click("[data-tab=survival]");
  await page.waitForSelector("#chart-power path.series");
  await page.waitForTimeout(200);
  const png = await page.screenshot({path: screenshotPath || join(work, "page.png"), fullPage: true});
  const ink = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const top = Math.max(...counts.values());
    return {colours: counts.size, notBackground: 1 - top / (data.length / 4)};
  }, png.toString("base64"));
  check(ink.colours > 50 && ink.notBackground > 0.1,
        `screenshot not blank: ${ink.colours} colours, ${(100 * ink.notBackground).toFixed(0)}% off the main colour`);

  const outside = requests.filter((u) => !/^(file|blob|data):/.test(u));
  check(outside.length === 0, `no request leaves the page (${requests.length} requests, all file:, blob: or data:)` +
        (outside.length ? ": " + outside.slice(0, 3).join(" ") : ""));
  check(errors.length === 0, "no script error" + (errors.length ? ": " + errors.join("; ") : ""));
} finally {
  await context.close();
  rmSync(profile, {recursive: true, force: true});
}
const failures = done();
console.log(failures ? `page test: ${failures} failed` : "page test: all passed");
process.exit(failures ? 1 : 0);
